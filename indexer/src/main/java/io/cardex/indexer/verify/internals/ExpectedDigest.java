package io.cardex.indexer.verify.internals;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 a card gives for an asset: all 64 hex digits, or (weaker) a prefix of at least 8.
 * Case does not matter.
 */
public record ExpectedDigest(String given, String hex) {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{8,64}");

    public static ExpectedDigest of(String given) {
        return new ExpectedDigest(given, given == null ? "" : given.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isValid() {
        return HEX_DIGEST.matcher(hex).matches();
    }

    public boolean isPrefix() {
        return isValid() && hex.length() < 64;
    }

    public boolean matches(String actualHex) {
        return isValid() && actualHex.startsWith(hex);
    }

    /** Why {@code actualHex} does not match, in words a card author can act on. */
    public String mismatch(String actualHex, String contentType) {
        String found = isValid()
                ? "the file's SHA-256 is " + actualHex + ", but the card gives " + (isPrefix() ? "the prefix " : "")
                        + hex
                : "the card's asset-sha256 '" + (given == null ? "" : given)
                        + "' is not 8 to 64 hex digits; the file's SHA-256 is " + actualHex;
        boolean page = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
        return page ? found + " (the server sent an HTML page: the link may lead to a web page, not the file)" : found;
    }
}
