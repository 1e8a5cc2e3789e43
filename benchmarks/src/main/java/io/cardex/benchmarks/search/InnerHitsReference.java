package io.cardex.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The "before" reference of the search cost (issue 17, item 6): the Elasticsearch requests of a
 * grouped search as the API made them before it expanded the models of a page in a second request.
 * Collapse expanded each model itself, with inner hits holding up to 100 versions, whole and
 * highlighted, which runs the search again for every model of the page. Kept in the benchmark only,
 * made from what the API sends today, so that both shapes are measured against the same index in
 * one run; requests of any other search are left as they are.
 */
final class InnerHitsReference {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InnerHitsReference() {
    }

    static List<RecordingProxy.EsRequest> of(List<RecordingProxy.EsRequest> recorded) {
        List<RecordingProxy.EsRequest> before = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            RecordingProxy.EsRequest request = recorded.get(i);
            JsonNode newest = i + 1 < recorded.size() ? newestOf(recorded.get(i + 1)) : null;
            if (newest != null && body(request).has("collapse")) {
                before.add(withInnerHits(request, newest));
                i++;
            } else {
                before.add(request);
            }
        }
        return before;
    }

    /** The top hit of the second request's model buckets: the newest version whole, highlighted. */
    private static JsonNode newestOf(RecordingProxy.EsRequest request) {
        JsonNode newest = body(request).path("aggregations").path("models").path("aggregations").path("newest")
                .path("top_hits");
        return newest.isMissingNode() ? null : newest;
    }

    private static RecordingProxy.EsRequest withInnerHits(RecordingProxy.EsRequest collapsed, JsonNode newest) {
        ObjectNode body = (ObjectNode) body(collapsed);
        ObjectNode versions = JSON.createObjectNode().put("name", "versions").put("size", 100);
        versions.set("sort", newest.get("sort"));
        versions.set("_source", newest.get("_source"));
        if (newest.has("highlight")) {
            versions.set("highlight", newest.get("highlight"));
        }
        ArrayNode innerHits = JSON.createArrayNode().add(versions);
        ((ObjectNode) body.get("collapse")).set("inner_hits", innerHits);
        try {
            return new RecordingProxy.EsRequest(collapsed.method(), collapsed.pathAndQuery(), collapsed.contentType(),
                    collapsed.accept(), JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode body(RecordingProxy.EsRequest request) {
        try {
            return request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
