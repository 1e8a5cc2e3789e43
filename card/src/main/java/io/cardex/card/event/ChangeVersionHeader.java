package io.cardex.card.event;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record header carrying a record's version: the Elasticsearch external version the
 * indexer writes it with. Ingest assigns it, so it grows with every change of a card whatever
 * partition, topic or cluster the record travels on; an offset does not (docs/change-events.md).
 * A header, not a field of the value, because a deletion is a tombstone and has no value.
 */
public final class ChangeVersionHeader {

    /** The header's name; its value is the version in decimal ASCII digits, e.g. {@code 1764648000123456}. */
    public static final String NAME = "cardex-version";

    private ChangeVersionHeader() {
    }

    public static byte[] encode(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a record version is positive, not " + version);
        }
        return Long.toString(version).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @throws UnreadableEventException when the header is not a positive decimal number
     */
    public static long decode(byte[] value) throws UnreadableEventException {
        String text = value == null ? "" : new String(value, StandardCharsets.US_ASCII);
        try {
            long version = Long.parseLong(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Refused below, as a version below 1 is.
        }
        throw new UnreadableEventException("record header " + NAME + " is not a version (a positive decimal number): '"
                + shortened(text) + "'", null);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
