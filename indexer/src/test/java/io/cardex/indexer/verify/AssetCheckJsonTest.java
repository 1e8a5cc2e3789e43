package io.cardex.indexer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssetCheckJsonTest {

    private final ObjectMapper json = CardexJson.newMapper();

    @Test
    void aCheckIsWrittenInTheCardexDialectAndReadBack() throws Exception {
        AssetCheck check = new AssetCheck("https://download.mindspore.cn/a.ckpt", "https://download.mindspore.cn/a.ckpt",
                AssetStatus.TOO_LARGE, "9dc18191", null, true, 0, 200, "application/octet-stream",
                Duration.ofMillis(120), Instant.parse("2026-11-25T12:00:00Z"), "the file is too large");

        JsonNode written = json.valueToTree(check);

        assertThat(written.get("status").asText()).isEqualTo("too_large");
        assertThat(written.get("prefix_only").asBoolean()).isTrue();
        assertThat(written.get("checked_at").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(written.has("actual_sha256")).isFalse();
        assertThat(json.treeToValue(written, AssetCheck.class)).isEqualTo(check);
    }

    @Test
    void aPendingCheckSaysSo() {
        JsonNode written = json.valueToTree(AssetCheck.pending("https://gitee.com/a.ckpt", "9dc18191"));

        assertThat(written.get("status").asText()).isEqualTo("pending");
        assertThat(written.has("checked_at")).isFalse();
    }
}
