package io.cardex.it.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.SecuredStack;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Elasticsearch with security on, over HTTPS with the CA the test stack made: the pipeline runs
 * trusting that CA only, and a service whose password is wrong or that does not trust the
 * certificate is told so at start, in one line.
 */
class SecuredElasticsearchIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final Duration EXIT = Duration.ofSeconds(90);

    private static EmbeddedStack stack;
    private static UniqueNames names;
    private static Path work;

    @BeforeAll
    static void start() {
        stack = SecuredStack.get();
        names = UniqueNames.forTest("secured");
        work = TempDirectories.create("cardex-it-secured-work-");
    }

    @AfterAll
    static void deleteWork() {
        TempDirectories.delete(work);
    }

    @Test
    void thePipelineRunsOverHttpsTrustingOnlyTheStacksCa() throws Exception {
        URI superuser = stack.elasticsearchSuperuserUrl();
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET);
             Pipeline pipeline = TestPipeline.on(stack, repository, names, work.resolve("ingest"))
                     .asUsers(superuser, superuser).start()) {
            ApiClient search = new ApiClient(pipeline.apiPort());
            repository.commit("one card");
            await().ignoreExceptions().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(search.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
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
