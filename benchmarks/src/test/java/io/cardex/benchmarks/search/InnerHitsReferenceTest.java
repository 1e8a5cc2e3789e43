package io.cardex.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InnerHitsReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLLAPSED = """
            {"query": {"match_all": {}}, "size": 11, "collapse": {"field": "model"}}""";
    private static final String VERSIONS = """
            {"size": 0, "aggregations": {"models": {"terms": {"field": "model"}, "aggregations": {
              "newest": {"top_hits": {"size": 1, "sort": [{"version_order": "desc"}], "_source": {"excludes": ["x"]},
                                      "highlight": {"fields": {"card.title": {}}}}},
              "versions": {"top_hits": {"size": 100, "_source": {"includes": ["key"]}}}}}}}""";

    @Test
    void aGroupedSearchBecomesOneRequestExpandingEveryModelWithItsVersionsWholeAndHighlighted() throws IOException {
        List<RecordingProxy.EsRequest> before = InnerHitsReference.of(List.of(request(COLLAPSED), request(VERSIONS)));

        assertThat(before).hasSize(1);
        JsonNode innerHits = JSON.readTree(before.get(0).body()).at("/collapse/inner_hits/0");
        assertThat(innerHits.path("name").asText()).isEqualTo("versions");
        assertThat(innerHits.path("size").asInt()).isEqualTo(100);
        assertThat(innerHits.at("/_source/excludes/0").asText()).isEqualTo("x");
        assertThat(innerHits.at("/sort/0/version_order").asText()).isEqualTo("desc");
        assertThat(innerHits.at("/highlight/fields").has("card.title")).isTrue();
    }

    @Test
    void requestsOfOtherSearchesStayAsTheyAre() {
        List<RecordingProxy.EsRequest> cards = List.of(request("{\"query\": {\"match_all\": {}}}"), request(""));

        assertThat(InnerHitsReference.of(cards)).isEqualTo(cards);
    }

    private static RecordingProxy.EsRequest request(String body) {
        return new RecordingProxy.EsRequest("POST", "/cards/_search", "application/json", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }
}
