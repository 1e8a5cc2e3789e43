package io.cardex.benchmarks.pipeline;

import io.cardex.benchmarks.ingest.CardHistoryGenerator;
import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.CardRevision;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The commits of the freshness stream: each revises the summary of 1 to 5 cards, picked at random
 * from a seed, with a token of its own ({@code fresh00042} for the 42nd), so that a search for the
 * token finds the cards of that commit and no other. Only a card whose revised summary the parser
 * still reads is picked: in a card whose flaw breaks its YAML header, the token would not be indexed.
 */
final class RevisionCommits implements AutoCloseable {

    static final int MAX_CARDS_PER_COMMIT = 5;
    /** How many cards to look at for one that keeps its summary readable before giving up. */
    private static final int PICK_TRIES = 100;

    private final Path directory;
    private final Git git;
    private final List<CardId> cards;
    private final Random random;
    private final CardParser parser = new CardParser(CardRules.DEFAULT);

    RevisionCommits(Path repository, long seed) throws IOException {
        this.directory = repository;
        this.git = Git.open(repository.toFile());
        this.cards = CardHistoryGenerator.cardsAtHead(git.getRepository());
        this.random = new Random(seed);
    }

    /** The token of the {@code number}-th commit: one word to Elasticsearch's standard analyzer, in no card's prose. */
    static String token(int number) {
        return String.format(Locale.ROOT, "fresh%05d", number);
    }

    /** Revises 1 to 5 cards in the working tree and commits them. */
    PushedCommit commit(int number) throws IOException, GitAPIException {
        String token = token(number);
        int wanted = 1 + random.nextInt(MAX_CARDS_PER_COMMIT);
        Set<CardId> revised = new LinkedHashSet<>();
        for (int tries = 0; revised.size() < wanted && tries < PICK_TRIES; tries++) {
            CardId card = cards.get(random.nextInt(cards.size()));
            if (!revised.contains(card) && revise(card, token)) {
                revised.add(card);
            }
        }
        if (revised.isEmpty()) {
            throw new IllegalStateException("none of " + PICK_TRIES + " cards keeps a readable summary when revised");
        }
        AddCommand add = git.add();
        revised.forEach(card -> add.addFilepattern(card.path(Language.EN)));
        add.call();
        String id = git.commit().setMessage("revise " + revised.size() + " cards (" + token + ")")
                .setAuthor(CardRepositoryGenerator.AUTHOR, CardRepositoryGenerator.EMAIL)
                .setCommitter(CardRepositoryGenerator.AUTHOR, CardRepositoryGenerator.EMAIL).call().name();
        List<String> keys = new ArrayList<>();
        revised.forEach(card -> keys.add(new CardKey(GeneratedRepository.NAME, card).toString()));
        return new PushedCommit(number, token, id, keys);
    }

    /** Writes the card with the token in its summary, unless the parser would not read the summary then. */
    private boolean revise(CardId card, String token) throws IOException {
        String path = card.path(Language.EN);
        String revised = CardRevision.revise(Files.readString(directory.resolve(path), StandardCharsets.UTF_8),
                "revised in push " + token);
        Card parsed = parser.parse(card, Optional.of(CardFile.of(path, revised)), chinese(card));
        String summary = parsed.header() == null ? null : parsed.header().summary();
        if (summary == null || !summary.contains(token)) {
            return false;
        }
        Files.writeString(directory.resolve(path), revised, StandardCharsets.UTF_8);
        return true;
    }

    private Optional<CardFile> chinese(CardId card) throws IOException {
        Path file = directory.resolve(card.path(Language.ZH));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] content = Files.readAllBytes(file);
        return Optional.of(new CardFile(card.path(Language.ZH), content, content.length));
    }

    @Override
    public void close() {
        git.close();
    }
}
