package io.cardex.it.api;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A sort by a metric reads a card's fraction (acc0.81) and another's percentage (acc80) on one scale, as the metric filter does. */
class MetricSortIT {

    private static final String FRACTION_81 = "hub/mindspore/1.9/resnet18_imagenet2012";
    private static final String PERCENT_80 = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String PERCENT_79 = "hub/mindspore/1.9/resnet34_imagenet2012";

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexCardsWritingAccuracyBothWays() throws Exception {
        work = TempDirectories.create("cardex-it-metric-sort-");
        repository = CardRepositoryFixture.create()
                .addExample("mindspore/1.9/refinenet_voc2012.md")
                .addResNet("ResNet18", "mindspore/1.9", "1.9", 0.81)
                .addResNet("ResNet34", "mindspore/1.9", "1.9", 79);
        repository.commit("accuracy as a fraction and in percent");
        pipeline = TestPipeline.over(repository, UniqueNames.forTest("metric-sort"), work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(120))
                .until(() -> api.get("/search?group=card").body().path("total").asInt() == 3);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (repository != null) {
            repository.close();
        }
        TempDirectories.delete(work);
    }

    @Test
    void aCardsFractionSortsAmongAnotherCardsPercentages() {
        assertThat(api.keys("/search?sort=metric:acc")).containsExactly(FRACTION_81, PERCENT_80, PERCENT_79);
        assertThat(api.keys("/search?sort=metric:acc&order=asc")).containsExactly(PERCENT_79, PERCENT_80, FRACTION_81);
        assertThat(api.keys("/search?sort=metric:acc&group=card")).containsExactly(FRACTION_81, PERCENT_80, PERCENT_79);
    }
}
