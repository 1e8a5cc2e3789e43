package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepositorySourceTest {

    @Test
    void aUrlIsARemoteNamedAfterItsLastSegment() {
        RepositorySource source = RepositorySource.parse("https://gitee.com/mindspore/hub.git");

        assertThat(source).isEqualTo(new RepositorySource.Remote("https://gitee.com/mindspore/hub.git"));
        assertThat(source.defaultName()).isEqualTo("hub");
    }

    @Test
    void anScpLikeAddressIsARemote() {
        RepositorySource source = RepositorySource.parse("git@github.com:mindspore-ai/Hub.git");

        assertThat(source).isInstanceOf(RepositorySource.Remote.class);
        assertThat(source.defaultName()).isEqualTo("hub");
    }

    @Test
    void anythingElseIsALocalPath() {
        RepositorySource source = RepositorySource.parse("/srv/My Cards");

        assertThat(source).isEqualTo(new RepositorySource.Local(Path.of("/srv/My Cards")));
        assertThat(source.defaultName()).isEqualTo("my-cards");
    }
}
