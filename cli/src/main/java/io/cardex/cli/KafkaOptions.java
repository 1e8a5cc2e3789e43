package io.cardex.cli;

import io.cardex.topics.CardChangeTopic;
import picocli.CommandLine.Option;

/** The options of every command that works with a Kafka running elsewhere. */
final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:CARDEX_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka holding the card-changes topic (env CARDEX_KAFKA_BOOTSTRAP_SERVERS; "
                    + "default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "${env:CARDEX_TOPIC:-" + CardChangeTopic.DEFAULT_NAME + "}",
            description = "Topic of card changes; ingest creates it when missing (env CARDEX_TOPIC; "
                    + "default ${DEFAULT-VALUE}).")
    String topic;
}
