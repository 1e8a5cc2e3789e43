package io.cardex.cardindex;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version written so that sorting the texts sorts the versions: every number in it padded with
 * zeros to the same width, so that {@code 1.10} comes after {@code 1.9} and {@code 1.8.1} after
 * {@code 1.8}, where a plain text order puts {@code 1.10} before {@code 1.9}.
 */
public final class VersionOrder {

    /** Wide enough for any number a version holds, a date such as 20240101 included. */
    private static final int WIDTH = 12;
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private VersionOrder() {
    }

    /** The sort key of a version such as {@code 1.10} or {@code r2.0-alpha}, lower-cased. */
    public static String of(String version) {
        Matcher numbers = NUMBER.matcher(version.strip().toLowerCase(Locale.ROOT));
        StringBuilder key = new StringBuilder();
        while (numbers.find()) {
            String digits = numbers.group().replaceFirst("^0+(?=\\d)", "");
            numbers.appendReplacement(key, "0".repeat(Math.max(0, WIDTH - digits.length())) + digits);
        }
        numbers.appendTail(key);
        return key.toString();
    }
}
