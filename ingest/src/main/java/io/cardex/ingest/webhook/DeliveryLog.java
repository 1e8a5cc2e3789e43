package io.cardex.ingest.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent delivery ids, so that a delivery the host retries (after a timeout, or by hand)
 * triggers once. Bounded: the oldest ids are forgotten first, as retries come soon after.
 */
final class DeliveryLog {

    private final Map<String, Boolean> recent;

    DeliveryLog(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records a delivery id; false when it was already recorded, that is, a redelivery. */
    synchronized boolean remember(String deliveryId) {
        return recent.put(deliveryId, Boolean.TRUE) == null;
    }

    /** Forgets a delivery that could not be handled, so that the host's retry is not taken as a duplicate. */
    synchronized void forget(String deliveryId) {
        recent.remove(deliveryId);
    }
}
