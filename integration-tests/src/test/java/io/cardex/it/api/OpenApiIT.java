package io.cardex.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.it.api.OpenApiDocument.Answer;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The OpenAPI document the API serves at /openapi.json describes what it really answers: for a
 * request of each kind, through the whole pipeline on the example cards, the status, media type,
 * headers and body of the answer are those the document gives for the path.
 */
class OpenApiIT {

    private static final String NASFPN = "/cards/hub/mindspore/1.6/nasfpn_coco2017";
    private static final String REFINENET = "/cards/hub/mindspore/1.9/refinenet_voc2012";
    private static final String PAPER = "/cards/hub/papers/2016/refinenet";
    private static final String BROKEN = "/cards/hub/someone/1.0/broken";
    private static final String NOBODY = "/cards/hub/nobody/1.0/nothing";
    /** A 500 is a bug: no request can ask for one. */
    private static final int INTERNAL_ERROR = 500;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiService withoutIndex;
    private static ApiService withoutKafka;
    private static OpenApiDocument document;

    @BeforeAll
    static void indexTheExamplesAndABrokenCard() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("openapi");
        work = TempDirectories.create("cardex-it-openapi-");
        repository = CardRepositoryFixture.create().addEveryExample().addBrokenCopyOfNasFpn("someone/1.0/broken.md");
        repository.commit("five example cards and a broken one");
        // Every asset of the examples is on a host not allowed here: each check ends "blocked", offline,
        // so that the asset checks have every field a finished check has.
        pipeline = TestPipeline.over(repository, names, work)
                .verifyingAssets(new AssetVerification(VerifierConfig.builder().allowedHosts(Set.of("assets.example.org")).build(),
                        Duration.ofHours(1)))
                .start();
        withoutIndex = start(new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(),
                UniqueNames.forTest("openapi-no-index").index()));
        withoutKafka = start(new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(), names.index()));
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode cards = JSON.readTree(get(pipeline.apiPort(), "/stats").body()).path("cards");
            return cards.path("total").asInt() == 6 && cards.at("/by_asset_status/blocked").asInt() == 5;
        });
        document = new OpenApiDocument(get(pipeline.apiPort(), "/openapi.json").body());
    }

    @AfterAll
    static void stop() {
        withoutKafka.close();
        withoutIndex.close();
        pipeline.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerIsAsTheDocumentDescribesIt() throws IOException {
        return requests().stream().map(request -> dynamicTest(request.toString(), () -> {
            Answer answer = request.send();

            assertThat(answer.status()).as("status of %s: %s", request, answer.body()).isEqualTo(request.status());
            assertThat(document.differences(request.uri(), answer)).as("%s answered %s", request, answer.body())
                    .isEmpty();
        }));
    }

    @Test
    void everyAnswerTheDocumentDescribesIsAmongTheRequestsChecked() throws IOException {
        Set<String> checked = new HashSet<>();
        requests().forEach(request -> checked.add(document.pathOf(request.uri().getPath()).orElseThrow()
                + " " + request.status()));

        Set<String> documented = new HashSet<>();
        document.paths().forEach(path -> document.statuses(path).stream().filter(status -> status != INTERNAL_ERROR)
                .forEach(status -> documented.add(path + " " + status)));
        assertThat(checked).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void anAnswerWithAFieldTheDocumentDoesNotKnowOrWithoutARequiredOneIsCaught() throws IOException {
        String search = document.schemaOf("/search", 200, "application/json");
        String card = document.schemaOf("/cards/{key}", 200, "application/json");
        String problem = document.schemaOf("/search", 400, "application/problem+json");
        ObjectNode page = (ObjectNode) JSON.readTree(get(pipeline.apiPort(), "/search?q=refinenet").body());
        ObjectNode whole = (ObjectNode) JSON.readTree(get(pipeline.apiPort(), REFINENET).body());
        ObjectNode refused = (ObjectNode) JSON.readTree(get(pipeline.apiPort(), "/search?colour=red").body());
        assertThat(document.bodyDifferences(search, page.toString())).isEmpty();
        assertThat(document.bodyDifferences(card, whole.toString())).isEmpty();
        assertThat(document.bodyDifferences(problem, refused.toString())).isEmpty();

        assertCaught(search, with(page, p -> p.put("took_ms", 3)), "took_ms");
        assertCaught(search, with(page, p -> p.remove("total")), "total");
        assertCaught(search, with(page, p -> ((ObjectNode) p.path("cards").get(0)).put("rank", 1)), "rank");
        assertCaught(card, with(whole, c -> c.remove("status")), "status");
        assertCaught(card, with(whole, c -> c.put("score", 1.0)), "score");
        assertCaught(card, with(whole, c -> ((ObjectNode) c.path("card")).remove("problems")), "problems");
        assertCaught(card, with(whole, c -> ((ObjectNode) c.path("source")).put("author", "x")), "author");
        assertCaught(card, with(whole, c -> ((ObjectNode) c.path("card")).put("kind", "dataset")), "/card/kind");
        assertCaught(problem, with(refused, p -> p.put("trace", "at ...")), "trace");
        assertCaught(problem, with(refused, p -> p.remove("detail")), "detail");
    }

    private static void assertCaught(String schema, String body, String field) {
        assertThat(document.bodyDifferences(schema, body)).as("%s changed in %s", field, body)
                .anySatisfy(difference -> assertThat(difference).contains(field));
    }

    /** A request of each kind, and the status it must get. */
    private static List<Request> requests() throws IOException {
        int api = pipeline.apiPort();
        String nextPage = "/search?sort=name&size=2";
        String cursor = JSON.readTree(get(api, nextPage).body()).path("next_cursor").asText();
        return List.of(
                new Request(api, "/search", 200),
                new Request(api, "/search?q=refinenet&facets=dataset&facets=kind,status", 200),
                new Request(api, "/search?q=" + encode("\"semantic segmentation\" -coco"), 200),
                new Request(api, "/search?q=refinenet&kind=paper", 200),
                new Request(api, "/search?dataset=coco2017&dataset=voc2012&version=1.7&license=apache2.0", 200),
                new Request(api, "/search?status=all&facets=module_type,module_detail,dataset,version,license,author,"
                        + "user,file_format,used_for,asset_status,kind,status", 200),
                new Request(api, "/search?status=invalid&asset_status=blocked", 200),
                new Request(api, nextPage, 200),
                new Request(api, nextPage + "&cursor=" + cursor, 200),
                new Request(api, "/search?sort=metric:acc&order=asc&from=1&size=3", 200),
                new Request(api, "/search?sort=updated&module_type=cv&author=" + encode("mindspore team")
                        + "&user=mindspore&file_format=ckpt&used_for=inference", 200),
                new Request(api, "/search?q=refinenet&group=card&facets=dataset", 200),
                new Request(api, "/search?q=refnenett&dataset=voc2012&metric=" + encode("acc>=0.5")
                        + "&updated_after=2022-01-01&updated_before=2022-12-31", 200),
                new Request(api, "/search?q=5DF4C060", 200),
                new Request(api, "/search?sha256=5df4c0602071678957f0039520cde9ebb995f7c2bbadddc817694a02582c4531", 200),
                new Request(api, "/search?metric=" + encode("acc>=high"), 400),
                new Request(api, "/search?sha256=5df4", 400),
                new Request(api, "/search?colour=red", 400),
                new Request(api, "/search?group=version", 400),
                new Request(api, "/search?size=500", 400),
                new Request(api, "/search?sort=popularity", 400),
                new Request(api, "/search?cursor=bm90LWEtY3Vyc29y", 400),
                new Request(withoutIndex.port(), "/search?q=refinenet", 503),
                new Request(api, REFINENET, 200),
                new Request(api, NASFPN, 200),
                new Request(api, PAPER, 200),
                new Request(api, BROKEN, 200),
                new Request(api, NOBODY, 404),
                new Request(withoutIndex.port(), REFINENET, 503),
                new Request(api, NASFPN + "/similar", 200),
                new Request(api, NASFPN + "/similar?size=2&status=all", 200),
                new Request(api, NASFPN + "/similar?size=500", 400),
                new Request(api, NOBODY + "/similar", 404),
                new Request(withoutIndex.port(), NASFPN + "/similar", 503),
                new Request(api, "/models/hub/mindspore/refinenet_voc2012", 200),
                new Request(api, "/models/hub/nobody/nothing", 404),
                new Request(withoutIndex.port(), "/models/hub/mindspore/refinenet_voc2012", 503),
                new Request(api, "/suggest?prefix=Refi", 200),
                new Request(api, "/suggest", 400),
                new Request(withoutIndex.port(), "/suggest?prefix=Refi", 503),
                new Request(api, "/stats", 200),
                new Request(withoutKafka.port(), "/stats", 200),
                new Request(withoutIndex.port(), "/stats", 503),
                new Request(api, "/health", 200),
                new Request(api, "/ready", 200),
                new Request(withoutIndex.port(), "/ready", 503),
                new Request(api, "/metrics", 200),
                new Request(api, "/openapi.json", 200),
                new Request(api, "/", 200),
                new Request(api, "/page/page.css", 200),
                new Request(api, "/page/page.js", 200),
                new Request(api, "/page/secrets.txt", 404));
    }

    /** A GET to one of the APIs of the test. */
    private record Request(int port, String pathAndQuery, int status) {

        URI uri() {
            return URI.create("http://127.0.0.1:" + port + pathAndQuery);
        }

        Answer send() {
            return get(port, pathAndQuery);
        }

        @Override
        public String toString() {
            String api = port == withoutIndex.port() ? " (no index)" : port == withoutKafka.port() ? " (no Kafka)" : "";
            return "GET " + pathAndQuery + api + " -> " + status;
        }
    }

    private static Answer get(int port, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String with(ObjectNode answer, Consumer<ObjectNode> change) {
        ObjectNode changed = answer.deepCopy();
        change.accept(changed);
        return changed.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static ApiService start(ApiConfig config) {
        ApiService server = new ApiService(config);
        server.start();
        return server;
    }
}
