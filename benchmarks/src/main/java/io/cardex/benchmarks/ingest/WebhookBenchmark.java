package io.cardex.benchmarks.ingest;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.IngestStatus;
import io.cardex.topics.CardChangeTopic;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.jgit.api.Git;

/**
 * The time from a GitHub push webhook to the events of that push on Kafka: the ingest service
 * runs as deployed (HTTP server, signed webhooks, a poll interval so long that only the webhook
 * explains a pass) over a local repository. Each push commits one edited card, posts the signed
 * webhook and waits until a consumer, reading the topic from its end on its own thread, receives
 * the upsert carrying that commit.
 */
final class WebhookBenchmark {

    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final Path workDirectory;
    private final PrintStream progress;
    private final GitHubPushes github = new GitHubPushes();
    private final ChangeEventCodec codec = new ChangeEventCodec();

    WebhookBenchmark(String bootstrapServers, Path workDirectory, PrintStream progress) {
        this.bootstrapServers = bootstrapServers;
        this.workDirectory = workDirectory;
        this.progress = progress;
    }

    /**
     * Pushes {@code warmUps + pushes} commits, one at a time, and returns the latency of the last
     * {@code pushes} in milliseconds, in push order. A push whose event has not arrived after 30 s
     * ends the run with an exception.
     */
    List<Double> measure(GeneratedRepository repository, int warmUps, int pushes) throws Exception {
        String topic = "benchmark-webhook-" + System.nanoTime();
        CardChangeTopic.ensureExists(KafkaConnection.open(bootstrapServers), topic, SnapshotBenchmark.TOPIC_PARTITIONS, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        RepositoryConfig config = repository.ingestConfig(Files.createDirectories(workDirectory.resolve("webhook")),
                bootstrapServers, topic);
        Path card = repository.directory().resolve(repository.someCard().path(Language.EN));
        String cardPath = repository.someCard().path(Language.EN);
        Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        GitHubPushes.pointOriginAtGitHub(repository.directory());
        try (Git git = Git.open(repository.directory().toFile());
             CommitListener listener = new CommitListener(topic, arrivals);
             IngestService ingest = new IngestService(GitHubPushes.ingestConfig(config))) {
            listener.start();
            ingest.start();
            awaitSnapshot(ingest, repository);
            List<Double> latencies = new ArrayList<>();
            for (int i = 1; i <= warmUps + pushes; i++) {
                Files.writeString(card, "\nEdited by push " + i + ".\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                git.add().addFilepattern(cardPath).call();
                String commit = git.commit().setMessage("push " + i)
                        .setAuthor(CardRepositoryGenerator.AUTHOR, CardRepositoryGenerator.EMAIL)
                        .setCommitter(CardRepositoryGenerator.AUTHOR, CardRepositoryGenerator.EMAIL).call().name();
                CompletableFuture<Long> arrival = arrivals.computeIfAbsent(commit, c -> new CompletableFuture<>());
                long pushed = System.nanoTime();
                github.push(ingest.port(), commit, "delivery-" + i);
                long received;
                try {
                    received = arrival.get(PUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("no event for commit " + commit + " of push " + i + " within "
                            + PUSH_TIMEOUT.toSeconds() + " s", e);
                }
                arrivals.remove(commit);
                if (i > warmUps) {
                    latencies.add((received - pushed) / 1e6);
                }
                if (i % 50 == 0) {
                    progress.printf(Locale.ROOT, "  %d of %d pushes (%d warm-up)%n", i, warmUps + pushes, warmUps);
                }
            }
            return latencies;
        }
    }

    /** Waits until the service's first snapshot of the repository is acknowledged. */
    private void awaitSnapshot(IngestService ingest, GeneratedRepository repository) throws InterruptedException {
        long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT.toNanos();
        while (true) {
            IngestStatus status = ingest.repositories().get(0).status();
            if (repository.head().equals(status.lastPublishedHead())) {
                progress.printf(Locale.ROOT, "  the service published its first snapshot (%,d events)%n",
                        status.eventsPublished());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ingest service did not publish its first snapshot within "
                        + SNAPSHOT_TIMEOUT.toMinutes() + " min: " + status);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Reads the topic from its end on its own thread and completes, for every upsert, the future
     * of its commit with the time it was received.
     */
    private final class CommitListener implements AutoCloseable, Runnable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, CompletableFuture<Long>> arrivals;
        private final Thread thread = new Thread(this, "commit-listener");
        private volatile Exception failure;

        CommitListener(String topic, Map<String, CompletableFuture<Long>> arrivals) {
            this.arrivals = arrivals;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolves the end offsets now, so nothing published from here on is skipped.
            partitions.forEach(consumer::position);
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        long received = System.nanoTime();
                        if (codec.decode(record.key(), record.value()) instanceof CardChange.Upsert upsert) {
                            arrivals.computeIfAbsent(upsert.event().commit(), c -> new CompletableFuture<>())
                                    .complete(received);
                        }
                    }
                }
            } catch (WakeupException stopped) {
                // closed
            } catch (UnreadableEventException | RuntimeException e) {
                failure = e;
                arrivals.values().forEach(arrival -> arrival.completeExceptionally(e));
            }
        }

        @Override
        public void close() throws InterruptedException {
            consumer.wakeup();
            thread.join(10_000);
            consumer.close();
            if (failure != null) {
                throw new IllegalStateException("the consumer failed: " + failure.getMessage(), failure);
            }
        }
    }
}
