package io.cardex.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchFileRealmTest {

    private static final DeploymentNames NAMES = new DeploymentNames("cards", "topic", "topic.dead-letters", "group");
    private static final PasswordVariables PASSWORDS = new PasswordVariables(Map.of(
            "CARDEX_ES_PASSWORD", "indexerPassword0001", "CARDEX_API_ES_PASSWORD", "apiPassword00000001",
            "CARDEX_KIBANA_IMPORT_PASSWORD", "kibanaPassword00001"));

    @Test
    void eachUserOfAccessYamlGetsAPbkdf2HashOfItsPasswordInElasticsearchsFormat() {
        String users = ElasticsearchFileRealm.files(Access.builtIn(NAMES).elasticsearch(), PASSWORDS).get("users");

        assertThat(users.lines()).hasSize(3).allMatch(line -> line.matches("[a-z_]+:\\{PBKDF2}10000\\$[A-Za-z0-9+/=]{44}\\$[A-Za-z0-9+/=]{44}"));
        String apiHash = users.lines().filter(line -> line.startsWith("cardex_api:")).findFirst().orElseThrow()
                .substring("cardex_api:{PBKDF2}10000$".length());
        String[] saltAndKey = apiHash.split("\\$");
        byte[] expected = ElasticsearchFileRealm.pbkdf2("apiPassword00000001", Base64.getDecoder().decode(saltAndKey[0]), 10_000);
        assertThat(Base64.getDecoder().decode(saltAndKey[1])).isEqualTo(expected);
    }

    @Test
    void eachRoleListsItsUsersAndTheRolesAreAccessYamlsWithTheDeploymentsNames() throws Exception {
        Map<String, String> files = ElasticsearchFileRealm.files(Access.builtIn(NAMES).elasticsearch(), PASSWORDS);

        assertThat(files.get("users_roles").lines())
                .containsExactly("cardex_api:cardex_api", "cardex_indexer:cardex", "cardex_kibana_import:cardex_kibana");
        Map<String, Object> roles = new ObjectMapper(new YAMLFactory()).readValue(files.get("roles.yml"),
                new TypeReference<Map<String, Object>>() { });
        assertThat(roles.keySet()).containsExactlyInAnyOrder("cardex_indexer", "cardex_api", "cardex_kibana_import");
        assertThat(files.get("roles.yml")).contains("- \"cards-v*\"").doesNotContain("kibana_system");
    }

    @Test
    void anExamplePasswordIsRefusedNamingItsVariable() {
        PasswordVariables example = new PasswordVariables(Map.of("CARDEX_ES_PASSWORD", "changeMeCardex00000",
                "CARDEX_API_ES_PASSWORD", "apiPassword00000001", "CARDEX_KIBANA_IMPORT_PASSWORD", "kibanaPassword00001"));

        assertThatThrownBy(() -> ElasticsearchFileRealm.files(Access.builtIn(NAMES).elasticsearch(), example))
                .hasMessageContaining("CARDEX_ES_PASSWORD");
    }
}
