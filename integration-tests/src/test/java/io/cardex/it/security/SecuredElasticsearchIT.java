package io.cardex.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.JsonData;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.SecuredStack;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Elasticsearch with security on, over HTTPS with the CA the test stack made, and the users and
 * roles of access.yaml: each user is refused what its role does not allow; a service whose password
 * is wrong, whose user lacks a privilege or that does not trust the certificate is told so at start,
 * in one line. The pipeline running as these users is {@link SecuredKafkaIT}'s, on the same stack.
 */
class SecuredElasticsearchIT {

    private static final Duration EXIT = Duration.ofSeconds(90);
    private static final String OTHER_INDEX = "secured-other";

    private static EmbeddedStack stack;
    private static UniqueNames names;
    private static Path work;

    @BeforeAll
    static void start() {
        stack = SecuredStack.get();
        UniqueNames unique = UniqueNames.forTest("secured");
        names = new UniqueNames(unique.topic(), SecuredStack.INDEX, unique.consumerGroup());
        work = TempDirectories.create("cardex-it-secured-work-");
    }

    @AfterAll
    static void deleteWork() {
        TempDirectories.delete(work);
    }

    @Test
    void theApisUserCannotWriteOrDeleteTheCardIndexNorReadAnotherIndex() throws Exception {
        createOtherIndex();
        try (ElasticsearchConnection api = connectAs("cardex_api")) {
            ElasticsearchClient client = api.client();
            assertThat(client.security().authenticate().username()).isEqualTo("cardex_api");

            assertRefused(() -> client.index(i -> i.index(SecuredStack.INDEX.alias()).id("planted")
                    .document(Map.of("name", "planted"))));
            assertRefused(() -> client.indices().delete(d -> d.index(SecuredStack.INDEX.alias() + "-v1")));
            assertRefused(() -> client.search(r -> r.index(OTHER_INDEX), Object.class));
            assertRefused(() -> client.indices().delete(d -> d.index(OTHER_INDEX)));
        }
    }

    @Test
    void theIndexersUserCannotDeleteAnotherIndexNorChangeClusterSettings() throws Exception {
        createOtherIndex();
        try (ElasticsearchConnection indexer = connectAs("cardex")) {
            ElasticsearchClient client = indexer.client();
            assertThat(client.security().authenticate().username()).isEqualTo("cardex");

            assertRefused(() -> client.indices().delete(d -> d.index(OTHER_INDEX)));
            assertRefused(() -> client.cluster().putSettings(p -> p
                    .persistent("cluster.routing.allocation.enable", JsonData.of("none"))));
        }
        try (ElasticsearchConnection superuser = new ElasticsearchConnection(stack.elasticsearchSuperuserUrl(), stack.elasticsearchCa())) {
            assertThat(superuser.client().indices().exists(e -> e.index(OTHER_INDEX)).value()).isTrue();
        }
    }

    @Test
    void anIndexerWhoseUserLacksAPrivilegeStopsAtStartNamingEachMissingOne() {
        CardexProcess indexer = cardex("lacking", "indexer", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--topic", names.topic(), "--group-id", names.consumerGroup(), "--index", names.index().alias(),
                "--elasticsearch-url", SecuredStack.userUrl("cardex_api").toString(),
                "--elasticsearch-ca", ca().toString(), "--port", "0");

        assertThat(indexer.awaitExit(EXIT)).as(indexer.output()).isEqualTo(1);
        assertThat(indexer.output())
                .contains("cardex: the indexer cannot start: user cardex_api of Elasticsearch at https://cardex_api:***@127.0.0.1:"
                        + stack.elasticsearchUrl().getPort() + " lacks the cluster privilege manage_index_templates")
                .contains("the index privilege write on " + names.index().alias())
                .contains("grant them to one of its roles (access.yaml, applied by cardex access)")
                .doesNotContain("securedApi").doesNotContain("\tat ");
    }

    @Test
    void anIndexerWithAWrongPasswordStopsAtStartSayingWhichUser() {
        CardexProcess indexer = cardex("wrong-password", "indexer", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--topic", names.topic(), "--group-id", names.consumerGroup(), "--index", names.index().alias(),
                "--elasticsearch-url", userUrl("cardex", "not-its-password").toString(),
                "--elasticsearch-ca", ca().toString(), "--port", "0");

        assertThat(indexer.awaitExit(EXIT)).as(indexer.output()).isEqualTo(1);
        assertThat(indexer.output())
                .contains("cardex: the indexer cannot start: Elasticsearch at https://cardex:***@127.0.0.1:"
                        + stack.elasticsearchUrl().getPort() + " refuses user cardex: wrong user name or password")
                .doesNotContain("not-its-password").doesNotContain("\tat ");
    }

    @Test
    void anApiThatDoesNotTrustElasticsearchsCertificateStopsAtStartSayingWhichCaToGive() {
        CardexProcess api = cardex("untrusted", "api", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--index", names.index().alias(), "--elasticsearch-url", userUrl("cardex_api", "any-password").toString(),
                "--port", "0");

        assertThat(api.awaitExit(EXIT)).as(api.output()).isEqualTo(1);
        assertThat(api.output())
                .contains("cardex: the API cannot start: Elasticsearch at https://cardex_api:***@")
                .contains("presents a certificate cardex does not trust")
                .contains("give the PEM file of its CA with --elasticsearch-ca (CARDEX_ELASTICSEARCH_CA)")
                .doesNotContain("\tat ");
    }

    private static void createOtherIndex() throws Exception {
        try (ElasticsearchConnection superuser = new ElasticsearchConnection(stack.elasticsearchSuperuserUrl(), stack.elasticsearchCa())) {
            ElasticsearchClient client = superuser.client();
            if (!client.indices().exists(e -> e.index(OTHER_INDEX)).value()) {
                client.index(i -> i.index(OTHER_INDEX).id("private").document(Map.of("secret", "not for cardex"))
                        .refresh(Refresh.True));
            }
        }
    }

    private static ElasticsearchConnection connectAs(String user) {
        return new ElasticsearchConnection(SecuredStack.userUrl(user), stack.elasticsearchCa());
    }

    private static void assertRefused(ThrowingCall call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ElasticsearchException.class,
                e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(403));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static CardexProcess cardex(String name, String... arguments) {
        return CardexProcess.start(work.resolve(name + ".txt"), arguments);
    }

    private static URI userUrl(String user, String password) {
        URI url = stack.elasticsearchUrl();
        return URI.create("https://" + user + ":" + password + "@" + url.getHost() + ":" + url.getPort());
    }

    private static Path ca() {
        return stack.elasticsearchCa().orElseThrow();
    }
}
