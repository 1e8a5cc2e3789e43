package io.cardex.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No dead ends, cards by checkpoint and filters on results, on hub-shaped cards: one ResNet50
 * checkpoint published for two MindSpore versions (its accuracy once as a fraction, once in
 * percent), a community card giving only a prefix of the same digest, and a MobileNetV2.
 */
class FindabilityApiIT {

    private static final String RESNET_18 = "hub/mindspore/1.8/resnet50_imagenet2012";
    private static final String RESNET_19 = "hub/mindspore/1.9/resnet50_imagenet2012";
    private static final String RESNET_CIFAR = "hub/community/1.9/resnet50_cifar10";
    private static final String MOBILENET = "hub/mindspore/1.9/mobilenetv2_imagenet2012";
    private static final String RESNET_DIGEST = "800e26e05528c71f8c8e256d16c9eddcefc08b68ea7c404d9bec841abb335dfd";

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexHubShapedCards() throws Exception {
        UniqueNames names = UniqueNames.forTest("findability");
        TestStack.get();
        work = TempDirectories.create("cardex-it-findability-");
        repository = CardRepositoryFixture.create()
                .write("mindspore/1.8/resnet50_imagenet2012.md", resource("resnet50_imagenet2012_18.md"))
                .write("mindspore/1.9/resnet50_imagenet2012.md", resource("resnet50_imagenet2012_19.md"))
                .write("community/1.9/resnet50_cifar10.md", resource("resnet50_cifar10.md"))
                .write("mindspore/1.9/mobilenetv2_imagenet2012.md", resource("mobilenetv2_imagenet2012.md"));
        repository.commit("hub-shaped cards");
        pipeline = TestPipeline.over(repository, names, work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(120))
                .until(() -> api.get("/search?group=card").body().path("total").asInt() == 4);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aWholeDigestFindsEveryCardShippingThatCheckpointEvenOneGivingOnlyAPrefix() {
        assertThat(keys("q", RESNET_DIGEST)).containsExactlyInAnyOrder(RESNET_18, RESNET_19, RESNET_CIFAR);
        assertThat(keys("sha256", RESNET_DIGEST)).containsExactlyInAnyOrder(RESNET_18, RESNET_19, RESNET_CIFAR);
    }

    @Test
    void theFirstEightHexDigitsOfADigestInAnyCaseFindItsCards() {
        String prefix = RESNET_DIGEST.substring(0, 8).toUpperCase(Locale.ROOT);

        assertThat(keys("q", prefix)).containsExactlyInAnyOrder(RESNET_18, RESNET_19, RESNET_CIFAR);
        assertThat(keys("sha256", prefix, "version", "1.9")).containsExactlyInAnyOrder(RESNET_19, RESNET_CIFAR);
        assertThat(keys("sha256", "0fd28b829ea2")).containsExactly(MOBILENET);
    }

    @Test
    void aMetricRangeComparesFractionsAndPercentagesAlike() {
        assertThat(keys("metric", "top1_acc>=75")).containsExactlyInAnyOrder(RESNET_18, RESNET_19, RESNET_CIFAR);
        assertThat(keys("metric", "top1_acc>=0.75")).containsExactlyInAnyOrder(RESNET_18, RESNET_19, RESNET_CIFAR);
        assertThat(keys("metric", "TOP1_ACC=76.13")).containsExactlyInAnyOrder(RESNET_18, RESNET_19);
        assertThat(keys("metric", "top1_acc<72")).containsExactly(MOBILENET);
    }

    @Test
    void metricRangesAllHoldAndCombineWithOtherFilters() {
        assertThat(keys("metric", "top1_acc>70", "metric", "top1_acc<80", "dataset", "imagenet2012"))
                .containsExactlyInAnyOrder(RESNET_18, RESNET_19, MOBILENET);
        assertThat(keys("metric", "top1_acc>75", "dataset", "imagenet2012", "user", "mindspore", "version", "1.8"))
                .containsExactly(RESNET_18);
    }

    @Test
    void updateDaysBoundTheCardsOnBothSidesInclusively() {
        assertThat(keys("updated_after", "2022-10-11")).containsExactlyInAnyOrder(RESNET_19, RESNET_CIFAR);
        assertThat(keys("updated_before", "2022-03-01")).containsExactlyInAnyOrder(RESNET_18, MOBILENET);
        assertThat(keys("updated_after", "2022-01-01", "updated_before", "2022-10-31"))
                .containsExactlyInAnyOrder(RESNET_18, RESNET_19);
    }

    @Test
    void badRangesAndDigestsAreRefusedNamingTheParameterAndTheForm() {
        Map<String, String> refused = Map.of(
                "metric", "top1_acc>=high", "updated_after", "yesterday", "sha256", "800e26e");
        refused.forEach((parameter, value) -> {
            ApiClient.Response answer = api.get(path(parameter, value));
            assertThat(answer.status()).as(parameter).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("detail").asText()).startsWith("parameter '" + parameter + "' is '" + value + "': give");
        });
    }

    @Test
    void anEmptyAnswerTellsWhichFilterRemovedEveryCard() {
        JsonNode answer = api.get(path("q", "resnet50", "dataset", "cifar10", "version", "1.8")).body();

        assertThat(answer.path("total").asInt()).isZero();
        assertThat(answer.path("without_filter").properties()).extracting(Map.Entry::getKey)
                .containsExactly("dataset", "version", "status");
        assertThat(answer.at("/without_filter/dataset").asInt()).as("the 1.8 card of ImageNet").isEqualTo(1);
        assertThat(answer.at("/without_filter/version").asInt()).as("the community card of CIFAR-10").isEqualTo(1);
        assertThat(answer.at("/without_filter/status").asInt()).isZero();

        JsonNode byMetric = api.get(path("metric", "top1_acc>95", "asset_status", "unchecked")).body();
        assertThat(byMetric.at("/without_filter/metric").asInt()).isEqualTo(4);
        assertThat(byMetric.at("/without_filter/asset_status").asInt()).isZero();
    }

    @Test
    void anEmptyWordSearchSuggestsTheClosestNamesAndTheWordsCorrected() {
        // By the words alone: a hybrid search finds these cards by meaning, typos and all, and so is not empty.
        JsonNode name = api.get(path("q", "mobilnetv3", "mode", "text")).body();
        assertThat(name.path("total").asInt()).isZero();
        assertThat(strings(name.path("did_you_mean"))).first().isEqualTo("MobileNetV2");

        JsonNode words = api.get(path("q", "resnet50 clasification", "mode", "text")).body();
        assertThat(words.path("total").asInt()).isZero();
        assertThat(strings(words.path("did_you_mean"))).contains("resnet50 classification");
        assertThat(api.keys(path("q", "resnet50 classification"))).isNotEmpty();
    }

    @Test
    void anAnswerWithCardsSuggestsNothing() {
        JsonNode answer = api.get(path("q", "resnet50", "dataset", "cifar10")).body();

        assertThat(answer.path("total").asInt()).isEqualTo(1);
        assertThat(answer.has("did_you_mean")).isFalse();
        assertThat(answer.has("without_filter")).isFalse();
    }

    private static List<String> keys(String... parameters) {
        return api.keys(path(parameters));
    }

    /** /search, one hit per card, with the parameters, names and values in turn, each value encoded. */
    private static String path(String... parameters) {
        StringBuilder path = new StringBuilder("/search?group=card&size=20");
        for (int i = 0; i < parameters.length; i += 2) {
            path.append('&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add(value.asText()));
        return strings;
    }

    private static String resource(String name) {
        String path = "cards/findability/" + name;
        try (InputStream text = FindabilityApiIT.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(text, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
