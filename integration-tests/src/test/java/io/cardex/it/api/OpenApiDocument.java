package io.cardex.it.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the API serves, read to tell what it promises for an answer: whether the
 * path, status, media type, headers and body of a real answer are the ones it describes. Bodies
 * are validated with the JSON Schemas of the document, {@code $ref}s to its components included.
 */
final class OpenApiDocument {

    /** The address the registry knows the document by, for its $refs; nothing is fetched from it. */
    private static final String LOCATION = "https://cardex.test/openapi.json";
    /** The fields of an OpenAPI object: the validator reads the document's root as a schema, but they are no keywords. */
    private static final Set<String> DOCUMENT_FIELDS = Set.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry schemas;

    OpenApiDocument(String text) throws JsonProcessingException {
        this.document = JSON.readTree(text);
        // A misspelt keyword ("requried") would make a schema silently accept anything: refuse it.
        Dialect strict = Dialect.builder(Dialects.getOpenApi31()).unknownKeywordFactory((keyword, context) -> {
            if (DOCUMENT_FIELDS.contains(keyword)) {
                return new NonValidationKeyword(keyword);
            }
            throw new IllegalArgumentException("the OpenAPI document's schemas use an unknown keyword: " + keyword);
        }).build();
        this.schemas = SchemaRegistry.withDialect(strict, registry -> registry
                .schemas(Map.of(LOCATION, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The documented paths, such as {@code /cards/{key}}. */
    Set<String> paths() {
        Set<String> paths = new HashSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /**
     * The documented path a request path is an instance of, the longest first: a card key
     * ({@code {key}}) holds slashes, so {@code /cards/{key}} would also take a request of
     * {@code /cards/{key}/similar}.
     */
    Optional<String> pathOf(String requestPath) {
        return paths().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .filter(path -> Pattern.compile(path.replace("{key}", ".+").replaceAll("\\{[^}]+}", "[^/]+"))
                        .matcher(requestPath).matches()).findFirst();
    }

    /** The statuses documented for a GET of a path. */
    Set<Integer> statuses(String path) {
        Set<Integer> statuses = new HashSet<>();
        get(path).path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.parseInt(status)));
        return statuses;
    }

    /** Everything in which an answer to a GET of the URI differs from what the document describes; empty when none. */
    List<String> differences(URI request, Answer answer) {
        List<String> differences = new ArrayList<>();
        Optional<String> path = pathOf(request.getPath());
        if (path.isEmpty()) {
            return List.of("no documented path matches " + request.getPath());
        }
        // A request refused may well have used a parameter that does not exist: that is why it was refused.
        if (answer.status() < 400) {
            Set<String> parameters = documentedQueryParameters(path.get());
            for (String parameter : queryParameterNames(request)) {
                if (!parameters.contains(parameter)) {
                    differences.add("query parameter '" + parameter + "' is not documented for " + path.get());
                }
            }
        }
        String pointer = "/paths/" + escape(path.get()) + "/get/responses/" + answer.status();
        if (document.at(pointer).isMissingNode()) {
            differences.add("status " + answer.status() + " is not documented for " + path.get());
            return differences;
        }
        pointer = followReference(pointer);
        for (var header : document.at(pointer + "/headers").properties()) {
            String headerPointer = followReference(pointer + "/headers/" + escape(header.getKey()));
            if (document.at(headerPointer + "/required").asBoolean() && answer.header(header.getKey()).isEmpty()) {
                differences.add("header " + header.getKey() + " is missing");
            }
        }
        String mediaType = answer.mediaType();
        String schema = pointer + "/content/" + escape(mediaType) + "/schema";
        if (document.at(schema).isMissingNode()) {
            differences.add("media type " + mediaType + " is not documented for " + answer.status() + " of "
                    + path.get());
        } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            differences.addAll(bodyDifferences(schema, answer.body()));
        }
        return differences;
    }

    /** Where the body's schema finds fault with it, by JSON pointer of the body; empty when it conforms. */
    List<String> bodyDifferences(String schemaPointer, String body) {
        try {
            return schemas.getSchema(SchemaLocation.of(LOCATION + "#" + schemaPointer)).validate(JSON.readTree(body))
                    .stream().map(Error::toString).toList();
        } catch (JsonProcessingException e) {
            return List.of("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The pointer to the schema of an answer's body, such as the 200 of {@code /search} as JSON. */
    String schemaOf(String path, int status, String mediaType) {
        return followReference("/paths/" + escape(path) + "/get/responses/" + status) + "/content/" + escape(mediaType)
                + "/schema";
    }

    private JsonNode get(String path) {
        return document.path("paths").path(path).path("get");
    }

    private Set<String> documentedQueryParameters(String path) {
        Set<String> names = new HashSet<>();
        JsonNode parameters = get(path).path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = document.at(followReference("/paths/" + escape(path) + "/get/parameters/" + i));
            if (parameter.path("in").asText().equals("query")) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** Where an object of the document really is: itself, or the component its {@code $ref} names. */
    private String followReference(String pointer) {
        JsonNode reference = document.at(pointer).path("$ref");
        if (reference.isMissingNode()) {
            return pointer;
        }
        if (!reference.asText().startsWith("#/")) {
            throw new IllegalStateException("only references inside the document are expected, not " + reference);
        }
        return followReference(reference.asText().substring(1));
    }

    private static List<String> queryParameterNames(URI request) {
        List<String> names = new ArrayList<>();
        if (request.getRawQuery() != null) {
            for (String parameter : request.getRawQuery().split("&")) {
                names.add(URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /** A JSON pointer token: {@code /search} is {@code ~1search}. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** An answer of the API as it came over HTTP. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream()).findFirst();
        }

        /** The Content-Type without its parameters: {@code text/plain} of {@code text/plain; version=0.0.4}. */
        String mediaType() {
            return header("Content-Type").map(type -> type.split(";", 2)[0].strip()).orElse("");
        }
    }
}
