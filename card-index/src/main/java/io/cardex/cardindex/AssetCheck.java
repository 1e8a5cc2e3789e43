package io.cardex.cardindex;

import java.time.Duration;
import java.time.Instant;

/**
 * The result of checking one asset of a card: whether the file behind its link has the SHA-256 the
 * card gives, and what the server did.
 *
 * @param url            the link as the card gives it
 * @param finalUrl       the URL last requested, after mirror rewrite and redirects (for a refused
 *                       redirect: its target); null when nothing was requested
 * @param expectedSha256 the digest the card gives, as given
 * @param actualSha256   the file's SHA-256 in lower-case hex; null unless the whole file was read
 * @param prefixOnly     the card gives only a prefix of the digest (8 to 63 hex digits), so a
 *                       {@link AssetStatus#VERIFIED} check is weaker than with all 64
 * @param bytes          how many bytes of the file were read; for a recheck the server answered
 *                       with 304 Not Modified, the size the confirmed check read
 * @param httpStatus     the status of the last response; null when no response came
 * @param contentType    the Content-Type of the last response, if it had one
 * @param duration       how long the check took
 * @param checkedAt      when the check ended; null while {@link AssetStatus#PENDING}
 * @param error          what went wrong, in words a card author can act on; null when verified
 */
public record AssetCheck(
        String url,
        String finalUrl,
        AssetStatus status,
        String expectedSha256,
        String actualSha256,
        boolean prefixOnly,
        long bytes,
        Integer httpStatus,
        String contentType,
        Duration duration,
        Instant checkedAt,
        String error) {

    /** An asset whose check has not ended yet. */
    public static AssetCheck pending(String url, String expectedSha256) {
        return notChecked(url, expectedSha256, AssetStatus.PENDING);
    }

    /** An asset of an indexer that does not verify assets. */
    public static AssetCheck unchecked(String url, String expectedSha256) {
        return notChecked(url, expectedSha256, AssetStatus.UNCHECKED);
    }

    private static AssetCheck notChecked(String url, String expectedSha256, AssetStatus status) {
        return new AssetCheck(url, null, status, expectedSha256, null, false, 0, null, null, Duration.ZERO, null, null);
    }
}
