package io.cardex.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StartupDiagnosisTest {

    private static final Path LOG = Path.of("/data/elasticsearch/logs/stdout.log");

    @Test
    void namesATakenPort() {
        String log = "[2026-11-25T10:00:00][ERROR][o.e.b.Elasticsearch] fatal exception while booting\n"
                + "org.elasticsearch.http.BindHttpException: Failed to bind to 127.0.0.1:9200\n"
                + "Caused by: java.net.BindException: Address already in use\n";

        assertThat(StartupDiagnosis.explain("Elasticsearch", log, LOG))
                .startsWith("Elasticsearch failed to start: a port it needs is taken by another program")
                .contains(LOG.toString());
    }

    @Test
    void namesAFullDisk() {
        assertThat(StartupDiagnosis.explain("Kafka", "java.io.IOException: No space left on device\n", LOG))
                .contains("the disk is full").contains("--data-dir");
    }

    @Test
    void quotesTheFailedBootstrapCheck() {
        String log = "ERROR: [1] bootstrap checks failed. You must address the points described in the following [1] lines\n"
                + "bootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low\n";

        assertThat(StartupDiagnosis.explain("Elasticsearch", log, LOG))
                .contains("an Elasticsearch bootstrap check failed").contains("vm.max_map_count");
    }

    @Test
    void pointsAtADamagedKeystore() {
        String log = "org.apache.lucene.index.CorruptIndexException: codec header mismatch (resource=BufferedChecksumIndexInput("
                + "NIOFSIndexInput(path=\"/data/elasticsearch/config/elasticsearch.keystore\")))\n";

        assertThat(StartupDiagnosis.explain("Elasticsearch", log, LOG)).contains("its keystore is damaged");
    }

    @Test
    void otherwiseQuotesTheLastErrorLine() {
        String log = "starting\n[ERROR] something unforeseen happened\nshutting down\n";

        assertThat(StartupDiagnosis.explain("Kafka", log, LOG))
                .isEqualTo("Kafka failed to start: [ERROR] something unforeseen happened (log: " + LOG + ")");
    }
}
