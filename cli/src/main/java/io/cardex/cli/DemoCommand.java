package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.cli.demo.ExampleRepository;
import io.cardex.stack.Installation;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardex demo}: the pipeline on the example cards kept in the project. */
@Command(name = "demo", sortOptions = false,
        description = "Run the whole pipeline on the example cards and serve search on http://localhost:8080.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
    private static final String REPOSITORY_NAME = "examples";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration FIRST_INDEXING_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws StartupFailure {
        Installation installation = Installation.current();
        Path repository = createExampleRepository(installation);
        long cards = countCards(repository);
        return new PipelineRun().run(stack, "demo",
                (kafka, workDirectory, topic, partitions) -> List.of(new RepositoryConfig(
                        new RepositorySource.Local(repository), REPOSITORY_NAME, Optional.empty(), Optional.empty(),
                        POLL_INTERVAL, workDirectory, kafka, topic, partitions, (short) 1,
                        CardRules.DEFAULT)),
                // The example cards point at real checkpoints of hundreds of MB: a demo downloads none.
                Optional.empty(),
                (running, pipeline) -> {
                    awaitSearchable(pipeline.apiPort(), cards);
                    printHowToUse(pipeline.apiPort(), repository, running.elasticsearchUrl());
                });
    }

    private Path createExampleRepository(Installation installation) throws StartupFailure {
        Path target = stack.dataDirectory("demo").resolve(REPOSITORY_NAME);
        try {
            return ExampleRepository.createOnce(installation.examples(), target);
        } catch (IOException | GitAPIException e) {
            throw new StartupFailure("cannot create the example card repository in " + target + ": " + e.getMessage(), e);
        }
    }

    private static long countCards(Path repository) throws StartupFailure {
        try {
            return ExampleRepository.countCards(repository);
        } catch (IOException e) {
            throw new StartupFailure("cannot read the example card repository " + repository + ": " + e.getMessage(), e);
        }
    }

    /** Waits, through the API itself, until the example cards can be found. */
    private static void awaitSearchable(int apiPort, long cards) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest everything = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/search?group=card")).build();
        long deadline = System.nanoTime() + FIRST_INDEXING_TIMEOUT.toNanos();
        log.info("waiting for the {} example cards to be searchable", cards);
        while (System.nanoTime() < deadline) {
            try {
                Matcher total = TOTAL.matcher(http.send(everything, HttpResponse.BodyHandlers.ofString()).body());
                if (total.find() && Long.parseLong(total.group(1)) >= cards) {
                    return;
                }
                Thread.sleep(500);
            } catch (IOException stillStarting) {
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("the example cards are not searchable after {} s; the log says why", FIRST_INDEXING_TIMEOUT.toSeconds());
    }

    private static void printHowToUse(int apiPort, Path repository, URI elasticsearch) {
        String api = "http://localhost:" + apiPort;
        System.out.printf("""

                cardex demo is running: the example cards are indexed and searchable.

                  Try:     %1$s/      (the search page, in a browser)
                           curl '%1$s/search?q=refinenet'
                           curl '%1$s/search?q=coco2017'
                           curl '%1$s/search?q=%%22semantic+segmentation%%22'
                           curl '%1$s/search?q=ADE20K'      (a paper's benchmark finds the model citing it)
                           curl '%1$s/search?q=segment+roads+in+satellite+images'   (by meaning: D-LinkNet)
                  Change:  the cards are a git repository in %2$s
                           edit or delete a card there, git commit, and search again a few seconds later.
                  Kibana:  Elasticsearch is at %3$s (index alias 'cards').
                  Stop:    Ctrl-C

                """, api, repository, elasticsearch);
    }
}
