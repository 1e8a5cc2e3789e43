package io.cardex.card;

/**
 * A card's {@code module-type} split at its first '-': {@code cv-classification} is type
 * {@code cv} with detail {@code classification}; {@code cv} alone has no detail.
 */
public record ModuleType(String type, String detail) {

    public static ModuleType parse(String raw) {
        String trimmed = raw.trim();
        int dash = trimmed.indexOf('-');
        if (dash < 0) {
            return new ModuleType(trimmed, null);
        }
        return new ModuleType(trimmed.substring(0, dash), trimmed.substring(dash + 1));
    }
}
