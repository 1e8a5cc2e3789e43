package io.cardex.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StageBreakdownTest {

    private static final String INGEST_THREAD = "cardex-ingest-cards";
    private static final List<String> INGEST_PASS = List.of("java.lang.Thread.run",
            "io.cardex.ingest.RepositoryIngest.runPass", "io.cardex.ingest.Ingestor.pass");

    @Test
    void a_sample_goes_to_the_outermost_stage_of_its_stack() {
        StageBreakdown breakdown = new StageBreakdown();
        breakdown.add(INGEST_THREAD, stack("io.cardex.ingest.publish.ChangePublisher.send",
                "io.cardex.card.event.ChangeEventCodec.encodeValue",
                "com.fasterxml.jackson.databind.ObjectMapper.writeValueAsBytes",
                "io.cardex.card.CardParser.parse"));
        breakdown.add(INGEST_THREAD, stack("org.eclipse.jgit.lib.ObjectReader.open", "java.util.zip.Inflater.inflate"));

        assertThat(breakdown.samples(PipelineService.INGEST, PipelineStage.EVENT_ENCODING)).isEqualTo(1);
        assertThat(breakdown.samples(PipelineService.INGEST, PipelineStage.GIT_READING)).isEqualTo(1);
        assertThat(breakdown.samples(PipelineService.INGEST, PipelineStage.PARSING)).isZero();
    }

    @Test
    void decoding_and_document_building_of_one_record_are_told_apart() {
        StageBreakdown breakdown = new StageBreakdown();
        List<String> translate = List.of("java.lang.Thread.run", "io.cardex.indexer.consume.IndexingLoop.run",
                "io.cardex.indexer.consume.RecordTranslator.translate");
        breakdown.add("cardex-indexer", concat(translate, "io.cardex.card.event.ChangeEventCodec.decode",
                "com.fasterxml.jackson.databind.ObjectMapper.readValue"));
        breakdown.add("cardex-indexer", concat(translate, "io.cardex.cardindex.CardDocument.of"));
        breakdown.add("cardex-indexer", concat(translate, "io.cardex.cardindex.CardDocument.of"));
        breakdown.add("elasticsearch-rest-client-2-thread-3",
                List.of("org.apache.http.impl.nio.reactor.BaseIOReactor.execute"));

        assertThat(breakdown.samples(PipelineService.INDEXER)).isEqualTo(4);
        assertThat(breakdown.percent(PipelineService.INDEXER, PipelineStage.KAFKA_CONSUME)).isEqualTo(25.0);
        assertThat(breakdown.percent(PipelineService.INDEXER, PipelineStage.DOCUMENT_BUILDING)).isEqualTo(50.0);
        assertThat(breakdown.percent(PipelineService.INDEXER, PipelineStage.ELASTICSEARCH_CLIENT)).isEqualTo(25.0);
    }

    @Test
    void threads_of_neither_service_and_stacks_of_no_stage_are_kept_apart() {
        StageBreakdown breakdown = new StageBreakdown();
        breakdown.add("kafka-producer-network-thread | cardex-ingest",
                List.of("java.lang.Thread.run", "org.apache.kafka.clients.producer.internals.Sender.run"));
        breakdown.add(INGEST_THREAD, stack("io.cardex.ingest.Ingestor.sortChanges"));
        breakdown.add("main", List.of("io.cardex.benchmarks.pipeline.Milestones.watch"));

        assertThat(breakdown.samples(PipelineService.INGEST, PipelineStage.KAFKA_PRODUCE)).isEqualTo(1);
        assertThat(breakdown.samples(PipelineService.INGEST, PipelineStage.OTHER)).isEqualTo(1);
        assertThat(breakdown.samples(PipelineService.OTHER)).isEqualTo(1);
        assertThat(breakdown.lines()).contains("ingest        2 samples: Kafka produce 50%, other 50%");
    }

    private static List<String> stack(String... inner) {
        return concat(INGEST_PASS, inner);
    }

    private static List<String> concat(List<String> outer, String... inner) {
        return Stream.concat(outer.stream(), Arrays.stream(inner)).toList();
    }
}
