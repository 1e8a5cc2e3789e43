package io.cardex.it.support;

import io.cardex.stack.Installation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A card repository the test commits to, in a temporary directory, filled from the example
 * cards of the project (examples/cards).
 */
public final class CardRepositoryFixture implements AutoCloseable {

    private final Path directory;
    private final Git git;

    private CardRepositoryFixture(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    public static CardRepositoryFixture create() {
        Path directory = TempDirectories.create("cardex-it-cards-");
        try {
            return new CardRepositoryFixture(directory,
                    Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Copies an example card, e.g. {@code mindspore/1.9/refinenet_voc2012.md}, to the same path. */
    public CardRepositoryFixture addExample(String path) {
        try {
            Path target = directory.resolve(path);
            Files.createDirectories(target.getParent());
            Files.copy(Installation.current().examples().resolve(path), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every example card: four model cards, a Chinese version and a paper page. */
    public CardRepositoryFixture addEveryExample() {
        return addExample("mindspore/1.6/nasfpn_coco2017.md").addExample("mindspore/1.7/refinedet_coco2017.md")
                .addExample("mindspore/1.7/dlinknet_deepglobe.md").addExample("mindspore/1.9/refinenet_voc2012.md")
                .addExample("mindspore/1.9/refinenet_voc2012_cn.md").addExample("papers/2016/refinenet.md");
    }

    /**
     * Writes a copy of the nas-fpn example someone broke ({@code fine-tunable: perhaps}): as alike
     * as a card gets, but invalid.
     */
    public CardRepositoryFixture addBrokenCopyOfNasFpn(String path) {
        try {
            return write(path, Files.readString(Installation.current().examples()
                    .resolve("mindspore/1.6/nasfpn_coco2017.md")).replace("fine-tunable: True", "fine-tunable: perhaps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the {@code origin} remote, the repository on a git host this one mirrors. */
    public CardRepositoryFixture withOrigin(String url) {
        try {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", url);
            config.save();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CardRepositoryFixture write(String path, String text) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a ResNet card of {@code cards/resnet_imagenet2012.md} (test resources): one version of
     * a model, as the hub publishes one per MindSpore version.
     *
     * @param name     the model's name, {@code ResNet50}; its file is {@code <name lower-cased>_imagenet2012.md}
     * @param folder   where the file goes, {@code mindspore/1.10} or {@code mindspore/gpu/1.3}
     * @param version  the MindSpore version its header says
     * @param accuracy the accuracy of its evaluation
     */
    public CardRepositoryFixture addResNet(String name, String folder, String version, double accuracy) {
        String file = name.toLowerCase(Locale.ROOT);
        try (InputStream template = CardRepositoryFixture.class.getClassLoader()
                .getResourceAsStream("cards/resnet_imagenet2012.md")) {
            String text = new String(Objects.requireNonNull(template, "cards/resnet_imagenet2012.md").readAllBytes(),
                    StandardCharsets.UTF_8);
            return write(folder + "/" + file + "_imagenet2012.md", text.replace("{{name}}", name)
                    .replace("{{file}}", file).replace("{{version}}", version).replace("{{acc}}", String.valueOf(accuracy)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a file of the working tree. */
    public String read(String path) {
        try {
            return Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CardRepositoryFixture edit(String path, UnaryOperator<String> change) {
        try {
            Path file = directory.resolve(path);
            Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CardRepositoryFixture delete(String path) {
        try {
            Files.delete(directory.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RevCommit commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return git.commit().setMessage(message).setAuthor("Ada", "ada@example.com")
                    .setCommitter("Ada", "ada@example.com").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
        TempDirectories.delete(directory);
    }
}
