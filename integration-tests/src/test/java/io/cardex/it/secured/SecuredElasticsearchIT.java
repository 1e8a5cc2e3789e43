package io.cardex.it.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchAccessSetup;
import io.cardex.access.PasswordVariables;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.SecuredStack;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.topics.DeadLetterTopic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The users of access.yaml on an Elasticsearch with security on, over HTTPS with the CA the test
 * stack made: the pipeline runs as them, each may do its job and nothing more, and a user that is
 * refused is told so at start, in one line.
 */
class SecuredElasticsearchIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final Duration EXIT = Duration.ofSeconds(90);

    private static EmbeddedStack stack;
    private static UniqueNames names;
    private static final Map<String, String> passwords = new HashMap<>();
    private static Path work;

    @BeforeAll
    static void applyAccess() throws Exception {
        stack = SecuredStack.get();
        names = UniqueNames.forTest("secured");
        work = TempDirectories.create("cardex-it-secured-work-");
        Access access = Access.builtIn(new DeploymentNames(names.index().alias(), names.topic(),
                DeadLetterTopic.of(names.topic()), names.consumerGroup()));
        access.elasticsearch().users().values().forEach(user -> passwords.put(user.password(), UUID.randomUUID().toString()));
        access.elasticsearch().reservedUsers().values()
                .forEach(user -> passwords.put(user.password(), UUID.randomUUID().toString()));
        try (ElasticsearchConnection superuser = superuser()) {
            new ElasticsearchAccessSetup(superuser.client()).apply(access.elasticsearch(), new PasswordVariables(passwords));
        }
    }

    @AfterAll
    static void deleteWork() {
        TempDirectories.delete(work);
    }

    @Test
    void thePipelineRunsAsItsOwnUsersOverHttpsAndEachMayDoItsJobOnly() throws Exception {
        String other = "other-" + names.index().alias();
        try (ElasticsearchConnection superuser = superuser()) {
            superuser.client().index(i -> i.index(other).id("1").document(Map.of("secret", "not the API's"))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        }
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET);
             Pipeline pipeline = TestPipeline.on(stack, repository, names, work.resolve("ingest"))
                     .asUsers(as("cardex", "CARDEX_ES_PASSWORD"), as("cardex_api", "CARDEX_API_ES_PASSWORD")).start();
             ElasticsearchConnection api = connect(as("cardex_api", "CARDEX_API_ES_PASSWORD"));
             ElasticsearchConnection indexer = connect(as("cardex", "CARDEX_ES_PASSWORD"))) {
            ApiClient search = new ApiClient(pipeline.apiPort());
            repository.commit("one card");
            await().ignoreExceptions().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(search.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));

            ElasticsearchClient asApi = api.client();
            assertRefused(() -> asApi.index(i -> i.index(names.index().alias()).id("planted")
                    .document(Map.of("card", Map.of("title", "planted")))), "the API's user writing a card");
            assertRefused(() -> asApi.delete(d -> d.index(names.index().versionedIndex(1))
                    .id("hub/mindspore/1.9/refinenet_voc2012")), "the API's user deleting a card");
            assertRefused(() -> asApi.indices().delete(d -> d.index(names.index().versionedIndex(1))),
                    "the API's user deleting the card index");
            assertRefused(() -> asApi.search(s -> s.index(other), Map.class), "the API's user reading another index");

            ElasticsearchClient asIndexer = indexer.client();
            assertRefused(() -> asIndexer.indices().delete(d -> d.index(other)), "the indexer's user deleting another index");
            assertRefused(() -> asIndexer.cluster().putSettings(p -> p.persistent(
                    "cluster.routing.allocation.enable", JsonData.of("none"))), "the indexer's user changing cluster settings");
            assertThat(search.searchKeys("refinenet")).as("the index is as the indexer wrote it")
                    .containsExactly("hub/mindspore/1.9/refinenet_voc2012");
        }
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
    void anIndexerGivenTheApisUserStopsAtStartNamingThePrivilegesItLacks() {
        CardexProcess indexer = cardex("missing-privilege", "indexer", "--bootstrap-servers",
                stack.kafkaBootstrapServers(), "--topic", names.topic(), "--group-id", names.consumerGroup(),
                "--index", names.index().alias(), "--elasticsearch-url", as("cardex_api", "CARDEX_API_ES_PASSWORD").toString(),
                "--elasticsearch-ca", ca().toString(), "--port", "0");

        assertThat(indexer.awaitExit(EXIT)).as(indexer.output()).isEqualTo(1);
        assertThat(indexer.output())
                .contains("cardex: the indexer cannot start: user cardex_api of Elasticsearch at https://cardex_api:***@")
                .contains("lacks the cluster privilege manage_index_templates")
                .contains("the index privilege write on " + names.index().indexPattern())
                .doesNotContain("\tat ");
    }

    @Test
    void anApiThatDoesNotTrustElasticsearchsCertificateStopsAtStartSayingWhichCaToGive() {
        CardexProcess api = cardex("untrusted", "api", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--index", names.index().alias(), "--elasticsearch-url", as("cardex_api", "CARDEX_API_ES_PASSWORD").toString(),
                "--port", "0");

        assertThat(api.awaitExit(EXIT)).as(api.output()).isEqualTo(1);
        assertThat(api.output())
                .contains("cardex: the API cannot start: Elasticsearch at https://cardex_api:***@")
                .contains("presents a certificate cardex does not trust")
                .contains("give the PEM file of its CA with --elasticsearch-ca (CARDEX_ELASTICSEARCH_CA)")
                .doesNotContain("\tat ");
    }

    private static CardexProcess cardex(String name, String... arguments) {
        return CardexProcess.start(work.resolve(name + ".txt"), arguments);
    }

    private static void assertRefused(ThrowingCall call, String what) {
        ElasticsearchException refused = catchThrowableOfType(ElasticsearchException.class, call::run);
        assertThat(refused).as(what + " must be refused").isNotNull();
        assertThat(refused.status()).as(what).isEqualTo(403);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static URI as(String user, String passwordVariable) {
        return userUrl(user, passwords.get(passwordVariable));
    }

    private static URI userUrl(String user, String password) {
        URI url = stack.elasticsearchUrl();
        return URI.create("https://" + user + ":" + password + "@" + url.getHost() + ":" + url.getPort());
    }

    private static Path ca() {
        return stack.elasticsearchCa().orElseThrow();
    }

    private static ElasticsearchConnection superuser() {
        return connect(stack.elasticsearchSuperuserUrl());
    }

    private static ElasticsearchConnection connect(URI url) {
        return new ElasticsearchConnection(url, stack.elasticsearchCa());
    }
}
