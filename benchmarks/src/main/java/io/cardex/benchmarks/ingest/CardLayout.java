package io.cardex.benchmarks.ingest;

import io.cardex.card.CardId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Where a generated card is filed: the hub's usual {@code <user>/<version>/<name>}, or its older
 * {@code <user>/<backend>/<version>/<name>}, which its first year used for every card and some
 * users still use ({@code noah-cvlab/gpu/1.8/...}).
 */
public final class CardLayout {

    /** The hub today: 31 of its some 600 cards are one folder deeper. */
    public static final double HUB_BACKEND_SHARE = 0.05;
    private static final List<String> BACKENDS = List.of("ascend", "gpu", "cpu");

    private CardLayout() {
    }

    /** The card one folder deeper, under a backend drawn from {@code random}. */
    static CardId withBackend(CardId flat, Random random) {
        String backend = BACKENDS.get(random.nextInt(BACKENDS.size()));
        return new CardId(flat.userId() + "/" + backend + flat.value().substring(flat.userId().length()));
    }

    /** The card filed in the backend layout, or as it is, {@code share} of the time. */
    static CardId place(CardId flat, double share, Random random) {
        return random.nextDouble() < share ? withBackend(flat, random) : flat;
    }

    /**
     * Where a card of the backend layout moves when its backend folder goes:
     * {@code <user>/<version>/<name>}; empty for a card of the usual layout.
     */
    static Optional<CardId> flattened(CardId id) {
        String[] segments = id.value().split("/");
        if (segments.length != 4 || id.backend().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CardId(segments[0] + "/" + segments[2] + "/" + segments[3]));
    }
}
