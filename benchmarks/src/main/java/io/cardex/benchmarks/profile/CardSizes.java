package io.cardex.benchmarks.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.benchmarks.TranslatedTopic;
import io.cardex.card.CardexJson;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.IndexAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How large the cards of a repository are, against their change events on the topic and the
 * documents the indexer writes for them (as the Elasticsearch client sends them, in JSON).
 *
 * @param cards         the cards' upserts read from the topic
 * @param cardBytes     the Markdown files of the repository ({@code .md}, Chinese versions included)
 * @param eventBytes    the values of the cards' change events
 * @param documentBytes the cards' documents
 */
public record CardSizes(long cards, long cardBytes, long eventBytes, long documentBytes) {

    /** Reads the topic from its start until it has seen {@code cards} card upserts. */
    public static CardSizes of(Path repository, String bootstrapServers, String topic, int cards)
            throws IOException, UnreadableEventException {
        ObjectMapper json = CardexJson.newMapper();
        long eventBytes = 0;
        long documentBytes = 0;
        for (TranslatedTopic.TranslatedRecord upsert
                : TranslatedTopic.read(bootstrapServers, topic, action -> action instanceof IndexAction.Put, cards)) {
            eventBytes += upsert.valueBytes();
            documentBytes += json.writeValueAsBytes(((IndexAction.Put) upsert.action()).document()).length;
        }
        return new CardSizes(cards, markdownBytes(repository), eventBytes, documentBytes);
    }

    private static long markdownBytes(Path repository) throws IOException {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(file -> !file.startsWith(repository.resolve(".git")))
                    .filter(file -> file.getFileName().toString().endsWith(".md"))
                    .mapToLong(CardSizes::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line: the mean size of each, and each against the card. */
    public String line() {
        double card = (double) cardBytes / cards;
        double event = (double) eventBytes / cards;
        double document = (double) documentBytes / cards;
        return String.format(Locale.ROOT,
                "per card, mean: card %.1f KB, change event %.1f KB (%.2f x the card), document %.1f KB (%.2f x)",
                card / 1024, event / 1024, event / card, document / 1024, document / card);
    }
}
