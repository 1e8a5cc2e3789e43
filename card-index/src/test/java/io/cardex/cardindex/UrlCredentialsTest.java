package io.cardex.cardindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

    @Test
    void aUrlWithoutUserInfoHasNoCredentials() {
        assertThat(UrlCredentials.of(URI.create("http://elasticsearch:9200"))).isEmpty();
    }

    @Test
    void theUserInfoIsTheUserAndThePasswordPercentDecoded() {
        UrlCredentials credentials = UrlCredentials.of(URI.create("http://cardex:p%40ss%3Aw%2Frd@elasticsearch:9200"))
                .orElseThrow();

        assertThat(credentials.username()).isEqualTo("cardex");
        assertThat(credentials.password()).isEqualTo("p@ss:w/rd");
        // RFC 7617: base64 of "cardex:p@ss:w/rd"
        assertThat(credentials.basicAuthorization()).isEqualTo("Basic Y2FyZGV4OnBAc3M6dy9yZA==");
    }

    @Test
    void aUserWithoutAPasswordIsRefusedWithoutShowingTheUrlWhole() {
        assertThatThrownBy(() -> UrlCredentials.of(URI.create("http://cardex@elasticsearch:9200")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be user:password");
    }

    @Test
    void aRedactedUrlKeepsTheUserAndHidesThePassword() {
        URI url = URI.create("http://cardex:s3cret@elasticsearch:9200/prefix");

        assertThat(UrlCredentials.redact(url)).isEqualTo("http://cardex:***@elasticsearch:9200/prefix");
        assertThat(UrlCredentials.redact(URI.create("https://es.example.org"))).isEqualTo("https://es.example.org");
    }

    @Test
    void aPasswordWithAnUnencodedAtSignIsHiddenWhole() {
        assertThat(UrlCredentials.redact("http://cardex:p@ss/w@elasticsearch:9200"))
                .isEqualTo("http://cardex:***@elasticsearch:9200");
    }

    @Test
    void theUrlToConnectToHasNoUserInfo() {
        assertThat(UrlCredentials.withoutUserInfo(URI.create("http://elastic:s3cret@kibana:5601/s/team")))
                .isEqualTo(URI.create("http://kibana:5601/s/team"));
    }

    @Test
    void printingCredentialsNeverShowsThePassword() {
        assertThat(new UrlCredentials("cardex", "s3cret").toString()).doesNotContain("s3cret").contains("cardex");
    }
}
