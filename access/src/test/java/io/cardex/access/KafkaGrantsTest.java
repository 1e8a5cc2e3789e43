package io.cardex.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaGrantsTest {

    private static final DeploymentNames NAMES =
            new DeploymentNames("cards", "cardex.card-changes", "cardex.card-changes.dead-letters", "cardex-indexer");
    private static final Map<String, String> PASSWORDS = Map.of(
            "CARDEX_INGEST_KAFKA_PASSWORD", "ingestSecret0000",
            "CARDEX_INDEXER_KAFKA_PASSWORD", "indexerSecret000",
            "CARDEX_API_KAFKA_PASSWORD", "apiSecret0000000");

    @Test
    void everyUserOfTheBuiltInAccessGetsItsPasswordFromItsVariable() {
        assertThatCode(() -> new KafkaGrants(Access.builtIn(NAMES).kafka(), PASSWORDS::get)).doesNotThrowAnyException();
    }

    @Test
    void aMissingPasswordIsRefusedNamingItsVariable() {
        Map<String, String> withoutApi = Map.of(
                "CARDEX_INGEST_KAFKA_PASSWORD", "ingestSecret0000",
                "CARDEX_INDEXER_KAFKA_PASSWORD", "indexerSecret000");

        assertThatThrownBy(() -> new KafkaGrants(Access.builtIn(NAMES).kafka(), withoutApi::get))
                .isInstanceOf(UnusablePasswordException.class)
                .hasMessage("the password of Kafka user cardex_api is missing: set the environment variable "
                        + "CARDEX_API_KAFKA_PASSWORD");
    }

    @Test
    void anExamplePasswordOfTheEnvFileIsRefusedWithoutRepeatingIt() {
        KafkaAccess access = new KafkaAccess(Map.of("cardex_api", new KafkaAccess.User("CARDEX_API_KAFKA_PASSWORD",
                List.of())));

        assertThatThrownBy(() -> new KafkaGrants(access, Map.of("CARDEX_API_KAFKA_PASSWORD", "changeMeApiKafka0")::get))
                .isInstanceOf(UnusablePasswordException.class)
                .hasMessageContaining("CARDEX_API_KAFKA_PASSWORD")
                .hasMessageContaining("example password")
                .hasMessageNotContaining("changeMeApiKafka0");
    }

    @Test
    void anOperationKafkaDoesNotKnowIsRefusedNamingTheUser() {
        KafkaAccess access = new KafkaAccess(Map.of("cardex_api", new KafkaAccess.User("CARDEX_API_KAFKA_PASSWORD",
                List.of(new KafkaAccess.Permission(KafkaAccess.ResourceKind.TOPIC, "cards", List.of("peek"))))));

        assertThatThrownBy(() -> new KafkaGrants(access, PASSWORDS::get))
                .isInstanceOf(InvalidAccessFileException.class)
                .hasMessageContaining("kafka.users.cardex_api allows operation 'peek'");
    }
}
