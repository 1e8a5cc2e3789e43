package io.cardex.api.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many cards the index holds.
 *
 * @param byStatus      cards by validity: {@code valid}, {@code invalid}
 * @param byAssetStatus cards having at least one asset in each state of checking ({@code verified},
 *                      {@code pending}, ...): a card with two assets in different states counts
 *                      in both, and a card's two verified assets count once
 */
public record CardCounts(long total, Map<String, Long> byStatus, Map<String, Long> byAssetStatus) {

    public CardCounts {
        // In the order given, which is the order of the states' declarations.
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
        byAssetStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byAssetStatus));
    }
}
