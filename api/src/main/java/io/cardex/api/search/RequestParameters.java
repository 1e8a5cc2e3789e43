package io.cardex.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The query parameters of a request, read the same way by every endpoint: blank values are absent. */
final class RequestParameters {

    private final Map<String, List<String>> parameters;

    RequestParameters(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    Iterable<String> names() {
        return parameters.keySet();
    }

    /** The non-blank values of a parameter, stripped. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /** The value of a parameter that may be given once; null when absent or blank. */
    String single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "is given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    int number(String name, int absent) {
        String value = single(name);
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name, "must be a whole number, not '" + value + "'");
        }
    }
}
