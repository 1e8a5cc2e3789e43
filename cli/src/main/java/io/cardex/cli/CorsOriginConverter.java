package io.cardex.cli;

import io.cardex.api.ApiConfig;
import picocli.CommandLine;

/** Refuses a malformed {@code --cors-origin} before anything starts, with the API's own rule. */
final class CorsOriginConverter implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            return ApiConfig.requireValidCorsOrigin(value.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
