package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import io.cardex.card.Metric;
import io.cardex.cardindex.CardStatus;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionsAnswerTest {

    private static final ObjectMapper JSON = CardexJson.newMapper();
    private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper(JSON);

    /** Elasticsearch's answer to a versions request, as it comes (typed keys, sort values, shards), for one model. */
    private static final String ANSWER = """
            {"took":29,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[]},
             "aggregations":{"sterms#models":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
              {"key":"hub/mindspore/resnet50","doc_count":2,
               "top_hits#versions":{"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
                {"_index":"cards-v1","_id":"hub/mindspore/cpu/1.10/resnet50","_score":null,
                 "_source":{"key":"hub/mindspore/cpu/1.10/resnet50","status":"valid","card":{"id":"mindspore/cpu/1.10/resnet50",
                  "header":{"evaluation":{"metrics":[{"name":"top1","value":77.77},{"name":"top5","value":96.56}]},"mindspore_version":"1.10"}}},
                 "sort":["000000000001.000000000010","hub/mindspore/cpu/1.10/resnet50"]},
                {"_index":"cards-v1","_id":"hub/mindspore/1.9/resnet50","_score":null,
                 "_source":{"key":"hub/mindspore/1.9/resnet50","status":"invalid","card":{"id":"mindspore/1.9/resnet50","header":{}}},
                 "sort":["000000000001.000000000009","hub/mindspore/1.9/resnet50"]}]}},
               "top_hits#newest":{"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
                {"_index":"cards-v1","_id":"hub/mindspore/cpu/1.10/resnet50","_score":null,
                 "_source":{"key":"hub/mindspore/cpu/1.10/resnet50","card":{"title":"ResNet-50","accuracy":[76.5,null]}},
                 "highlight":{"card.title":["<em>ResNet</em>-50"],"card.body.markdown":["a <em>ResNet</em>","the <em>ResNet</em>"]},
                 "sort":["000000000001.000000000010","hub/mindspore/cpu/1.10/resnet50"]}]}}}]}}}
            """;

    @Test
    void readsEachModelsNewestCardAsStoredItsPassagesAndItsVersionsInShort() throws Exception {
        Map<String, FoundVersions> found = read(ANSWER);

        FoundVersions resnet = found.get("hub/mindspore/resnet50");
        assertThat(found).containsOnlyKeys("hub/mindspore/resnet50");
        assertThat(resnet.count()).isEqualTo(2);
        assertThat(JSON.writeValueAsString(resnet.newest())).isEqualTo(
                "{\"key\":\"hub/mindspore/cpu/1.10/resnet50\",\"card\":{\"title\":\"ResNet-50\",\"accuracy\":[76.5,null]}}");
        assertThat(resnet.highlights()).isEqualTo(Map.of("card.title", List.of("<em>ResNet</em>-50"),
                "card.body.markdown", List.of("a <em>ResNet</em>", "the <em>ResNet</em>")));
        assertThat(resnet.versions()).containsExactly(
                new ModelVersion("1.10", "cpu", "hub/mindspore/cpu/1.10/resnet50", CardStatus.VALID, new Metric("top1", 77.77)),
                new ModelVersion("1.9", null, "hub/mindspore/1.9/resnet50", CardStatus.INVALID, null));
    }

    @Test
    void aNewestCardFoundWithoutWordsHasNoPassages() throws Exception {
        Map<String, FoundVersions> found = read(ANSWER.replaceAll("\"highlight\":\\{.*?\\]\\},", ""));

        assertThat(found.get("hub/mindspore/resnet50").highlights()).isEmpty();
    }

    private static Map<String, FoundVersions> read(String answer) {
        JsonParser parser = MAPPER.jsonProvider().createParser(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
        return new VersionsAnswer("models", "newest", "versions").deserialize(parser, MAPPER);
    }
}
