package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.cli.validate.CardFiles;
import io.cardex.cli.validate.Validation;
import io.cardex.cli.validate.ValidationReport;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardex validate}: check card files as the pipeline would, without running it. */
@Command(name = "validate", sortOptions = false,
        description = {"Check card files: every problem with its file, line and column, then a summary.",
                "Exit status: 0 when no card has an error (warnings allowed), 1 when one has or the rules file is "
                        + "refused, 2 on bad usage."})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Card files, or cards roots: a directory's <user-id>/.../<name>.md at any depth are its cards, "
                    + "and every other file is named as skipped, with its reason, as ingest skips it.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (like a compiler) or json (for programs); default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--images", paramLabel = "DIR",
            description = "The repository's images folder: a featured-image must name a file there (or no-image); "
                    + "without it, featured-image is not looked up.")
    Path images;

    @Mixin
    CardRulesOptions rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CardRules cardRules() throws IOException, StartupFailure {
        if (images == null) {
            return rules.cardRules();
        }
        if (!Files.isDirectory(images)) {
            throw new NoSuchFileException(images.toString());
        }
        try (Stream<Path> files = Files.list(images)) {
            return rules.cardRules().withFeaturedImages(
                    files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Override
    public Integer call() throws StartupFailure {
        Validation validation;
        try {
            validation = Validation.of(CardFiles.find(paths), cardRules());
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no such file or directory: " + e.getFile() + " (give card files or directories of cards)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cards: " + e.getMessage(), e);
        }
        if (format == Format.json) {
            ValidationReport.printJson(validation, spec.commandLine().getOut());
        } else {
            ValidationReport.printText(validation, spec.commandLine().getOut());
        }
        return validation.hasErrors() ? 1 : 0;
    }
}
