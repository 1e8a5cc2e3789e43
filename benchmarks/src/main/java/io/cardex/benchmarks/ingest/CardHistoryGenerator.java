package io.cardex.benchmarks.ingest;

import io.cardex.benchmarks.CardGenerator;
import io.cardex.benchmarks.GeneratedCard;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardPaths;
import io.cardex.card.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Appends history to a card repository {@link CardRepositoryGenerator} wrote: commits of a
 * seeded mix of adds (new generated cards), edits (a revised summary), renames (a card's files
 * moved to another name, so another card id) and deletes; and, when the spec asks, the commit that
 * moves every card out of the backend layout, as the hub did ({@link HistorySpec#flattenAtCommit()}). Card texts are read from and written
 * to the working tree one at a time, each staged as it is written (see {@link StagedWorkingTree});
 * only the card ids, and the index's paths and object ids, are held in memory.
 */
public final class CardHistoryGenerator {

    /** Edits are the commonest change to a hub's cards, renames the rarest; deletes take the rest. */
    private static final double ADD_SHARE = 0.25;
    private static final double EDIT_SHARE = 0.50;
    private static final double RENAME_SHARE = 0.10;
    /** How often to look for a card this commit has not changed yet before adding one instead. */
    private static final int PICK_TRIES = 10;
    private static final int PROGRESS_EVERY = 10;
    private static final Pattern RENAME_SUFFIX = Pattern.compile("_r\\d+$");

    private final long seed;
    private final PrintStream progress;

    /** @param progress where a line is printed every ten commits */
    public CardHistoryGenerator(long seed, PrintStream progress) {
        this.seed = seed;
        this.progress = progress;
    }

    /** Appends {@code spec.commits()} commits to the repository's current branch, then packs it. */
    public GeneratedHistory append(Path directory, HistorySpec spec) throws IOException, GitAPIException {
        long started = System.nanoTime();
        try (Git git = Git.open(directory.toFile())) {
            Changes changes = new Changes(cardsAtHead(git.getRepository()));
            String head = git.getRepository().resolve("HEAD").name();
            try (StagedWorkingTree tree = new StagedWorkingTree(git.getRepository())) {
                for (int commit = 1; commit <= spec.commits(); commit++) {
                    head = changes.commit(tree, commit, spec);
                    if (commit % PROGRESS_EVERY == 0 || commit == spec.commits()) {
                        progress.printf(Locale.ROOT, "  committed %,d of %,d commits of history (%,d cards)%n",
                                commit, spec.commits(), changes.cards.size());
                    }
                }
            }
            CardRepositoryGenerator.pack(git);
            progress.printf(Locale.ROOT, "  history of %,d commits ready in %.1f s: %s%n", spec.commits(),
                    (System.nanoTime() - started) / 1e9, directory);
            return new GeneratedHistory(spec.commits(), changes.adds, changes.edits, changes.renames, changes.deletes,
                    changes.moves, head, changes.present);
        }
    }

    /** The cards at HEAD in tree order, so the same repository always yields the same list. */
    public static List<CardId> cardsAtHead(Repository repository) throws IOException {
        List<CardId> cards = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(repository.resolve("HEAD")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                if (Language.ofPath(path) == Language.EN && CardPaths.reasonByPath(path).isEmpty()) {
                    CardId.fromPath(path).ifPresent(cards::add);
                }
            }
        }
        return cards;
    }

    /** The state of one run: the cards present, and what the commit being built has touched. */
    private final class Changes {

        private final Random random = new Random(seed);
        /** Seeded apart from the snapshot's generator, whose cards are all present already. */
        private final CardGenerator newCards = new CardGenerator(~seed);
        private final Random layout = new Random(seed * 31 + 17);
        /** A list to pick from at random, a set to test membership: the same cards. */
        private final List<CardId> cards;
        private final Set<CardId> present;
        private final Set<CardId> touched = new HashSet<>();
        private int adds;
        private int edits;
        private int renames;
        private int deletes;
        private int moves;
        private int renameSuffix;
        /** Whether cards added now are filed in the backend layout: until the commit that flattens it. */
        private boolean backendLayout;

        Changes(List<CardId> cards) {
            this.cards = cards;
            this.present = new HashSet<>(cards);
        }

        String commit(StagedWorkingTree tree, int commit, HistorySpec spec) throws IOException {
            touched.clear();
            backendLayout = commit < spec.flattenAtCommit();
            int[] counts = {adds, edits, renames, deletes, moves};
            if (commit == spec.flattenAtCommit()) {
                flatten(tree);
            }
            for (int i = 0; i < spec.changesPerCommit(); i++) {
                change(tree, commit);
            }
            String message = String.format(Locale.ROOT, "%d adds, %d edits, %d renames, %d deletes, %d moves",
                    adds - counts[0], edits - counts[1], renames - counts[2], deletes - counts[3], moves - counts[4]);
            return tree.commit(message).name();
        }

        /**
         * Moves every card of the backend layout to {@code <user>/<version>/<name>}, content
         * unchanged; a name already taken there gets a numbered one, as a hub would rename it.
         */
        private void flatten(StagedWorkingTree tree) throws IOException {
            for (CardId from : List.copyOf(cards)) {
                Optional<CardId> flat = CardLayout.flattened(from);
                if (flat.isEmpty()) {
                    continue;
                }
                CardId to = flat.get();
                for (int number = 2; present.contains(to) || touched.contains(to); number++) {
                    to = new CardId(flat.get().value() + "_" + number);
                }
                move(tree, from, to);
                departed(cards.indexOf(from));
                arrived(to);
                moves++;
            }
        }

        private void move(StagedWorkingTree tree, CardId from, CardId to) throws IOException {
            for (Language language : Language.values()) {
                if (tree.exists(from.path(language))) {
                    tree.write(to.path(language), tree.read(from.path(language)));
                    tree.remove(from.path(language));
                }
            }
        }

        private void change(StagedWorkingTree tree, int commit) throws IOException {
            double roll = random.nextDouble();
            OptionalInt picked = roll < ADD_SHARE ? OptionalInt.empty() : pickUntouched();
            if (picked.isEmpty()) {
                add(tree);
            } else if (roll < ADD_SHARE + EDIT_SHARE) {
                edit(tree, cards.get(picked.getAsInt()), commit);
            } else if (roll < ADD_SHARE + EDIT_SHARE + RENAME_SHARE) {
                rename(tree, picked.getAsInt());
            } else {
                delete(tree, picked.getAsInt());
            }
        }

        /** A card not changed yet in this commit, so each change shows in the commit's diff as itself. */
        private OptionalInt pickUntouched() {
            for (int i = 0; i < PICK_TRIES && !cards.isEmpty(); i++) {
                int index = random.nextInt(cards.size());
                if (!touched.contains(cards.get(index))) {
                    return OptionalInt.of(index);
                }
            }
            return OptionalInt.empty();
        }

        private void add(StagedWorkingTree tree) throws IOException {
            GeneratedCard drawn = newCards.next();
            GeneratedCard card = drawn.filedAs(CardLayout.place(drawn.id(),
                            backendLayout ? 1 : CardLayout.HUB_BACKEND_SHARE, layout))
                    .withFreeId(id -> present.contains(id) || touched.contains(id));
            write(tree, card.english());
            if (card.chinese().isPresent()) {
                write(tree, card.chinese().get());
            }
            arrived(card.id());
            adds++;
        }

        /** Revises the summary, which every valid card has; a card whose flaw removed it gets a closing line. */
        private void edit(StagedWorkingTree tree, CardId id, int commit) throws IOException {
            String path = id.path(Language.EN);
            String text = new String(tree.read(path), StandardCharsets.UTF_8);
            write(tree, CardFile.of(path, CardRevision.revise(text, "revised in commit " + commit)));
            touched.add(id);
            edits++;
        }

        /** Moves the card's files to a new name beside them, {@code <name>_r<n>}, content unchanged. */
        private void rename(StagedWorkingTree tree, int index) throws IOException {
            CardId from = cards.get(index);
            CardId to;
            do {
                to = new CardId(RENAME_SUFFIX.matcher(from.value()).replaceFirst("") + "_r" + ++renameSuffix);
            } while (present.contains(to) || touched.contains(to));
            move(tree, from, to);
            departed(index);
            arrived(to);
            renames++;
        }

        private void delete(StagedWorkingTree tree, int index) throws IOException {
            CardId id = cards.get(index);
            for (Language language : Language.values()) {
                if (tree.exists(id.path(language))) {
                    tree.remove(id.path(language));
                }
            }
            departed(index);
            deletes++;
        }

        private void arrived(CardId id) {
            cards.add(id);
            present.add(id);
            touched.add(id);
        }

        /** Swaps the last card into the departed one's place: O(1), and still deterministic. */
        private void departed(int index) {
            CardId id = cards.get(index);
            cards.set(index, cards.get(cards.size() - 1));
            cards.remove(cards.size() - 1);
            present.remove(id);
            touched.add(id);
        }

        private static void write(StagedWorkingTree tree, CardFile file) throws IOException {
            tree.write(file.path(), file.content());
        }
    }
}
