package io.cardex.benchmarks.ingest;

import static io.cardex.benchmarks.Terminal.deleteTree;
import static io.cardex.benchmarks.Terminal.say;

import io.cardex.card.CardId;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Generated card repositories kept between runs, for those that take minutes to write (100,000
 * cards: about 3 minutes on a quiet machine) and that a benchmark only reads. A repository is
 * kept in a folder named by its seed and size, with a note beside it of what it holds, written
 * once it is complete: a run cut off while writing leaves no note, and the next one writes it again.
 */
final class RepositoryCache {

    private final Path directory;

    /** @param directory where the repositories are kept; {@code benchmarks/target/repositories} of the checkout */
    RepositoryCache(Path directory) {
        this.directory = directory;
    }

    /** The checkout's cache: {@code mvn clean} empties it. */
    static RepositoryCache ofCheckout() {
        String home = System.getProperty("cardex.home", ".");
        return new RepositoryCache(Path.of(home, "benchmarks", "target", "repositories"));
    }

    /** The repository of {@code cards} cards made from {@code seed}: the one kept, or a new one written. */
    GeneratedRepository readOnly(long seed, int cards) throws IOException, GitAPIException {
        String name = "cards-" + cards + "-seed-" + seed;
        Path repository = directory.resolve(name);
        Path note = directory.resolve(name + ".properties");
        if (Files.exists(note)) {
            GeneratedRepository kept = read(repository, note);
            if (headIs(kept)) {
                say("  reusing the repository of %,d cards kept in %s", cards, repository);
                return kept;
            }
        }
        Files.deleteIfExists(note);
        if (Files.exists(repository)) {
            deleteTree(repository);
        }
        Files.createDirectories(directory);
        GeneratedRepository written = new CardRepositoryGenerator(seed, System.out).write(repository, cards);
        write(written, note);
        return written;
    }

    private static GeneratedRepository read(Path repository, Path note) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(note)) {
            properties.load(in);
        }
        return new GeneratedRepository(repository, Integer.parseInt(properties.getProperty("cards")),
                Integer.parseInt(properties.getProperty("files")), properties.getProperty("head"),
                new CardId(properties.getProperty("some-card")));
    }

    private static void write(GeneratedRepository repository, Path note) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("cards", Integer.toString(repository.cards()));
        properties.setProperty("files", Integer.toString(repository.files()));
        properties.setProperty("head", repository.head());
        properties.setProperty("some-card", repository.someCard().value());
        try (Writer out = Files.newBufferedWriter(note)) {
            properties.store(out, "written by the ingest benchmark once the repository was complete");
        }
    }

    /** Whether the kept repository's branch is still at the commit noted: nobody committed to it. */
    private static boolean headIs(GeneratedRepository kept) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(kept.directory().toFile()).build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            return head != null && head.name().equals(kept.head());
        }
    }
}
