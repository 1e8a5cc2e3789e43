package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.card.CardexJson;
import io.cardex.cardindex.CardStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelHitTest {

    private static final ObjectMapper JSON = CardexJson.newMapper();

    @Test
    void servesTheNewestCardAsStoredAtTheLevelOfTheHitBesideItsVersions() throws Exception {
        String stored = "{\"key\":\"hub/mindspore/1.10/resnet50\",\"status\":\"valid\","
                + "\"card\":{\"id\":\"mindspore/1.10/resnet50\",\"header\":{\"accuracy\":76.5,\"update_time\":\"2023-01-31\"}}}";
        ModelHit hit = new ModelHit(1.5, Map.of("card.title", List.of("<em>ResNet</em>50")),
                new StoredCard((ObjectNode) JSON.readTree(stored)), 2, List.of(
                new ModelVersion("1.10", null, "hub/mindspore/1.10/resnet50", CardStatus.VALID, null),
                new ModelVersion("1.9", null, "hub/mindspore/1.9/resnet50", CardStatus.VALID, null)));

        assertThat(JSON.writeValueAsString(hit)).isEqualTo("{\"score\":1.5,\"highlights\":{\"card.title\":[\"<em>ResNet</em>50\"]},"
                + stored.substring(1, stored.length() - 1) + ",\"version_count\":2,\"versions\":["
                + "{\"version\":\"1.10\",\"key\":\"hub/mindspore/1.10/resnet50\",\"status\":\"valid\"},"
                + "{\"version\":\"1.9\",\"key\":\"hub/mindspore/1.9/resnet50\",\"status\":\"valid\"}]}");
    }

    @Test
    void aStoredCardAloneIsAnObject() throws Exception {
        String stored = "{\"key\":\"hub/mindspore/1.10/resnet50\",\"card\":{\"title\":\"ResNet-50 \\\"v1.5\\\" <b>\"}}";

        assertThat(JSON.writeValueAsString(new StoredCard((ObjectNode) JSON.readTree(stored)))).isEqualTo(stored);
    }
}
