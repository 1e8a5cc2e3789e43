package io.cardex.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final StackConfig OPEN = new StackConfig(Path.of("data"), 9092, 9200);

    @Test
    void aSecuredElasticsearchTakesTheFilesOfItsFileRealm() {
        StackConfig secured = OPEN.withSecuredElasticsearch(Map.of("users", "cardex:{PBKDF2}...", "users_roles", "r:cardex"));

        assertThat(secured.securedElasticsearch()).isTrue();
        assertThat(secured.elasticsearchFileRealm()).containsOnlyKeys("users", "users_roles");
    }

    @Test
    void onlyTheFileRealmsFilesMayBeWritten() {
        assertThatThrownBy(() -> OPEN.withSecuredElasticsearch(Map.of("elasticsearch.yml", "xpack.security.enabled: false")))
                .hasMessageContaining("the file realm's files are").hasMessageContaining("elasticsearch.yml");
    }

    @Test
    void anOpenElasticsearchHasNoFileRealm() {
        assertThatThrownBy(() -> new StackConfig(Path.of("data"), 9092, 9200, Optional.empty(), false,
                Map.of("users", "cardex:x")))
                .hasMessageContaining("secure it to give it a file realm");
    }
}
