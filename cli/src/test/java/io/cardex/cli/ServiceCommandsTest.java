package io.cardex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.stack.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The standalone services' command lines: bad settings are named before anything starts, and no password is shown. */
class ServiceCommandsTest {

    private final StringWriter err = new StringWriter();

    private int cardex(String... args) {
        CommandLine cardex = CardexCommand.commandLine();
        cardex.setErr(new PrintWriter(err));
        return cardex.execute(args);
    }

    @Test
    void anUnreachableElasticsearchIsNamedWithoutItsPassword() {
        String url = "http://cardex:s3cret@127.0.0.1:" + Ports.free();

        int exitCode = cardex("setup", "--elasticsearch-url", url, "--wait", "0s");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("cardex: Elasticsearch at http://cardex:***@127.0.0.1:")
                .contains("is not ready after 0 s")
                .doesNotContain("s3cret");
    }

    @Test
    void accessGivenNoSuperuserOfEitherServerSaysWhereToGiveOne() {
        int exitCode = cardex("access", "--elasticsearch-url", "http://127.0.0.1:" + Ports.free());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("cardex: access applies access.yaml as each server's superuser, and none "
                + "is given").contains("CARDEX_ELASTICSEARCH_URL").contains("CARDEX_KAFKA_USER");
    }

    @Test
    void accessGivenOnlyElasticsearchsSuperuserLeavesKafkaAlone() {
        String url = "http://elastic:s3cret0000000000@127.0.0.1:" + Ports.free();

        int exitCode = cardex("access", "--elasticsearch-url", url);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("Kafka").doesNotContain("s3cret");
    }

    @Test
    void aMalformedUrlNamesTheOptionAndHidesThePassword() {
        int exitCode = cardex("indexer", "--elasticsearch-url", "http://cardex:p@ss@elasticsearch:9200");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--elasticsearch-url': 'http://cardex:***@elasticsearch:9200' "
                        + "is not an http(s) URL with a host")
                .doesNotContain("p@ss");
    }

    @Test
    void anExamplePasswordOfTheEnvExampleIsRefusedAtStart() {
        int exitCode = cardex("indexer", "--elasticsearch-url", "http://cardex:changeMeCardex00000@elasticsearch:9200");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'--elasticsearch-url'").contains("holds an example password of .env.example")
                .contains("set a password of your own").doesNotContain("changeMeCardex00000");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        int exitCode = cardex("api", "--elasticsearch-url", "elasticsearch:9200");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'--elasticsearch-url'").contains("is not an http(s) URL");
    }

    @Test
    void anIndexAliasElasticsearchCannotUseNamesTheOption() {
        int exitCode = cardex("api", "--index", "Cards");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--index': index name 'Cards' must be");
    }

    @Test
    void aTopicWithoutPartitionsIsRefused() {
        int exitCode = cardex("ingest", "--repo", "/tmp/cards", "--partitions", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--partitions': '0' is not a count");
    }

    @Test
    void anIndexWithoutShardsIsRefusedButReplicasMayBeZero() {
        assertThat(cardex("setup", "--shards", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--shards': '0' is not a count");

        assertThat(cardex("setup", "--replicas", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--replicas': '-1' is not a count: write a whole "
                + "number of at least 0");
    }

    @Test
    void theIndexerNamesABadRecheckInterval() {
        int exitCode = cardex("indexer", "--verify-assets", "--recheck-assets-every", "daily");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--recheck-assets-every").contains("'daily' is not a duration");
    }
}
