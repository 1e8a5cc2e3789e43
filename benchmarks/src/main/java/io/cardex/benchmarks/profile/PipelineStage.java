package io.cardex.benchmarks.profile;

import java.util.List;

/**
 * The stages of the pipeline a CPU sample is charged to, each known by the outermost frame of its
 * stack that belongs to it: a sample inside Jackson called by the event codec's encoder is event
 * encoding, one inside {@code java.util.zip} called by JGit is git reading.
 */
public enum PipelineStage {

    GIT_READING("git reading", "org.eclipse.jgit.", "io.cardex.ingest.git."),
    PARSING("parsing", "io.cardex.card.CardParser.", "io.cardex.card.internals.", "org.yaml.snakeyaml.",
            "org.commonmark."),
    EVENT_ENCODING("event encoding", "io.cardex.card.event.ChangeEventCodec.encode"),
    KAFKA_PRODUCE("Kafka produce", "org.apache.kafka.clients.producer."),
    KAFKA_CONSUME("Kafka consume and decoding", "io.cardex.card.event.ChangeEventCodec.decode",
            "org.apache.kafka.clients.consumer."),
    DOCUMENT_BUILDING("document building", "io.cardex.cardindex.CardDocument.", "io.cardex.cardindex.RepositoryDocument."),
    ELASTICSEARCH_CLIENT("Elasticsearch client", "co.elastic.clients.", "org.elasticsearch.client.", "org.apache.http."),
    OTHER("other");

    private final String label;
    private final List<String> framePrefixes;

    PipelineStage(String label, String... framePrefixes) {
        this.label = label;
        this.framePrefixes = List.of(framePrefixes);
    }

    public String label() {
        return label;
    }

    /**
     * The stage of a sample whose stack is {@code frames}, each {@code package.Class.method}, the
     * outermost (the thread's start) first; {@link #OTHER} when no frame belongs to a stage.
     */
    public static PipelineStage of(List<String> frames) {
        for (String frame : frames) {
            for (PipelineStage stage : values()) {
                if (stage.framePrefixes.stream().anyMatch(frame::startsWith)) {
                    return stage;
                }
            }
        }
        return OTHER;
    }
}
