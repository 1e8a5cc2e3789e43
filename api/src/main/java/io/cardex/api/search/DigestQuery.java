package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cards by the SHA-256 of an asset: who else ships this checkpoint, in any version or repository.
 * A digest is the whole SHA-256 or its first 8 hex digits or more, in the {@code sha256} filter or
 * as the whole of {@code q}. Cards may give only a prefix of their digest themselves, so a card
 * matches when either digest starts with the other; the digest the checker computed from the
 * downloaded file counts too, so a card whose own digest is wrong is found by its file's.
 */
final class DigestQuery {

    static final String PARAMETER = "sha256";
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 64;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{" + MIN_DIGITS + "," + MAX_DIGITS + "}");
    private static final String GIVEN = "card.header.assets.sha256";
    private static final String COMPUTED = "asset_checks.actual_sha256";

    private DigestQuery() {
    }

    /** The digests of the {@code sha256} filter, lower-cased; any of them may match. */
    static List<String> parse(List<String> values) {
        return values.stream().map(value -> {
            if (!DIGEST.matcher(value).matches()) {
                throw new InvalidQueryException(PARAMETER, "is '" + value + "': give an asset's SHA-256 as "
                        + MAX_DIGITS + " hex digits, or at least its first " + MIN_DIGITS);
            }
            return value.toLowerCase(Locale.ROOT);
        }).toList();
    }

    /** The digest the words of a search are, when they are nothing else. */
    static Optional<String> in(String text) {
        return DIGEST.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The cards with an asset matching any of the digests. */
    static Query anyOf(List<String> digests) {
        return Query.of(q -> q.bool(b -> b.should(digests.stream().map(DigestQuery::of).toList()).minimumShouldMatch("1")));
    }

    /** The words' own matches, and the cards with that digest when the words are one. */
    static Query orText(String text, Query textMatch) {
        return in(text).map(digest -> Query.of(q -> q.bool(b -> b.should(textMatch, of(digest)).minimumShouldMatch("1"))))
                .orElse(textMatch);
    }

    private static Query of(String digest) {
        List<FieldValue> shorterPrefixes = new ArrayList<>();
        for (int length = MIN_DIGITS; length < digest.length(); length++) {
            shorterPrefixes.add(FieldValue.of(digest.substring(0, length)));
        }
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.prefix(p -> p.field(GIVEN).value(digest)))
                    .should(s -> s.prefix(p -> p.field(COMPUTED).value(digest)))
                    .minimumShouldMatch("1");
            if (!shorterPrefixes.isEmpty()) {
                b.should(s -> s.terms(t -> t.field(GIVEN).terms(v -> v.value(shorterPrefixes))));
            }
            return b;
        }));
    }
}
