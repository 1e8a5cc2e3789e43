package io.cardex.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.indexer.BulkSettings;
import io.cardex.cardindex.CardIndexNames;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexerConfigTest {

    @Test
    void printingTheConfigurationNeverShowsTheElasticsearchPassword() {
        IndexerConfig config = new IndexerConfig("kafka:9092", "cardex.card-changes", "cardex-indexer",
                URI.create("http://cardex:s3cret@elasticsearch:9200"), new CardIndexNames("cards"), BulkSettings.DEFAULT,
                Optional.empty());

        assertThat(config.toString()).doesNotContain("s3cret").contains("cardex:***@elasticsearch:9200", "cardex-indexer");
    }
}
