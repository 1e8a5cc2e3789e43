package io.cardex.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.api.http.ApiRoutes;
import io.cardex.api.search.Cursor;
import io.cardex.api.search.FilterField;
import io.cardex.api.search.Grouping;
import io.cardex.api.search.SearchQuery;
import io.cardex.api.search.SimilarQuery;
import io.cardex.api.search.StatusFilter;
import io.cardex.api.search.SuggestService;
import io.cardex.card.CardKind;
import io.cardex.card.SkipReason;
import io.cardex.card.CardexJson;
import io.cardex.cardindex.AssetStatus;
import io.cardex.cardindex.CardIndexNames;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document of the API is valid OpenAPI 3.1, describes every route and no other, and
 * gives the choices and limits the code enforces. That it describes the answers themselves is
 * checked against a real Elasticsearch by OpenApiIT.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = CardexJson.newMapper();

    @Test
    void theDocumentIsValidOpenApi31() {
        SwaggerParseResult parsed = parse(false);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteIsDocumentedAndNothingElse() {
        List<String> routes;
        try (ApiService server = new ApiService(new ApiConfig("127.0.0.1", 0, URI.create("http://127.0.0.1:9"),
                new CardIndexNames("cards")))) {
            routes = server.routes();
        }

        // A card key holds slashes, any number of them: one path parameter, documented as such.
        List<String> documented = routes.stream().map(route -> route.replace("<key>", "{key}")).toList();
        assertThat(parse(false).getOpenAPI().getPaths().keySet()).containsExactlyInAnyOrderElementsOf(documented);
        assertThat(routes).contains("/openapi.json", "/cards/<key>", "/cards/<key>/similar");
    }

    @Test
    void theDocumentedChoicesOfSearchAreThoseTheApiAccepts() {
        Map<String, Parameter> search = queryParameters(parse(true).getOpenAPI().getPaths().get("/search").getGet());

        List<String> filters = Arrays.stream(FilterField.values()).map(FilterField::parameter).toList();
        assertThat(search.keySet()).containsAll(filters);
        assertThat(search.get("facets").getSchema().getItems().getEnum()).containsExactlyInAnyOrderElementsOf(filters);
        assertThat(search.get("status").getSchema().getEnum()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(StatusFilter.values()).map(value -> value.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(search.get("group").getSchema().getEnum()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Grouping.values()).map(value -> value.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(search.get("asset_status").getSchema().getItems().getEnum())
                .containsExactlyInAnyOrderElementsOf(asJson(AssetStatus.values()));
        assertThat(search.get("kind").getSchema().getItems().getEnum())
                .containsExactlyInAnyOrderElementsOf(asJson(CardKind.values()));
    }

    @Test
    void aCardKeyOfAnyDepthMatchesTheDocumentedPattern() {
        Pattern key = Pattern.compile(parse(true).getOpenAPI().getComponents().getSchemas().get("CardKey").getPattern());

        assertThat(List.of("hub/me/card", "hub/mindspore/1.9/refinenet_voc2012", "hub/noah-cvlab/gpu/1.8/ghostnet",
                "hub/a/b/c/d/e")).allMatch(text -> key.matcher(text).matches());
        assertThat(List.of("hub", "hub/card", "Hub/me/card")).noneMatch(text -> key.matcher(text).matches());
    }

    @Test
    void everySkipReasonIsDocumentedInStats() {
        Schema<?> skippedFiles = (Schema<?>) parse(true).getOpenAPI().getComponents().getSchemas().get("Stats")
                .getProperties().get("skipped_files");
        Schema<?> byReason = (Schema<?>) skippedFiles.getItems().getProperties().get("by_reason");

        assertThat(byReason.getRequired()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(SkipReason.values()).map(SkipReason::code).toList());
    }

    @Test
    void theDocumentedLimitsAreThoseTheApiEnforces() {
        OpenAPI document = parse(true).getOpenAPI();
        Map<String, Parameter> search = queryParameters(document.getPaths().get("/search").getGet());
        Map<String, Parameter> similar = queryParameters(
                document.getPaths().get("/cards/{key}/similar").getGet());
        Map<String, Parameter> suggest = queryParameters(document.getPaths().get("/suggest").getGet());

        assertThat(search.get("q").getSchema().getMaxLength()).isEqualTo(SearchQuery.MAX_TEXT_LENGTH);
        assertRange(search.get("size").getSchema(), 1, SearchQuery.MAX_SIZE, SearchQuery.DEFAULT_SIZE);
        assertRange(search.get("from").getSchema(), 0, SearchQuery.MAX_FROM, 0);
        assertThat(search.get("cursor").getSchema().getMaxLength()).isEqualTo(Cursor.MAX_LENGTH);
        assertRange(similar.get("size").getSchema(), 1, SimilarQuery.MAX_SIZE, SimilarQuery.DEFAULT_SIZE);
        assertThat(suggest.get("prefix").getSchema().getMaxLength()).isEqualTo(SuggestService.MAX_PREFIX_LENGTH);
    }

    private static void assertRange(Schema<?> schema, int minimum, int maximum, int byDefault) {
        assertThat(schema.getMinimum()).isEqualByComparingTo(BigDecimal.valueOf(minimum));
        assertThat(schema.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(maximum));
        assertThat(((Number) schema.getDefault()).intValue()).isEqualTo(byDefault);
    }

    private static Map<String, Parameter> queryParameters(Operation operation) {
        return operation.getParameters().stream().filter(parameter -> parameter.getIn().equals("query"))
                .collect(Collectors.toMap(Parameter::getName, Function.identity()));
    }

    /** The enum values as the API writes them in JSON, such as {@code too_large}. */
    private static List<String> asJson(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> JSON.convertValue(value, String.class)).toList();
    }

    /** The document as served, with its {@code $ref}s to components resolved when asked. */
    private static SwaggerParseResult parse(boolean resolveReferences) {
        ParseOptions options = new ParseOptions();
        options.setResolveFully(resolveReferences);
        return new OpenAPIV3Parser().readContents(document(), null, options);
    }

    private static String document() {
        try (InputStream document = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            return new String(document.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
