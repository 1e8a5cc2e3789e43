package io.cardex.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusedExceptionTest {

    private static final KafkaConnection INGEST = KafkaConnection.as("kafka:9092",
            KafkaLogin.scram("cardex_ingest", "s3cretPassword000"));

    @Test
    void aRefusedTopicIsNamedWithTheUserAndWhereToGrantIt() {
        ExecutionException failure = new ExecutionException(new TopicAuthorizationException(Set.of("cardex.card-changes")));

        assertThat(KafkaRefusedException.of(failure, INGEST, "write")).get()
                .extracting(Throwable::getMessage)
                .isEqualTo("Kafka refuses user cardex_ingest to write topic cardex.card-changes: grant it in access.yaml "
                        + "and apply it (cardex access)");
    }

    @Test
    void aRefusedLoginNamesTheUserAndThePasswordVariableButNotThePassword() {
        assertThat(KafkaRefusedException.of(new SaslAuthenticationException("Authentication failed"), INGEST, "write"))
                .get().extracting(Throwable::getMessage).asString()
                .startsWith("Kafka at kafka:9092 refuses the login of user cardex_ingest: check its password "
                        + "(CARDEX_KAFKA_PASSWORD)")
                .doesNotContain("s3cretPassword000");
    }

    @Test
    void aRefusedGroupIsNamed() {
        assertThat(KafkaRefusedException.of(new GroupAuthorizationException("Not authorized", "cardex-indexer"), INGEST, "read"))
                .get().extracting(Throwable::getMessage).asString()
                .startsWith("Kafka refuses user cardex_ingest to use consumer group cardex-indexer");
    }

    @Test
    void otherFailuresAreNoRefusal() {
        assertThat(KafkaRefusedException.of(new TimeoutException("no answer"), INGEST, "write")).isEmpty();
    }

    @Test
    void aLoginNeverShowsItsPassword() {
        assertThat(INGEST.toString()).isEqualTo("cardex_ingest@kafka:9092");
        assertThat(INGEST.login().orElseThrow().toString()).doesNotContain("s3cretPassword000");
    }
}
