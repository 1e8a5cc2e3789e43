package io.cardex.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.indexer.BulkSettings;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexerConfigTest {

    @Test
    void printingTheConfigurationNeverShowsAPassword() {
        IndexerConfig config = new IndexerConfig(KafkaConnection.as("kafka:9092", KafkaLogin.scram("cardex_indexer", "k4fkaSecret")),
                "cardex.card-changes", "cardex-indexer",
                URI.create("http://cardex:s3cret@elasticsearch:9200"), new CardIndexNames("cards"), BulkSettings.DEFAULT,
                Optional.empty());

        assertThat(config.toString()).doesNotContain("s3cret", "k4fkaSecret")
                .contains("cardex:***@elasticsearch:9200", "cardex-indexer", "cardex_indexer@kafka:9092");
    }
}
