package io.cardex.api;

import io.cardex.service.http.ServiceServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.cardindex.CardIndexNames;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

    private static final ApiConfig API = new ApiConfig("127.0.0.1", 8080, URI.create("http://127.0.0.1:9200"),
            new CardIndexNames("cards"));

    @Test
    void originsAreSchemeHostAndPort() {
        List<String> origins = List.of("https://hub.example.org", "http://localhost:3000", "https://*.example.org", "*");

        assertThat(API.withCorsOrigins(origins).corsOrigins()).isEqualTo(origins);
    }

    @Test
    void anOriginWithAPathIsRefusedNamingIt() {
        assertThatThrownBy(() -> API.withCorsOrigins(List.of("https://hub.example.org/search")))
                .hasMessage("CORS origin 'https://hub.example.org/search' must be * or scheme://host[:port] without "
                        + "a path, such as https://hub.example.org");
    }

    @Test
    void anOriginWithoutSchemeIsRefused() {
        assertThatThrownBy(() -> API.withCorsOrigins(List.of("hub.example.org")))
                .hasMessageStartingWith("CORS origin 'hub.example.org' must be");
    }

    @Test
    void aPortOutOfRangeNamesTheOptionsOfBothCommands() {
        assertThatThrownBy(() -> new ApiConfig(ServiceServer.DEFAULT_HOST, 70_000, URI.create("http://127.0.0.1:9200"),
                new CardIndexNames("cards")))
                .hasMessageStartingWith("the API port (--port, or --api-port")
                .hasMessageEndingWith("must be between 0 and 65535, not 70000");
    }

    @Test
    void withoutOriginsAndKafkaByDefault() {
        assertThat(API.corsOrigins()).isEmpty();
        assertThat(API.kafka()).isEmpty();
    }

    @Test
    void printingTheConfigurationNeverShowsTheElasticsearchPassword() {
        ApiConfig withCredentials = new ApiConfig("127.0.0.1", 8080, URI.create("http://cardex:s3cret@elasticsearch:9200"),
                new CardIndexNames("cards"));

        assertThat(withCredentials.toString()).doesNotContain("s3cret").contains("cardex:***@elasticsearch:9200");
    }
}
