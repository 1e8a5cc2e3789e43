package io.cardex.cardindex;

import io.cardex.card.SkippedFile;
import io.cardex.card.event.SkippedFilesEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the card index knows of a repository as a whole: the files of its last ingested commit
 * that are no part of any card. Its document id is the repository name, which no card key can
 * be, and its {@code kind} is {@value #KIND}: every search, facet and count of cards leaves it out.
 *
 * <p>It has no {@code indexed_at}, the card index's time field: Kibana's views of cards over time
 * leave it out as they should; {@code source.commit_time} says how recent it is.
 *
 * @param skippedCounts how many files were skipped for each reason ({@code readme}, {@code binary}...)
 */
public record RepositoryDocument(
        String key,
        String kind,
        String repository,
        CardSource source,
        List<SkippedFile> skippedFiles,
        Map<String, Integer> skippedCounts) {

    /** The value of the {@code kind} field that sets a repository's document apart from the cards. */
    public static final String KIND = "repository";
    /** The top-level field holding {@link #KIND}; a card's document has none. */
    public static final String KIND_FIELD = "kind";

    public RepositoryDocument {
        skippedFiles = List.copyOf(skippedFiles);
        skippedCounts = Map.copyOf(skippedCounts);
    }

    public static RepositoryDocument of(SkippedFilesEvent event) {
        Map<String, Integer> counts = new TreeMap<>();
        event.countsByReason().forEach((reason, count) -> counts.put(reason.code(), count));
        return new RepositoryDocument(event.repository(), KIND, event.repository(),
                new CardSource(event.repository(), event.branch(), event.commit(), event.commitTime(), null, List.of()),
                event.skippedFiles(), counts);
    }
}
