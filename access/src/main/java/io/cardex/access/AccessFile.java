package io.cardex.access;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of an access file into {@link Access}, or says in one line what is wrong with it. */
final class AccessFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private AccessFile() {
    }

    static Access read(String source, String text, DeploymentNames names) {
        Access access;
        try {
            access = YAML.readValue(withNames(source, text, names.byPlaceholder()), Access.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidAccessFileException(source + ": unknown field '" + e.getPropertyName() + "' at "
                    + path(e) + ": use one of " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw new InvalidAccessFileException(source + ": " + path(e) + " is not of the expected form"
                    + where(e.getLocation()) + ": see the built-in access.yaml for the form");
        } catch (JacksonException e) {
            throw new InvalidAccessFileException(source + " is not YAML" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage());
        }
        if (access == null) {
            throw new InvalidAccessFileException(source + " is empty: start from a copy of the built-in access.yaml");
        }
        requireKnownRoles(source, access.elasticsearch());
        return access;
    }

    private static String withNames(String source, String text, Map<String, String> names) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (placeholder.find()) {
            String name = names.get(placeholder.group(1));
            if (name == null) {
                throw new InvalidAccessFileException(source + ": unknown name " + placeholder.group()
                        + ": use one of ${index}, ${topic}, ${dead_letter_topic}, ${indexer_group}");
            }
            placeholder.appendReplacement(result, Matcher.quoteReplacement(name));
        }
        return placeholder.appendTail(result).toString();
    }

    private static void requireKnownRoles(String source, ElasticsearchAccess elasticsearch) {
        elasticsearch.users().forEach((user, definition) -> definition.roles().stream()
                .filter(role -> !elasticsearch.roles().containsKey(role))
                .findFirst()
                .ifPresent(role -> {
                    throw new InvalidAccessFileException(source + ": user " + user + " has role " + role
                            + ", which elasticsearch.roles does not define: define it or remove it from the user");
                }));
    }

    /** Where in the file, as the keys leading there: elasticsearch.roles.reader. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()));
        }
        return path.isEmpty() ? "the top" : path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ", line " + location.getLineNr();
    }
}
