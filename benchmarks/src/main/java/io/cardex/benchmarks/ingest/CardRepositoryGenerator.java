package io.cardex.benchmarks.ingest;

import io.cardex.benchmarks.CardGenerator;
import io.cardex.benchmarks.GeneratedCard;
import io.cardex.card.CardId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;

/**
 * Writes a card repository as ingest reads one: {@code count} distinct generated cards as
 * {@code <user>/<version>/<name>.md} (and {@code <name>_cn.md}), a share of them one folder deeper as
 * {@code <user>/<backend>/<version>/<name>.md} like the hub's (see {@link CardLayout}), in a fresh
 * git repository, on branch {@code main}, committed once and packed as a clone from a git host would be.
 */
public final class CardRepositoryGenerator {

    public static final String AUTHOR = "Ada";
    public static final String EMAIL = "ada@example.com";
    private static final int PROGRESS_EVERY = 1_000;

    private final long seed;
    private final PrintStream progress;
    private final double backendShare;

    /** @param progress where a line is printed every thousand cards written */
    public CardRepositoryGenerator(long seed, PrintStream progress) {
        this(seed, progress, CardLayout.HUB_BACKEND_SHARE);
    }

    /**
     * @param backendShare the share of cards filed in the backend layout: 0 for none, 1 for all of
     *                     them, as in the hub's first year
     */
    public CardRepositoryGenerator(long seed, PrintStream progress, double backendShare) {
        this.seed = seed;
        this.progress = progress;
        this.backendShare = backendShare;
    }

    /**
     * Writes the repository into {@code directory}, which must not exist or be empty. Cards are
     * written one at a time, never all held in memory; a generated card whose id was already
     * written is filed under a numbered name ({@link GeneratedCard#withFreeId}), so the
     * repository holds exactly {@code count} cards, each made by one draw of the generator.
     */
    public GeneratedRepository write(Path directory, int count) throws IOException, GitAPIException {
        long started = System.nanoTime();
        CardGenerator generator = new CardGenerator(seed);
        Random layout = new Random(~seed);
        Set<CardId> written = new HashSet<>();
        int files = 0;
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            String head;
            try (StagedWorkingTree tree = new StagedWorkingTree(git.getRepository())) {
                while (written.size() < count) {
                    GeneratedCard drawn = generator.next();
                    GeneratedCard card = drawn.filedAs(CardLayout.place(drawn.id(), backendShare, layout))
                            .withFreeId(written::contains);
                    written.add(card.id());
                    tree.write(card.english().path(), card.english().content());
                    files++;
                    if (card.chinese().isPresent()) {
                        tree.write(card.chinese().get().path(), card.chinese().get().content());
                        files++;
                    }
                    if (written.size() % PROGRESS_EVERY == 0 || written.size() == count) {
                        progress.printf(Locale.ROOT, "  generated %,d of %,d cards%n", written.size(), count);
                    }
                }
                progress.printf(Locale.ROOT, "  committing %,d files and packing the repository...%n", files);
                head = tree.commit(count + " generated cards").name();
            }
            pack(git);
            progress.printf(Locale.ROOT, "  repository of %,d cards ready in %.1f s: %s%n", count,
                    (System.nanoTime() - started) / 1e9, directory);
            return new GeneratedRepository(directory, count, files, head, written.iterator().next());
        }
    }

    /**
     * Packs the repository into one pack, as a clone from a git host is. A pack it replaces is
     * deleted at once: git keeps one for an hour, for readers that may still have it open; there
     * are none, and a history packed after its first commit would hold those objects twice.
     */
    static void pack(Git git) throws GitAPIException {
        git.getRepository().getConfig().setString(ConfigConstants.CONFIG_GC_SECTION, null,
                ConfigConstants.CONFIG_KEY_PRUNEPACKEXPIRE, "now");
        git.gc().call();
    }
}
