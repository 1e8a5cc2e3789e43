package io.cardex.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects against the index mapping: a field Kibana asks for that the mapping
 * lacks, or maps with a type the aggregation cannot use, shows as an empty or broken panel only
 * once someone opens the dashboard. Here it fails the build.
 */
class KibanaSavedObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "boolean", "date", "long", "integer", "short",
            "byte", "double", "float", "half_float", "scaled_float", "ip");
    private static final Set<String> NUMERIC_OR_DATE = Set.of("date", "long", "integer", "short", "byte", "double",
            "float", "half_float", "scaled_float");
    /** The field names of a query such as {@code status:invalid and card.kind:model}. */
    private static final Pattern QUERY_FIELD = Pattern.compile("([a-z_][a-z0-9_.]*)\\s*:");

    /** Every field of the mapping with its type; sub-fields as {@code parent.sub}. */
    private static final Map<String, String> types = new HashMap<>();
    /** The fields inside a nested object, which Kibana's aggregations cannot reach. */
    private static final Set<String> nested = new HashSet<>();
    private static List<ObjectNode> objects;

    @BeforeAll
    static void readMappingAndObjects() throws IOException {
        try (InputStream template = CardDocument.indexTemplateJson()) {
            JsonNode properties = JSON.readTree(template).at("/template/mappings/properties");
            collect("", properties, false);
        }
        objects = KibanaSavedObjects.read();
    }

    private static void collect(String prefix, JsonNode properties, boolean insideNested) {
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            JsonNode mapping = field.getValue();
            String type = mapping.path("type").asText("object");
            boolean isNested = insideNested || type.equals("nested");
            types.put(name, type);
            if (isNested) {
                nested.add(name);
            }
            if (mapping.has("properties")) {
                collect(name + ".", mapping.get("properties"), isNested);
            }
            if (mapping.has("fields")) {
                collect(name + ".", mapping.get("fields"), isNested);
            }
        }
    }

    private static List<ObjectNode> ofType(String type) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    private static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }

    @Test
    void theDataViewLooksAtTheCardIndexWithIndexedAtAsItsTimeField() {
        List<ObjectNode> dataViews = ofType("index-pattern");

        assertThat(dataViews).hasSize(1);
        JsonNode attributes = dataViews.get(0).get("attributes");
        assertThat(attributes.path("title").asText()).isEqualTo(CardIndexNames.DEFAULT_ALIAS);
        assertThat(attributes.path("timeFieldName").asText()).isEqualTo("indexed_at");
        assertThat(types.get("indexed_at")).isEqualTo("date");
    }

    @Test
    void everyFieldALabelIsGivenForIsMapped() throws IOException {
        JsonNode fieldAttrs = parse(ofType("index-pattern").get(0).at("/attributes/fieldAttrs").asText());

        fieldAttrs.fieldNames().forEachRemaining(field -> assertThat(types).as("label of %s", field).containsKey(field));
    }

    @Test
    void everyFieldAVisualizationAggregatesIsMappedWithATypeItsAggregationCanUse() throws IOException {
        List<String> checked = new ArrayList<>();
        for (ObjectNode visualization : ofType("visualization")) {
            String title = visualization.at("/attributes/title").asText();
            JsonNode visState = parse(visualization.at("/attributes/visState").asText());
            for (JsonNode agg : visState.path("aggs")) {
                String field = agg.at("/params/field").asText(null);
                if (field == null) {
                    assertThat(agg.path("type").asText()).as("aggregation without a field in %s", title).isEqualTo("count");
                    continue;
                }
                String type = types.get(field);
                assertThat(type).as("field %s of %s in the mapping", field, title).isNotNull();
                assertThat(nested).as("field %s of %s is inside a nested object", field, title).doesNotContain(field);
                switch (agg.path("type").asText()) {
                    case "terms" -> assertThat(AGGREGATABLE).as("terms of %s (%s) in %s", field, type, title).contains(type);
                    case "date_histogram" -> assertThat(type).as("date histogram of %s in %s", field, title).isEqualTo("date");
                    case "max", "min" -> assertThat(NUMERIC_OR_DATE).as("max/min of %s (%s) in %s", field, type, title)
                            .contains(type);
                    default -> throw new AssertionError("the test does not know the aggregation " + agg.path("type")
                            + " of " + title + ": teach it which field types the aggregation takes");
                }
                checked.add(field);
            }
        }
        assertThat(checked).contains("card.header.module_type.type", "card.header.train_datasets.keyword",
                "asset_checks.status", "status", "card.problems.code", "source.commit_time", "indexed_at");
    }

    @Test
    void theInvalidCardsSearchShowsMappedFieldsSortsOnASortableOneAndQueriesMappedFields() throws IOException {
        List<ObjectNode> searches = ofType("search");

        assertThat(searches).isNotEmpty();
        for (ObjectNode search : searches) {
            JsonNode attributes = search.get("attributes");
            for (JsonNode column : attributes.path("columns")) {
                assertThat(types).as("column of %s", attributes.path("title")).containsKey(column.asText());
            }
            for (JsonNode sort : attributes.path("sort")) {
                assertThat(NUMERIC_OR_DATE).as("sort on %s", sort.get(0)).contains(types.get(sort.get(0).asText()));
            }
            String query = parse(attributes.at("/kibanaSavedObjectMeta/searchSourceJSON").asText())
                    .at("/query/query").asText();
            Matcher fields = QUERY_FIELD.matcher(query);
            while (fields.find()) {
                assertThat(types).as("field of the query %s", query).containsKey(fields.group(1));
            }
        }
        assertThat(searches.get(0).at("/attributes/columns").toString()).contains("card.problems.code");
    }

    @Test
    void everyReferenceNamesAnObjectOfTheFileAndEveryPanelAndSearchSourceHasItsReference() throws IOException {
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.path("type").asText() + ":" + o.path("id").asText()));
        for (ObjectNode object : objects) {
            Set<String> names = new HashSet<>();
            for (JsonNode reference : object.path("references")) {
                assertThat(ids).as("reference of %s", object.path("id")).contains(reference.path("type").asText() + ":"
                        + reference.path("id").asText());
                names.add(reference.path("name").asText());
            }
            JsonNode searchSource = object.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON");
            if (!searchSource.isMissingNode() && parse(searchSource.asText()).has("indexRefName")) {
                assertThat(names).contains(parse(searchSource.asText()).path("indexRefName").asText());
            }
            if (object.path("type").asText().equals("dashboard")) {
                for (JsonNode panel : parse(object.at("/attributes/panelsJSON").asText())) {
                    assertThat(names).as("panel %s", panel.path("panelIndex"))
                            .contains(panel.path("panelIndex").asText() + ":" + panel.path("panelRefName").asText());
                }
            }
        }
    }

    @Test
    void theDashboardShowsEveryVisualizationAndSearch() throws IOException {
        ObjectNode dashboard = ofType("dashboard").get(0);
        Set<String> shown = new HashSet<>();
        dashboard.path("references").forEach(r -> shown.add(r.path("id").asText()));

        assertThat(dashboard.path("id").asText()).isEqualTo(KibanaSavedObjects.DASHBOARD_ID);
        for (ObjectNode object : objects) {
            if (Set.of("visualization", "search").contains(object.path("type").asText())) {
                assertThat(shown).contains(object.path("id").asText());
            }
        }
    }

    @Test
    void theDataViewImportedLooksAtTheAliasSetUp() throws IOException {
        String ndjson = new String(KibanaSavedObjects.ndjsonFor(new CardIndexNames("hub-cards")), StandardCharsets.UTF_8);

        JsonNode dataView = parse(ndjson.lines().filter(line -> line.contains("\"index-pattern\"")).findFirst().orElseThrow());
        assertThat(dataView.at("/attributes/title").asText()).isEqualTo("hub-cards");
        assertThat(ndjson.lines().count()).isEqualTo(objects.size());
    }
}
