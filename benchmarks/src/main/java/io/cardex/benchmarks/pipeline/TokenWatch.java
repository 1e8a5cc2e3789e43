package io.cardex.benchmarks.pipeline;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Searches the card index for the tokens of the commits pushed and not found yet, every 20 ms on
 * a thread of its own, in one request for all of them, whatever the pace of the pushes. A commit
 * is found at the first answer holding every card it revised, each matched by the commit's token
 * in its summary; a commit not found within 30 s of its push is given up.
 */
final class TokenWatch implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(20);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final String SUMMARY = "card.header.summary";

    /** @param latencyMs from the push to the answer of the first search that found the commit's cards */
    record Found(PushedCommit commit, double latencyMs) {
    }

    private record Pending(PushedCommit commit, long pushedNanos) {
    }

    private final ElasticsearchClient client;
    private final CardIndexNames index;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Queue<Found> found = new ConcurrentLinkedQueue<>();
    private final Queue<PushedCommit> givenUp = new ConcurrentLinkedQueue<>();
    private final Thread thread = new Thread(this::run, "token-watch");
    private volatile boolean running = true;
    private volatile Exception failure;

    TokenWatch(ElasticsearchClient client, CardIndexNames index) {
        this.client = client;
        this.index = index;
        thread.setDaemon(true);
        thread.start();
    }

    /** Looks for the commit's cards from now on. */
    void expect(PushedCommit commit, long pushedNanos) {
        pending.put(commit.token(), new Pending(commit, pushedNanos));
    }

    /** Waits until every commit expected is found or given up. */
    void awaitSettled() throws InterruptedException {
        while (!pending.isEmpty() && failure == null) {
            Thread.sleep(INTERVAL.toMillis());
        }
        if (failure != null) {
            throw new IllegalStateException("searching for the pushed commits failed: " + failure.getMessage(),
                    failure);
        }
    }

    List<Found> found() {
        return List.copyOf(found);
    }

    List<PushedCommit> givenUp() {
        return List.copyOf(givenUp);
    }

    private void run() {
        long next = System.nanoTime();
        try {
            while (running) {
                if (!pending.isEmpty()) {
                    search(List.copyOf(pending.values()));
                }
                // After a late search the next starts at once; the schedule does not try to catch up.
                next = Math.max(next + INTERVAL.toNanos(), System.nanoTime());
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException stopped) {
            // closed
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    private void search(List<Pending> looked) throws IOException {
        List<Query> tokens = looked.stream().map(p -> p.commit().token()).map(token -> Query.of(q -> q
                .match(m -> m.field(SUMMARY).query(token).queryName(token)))).toList();
        int cards = looked.stream().mapToInt(p -> p.commit().cardKeys().size()).sum();
        SearchResponse<Void> answer = client.search(s -> s.index(index.alias()).size(cards)
                .source(source -> source.fetch(false)).trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.should(tokens))), Void.class);
        long answered = System.nanoTime();
        Map<String, Set<String>> cardsByToken = new HashMap<>();
        for (Hit<Void> hit : answer.hits().hits()) {
            for (String token : hit.matchedQueries()) {
                cardsByToken.computeIfAbsent(token, t -> new HashSet<>()).add(hit.id());
            }
        }
        for (Pending waiting : looked) {
            PushedCommit commit = waiting.commit();
            long sincePush = answered - waiting.pushedNanos();
            if (cardsByToken.getOrDefault(commit.token(), Set.of()).containsAll(commit.cardKeys())) {
                found.add(new Found(commit, sincePush / 1e6));
                pending.remove(commit.token());
            } else if (sincePush > GIVE_UP_AFTER.toNanos()) {
                givenUp.add(commit);
                pending.remove(commit.token());
            }
        }
    }

    /** Stops searching; a failure is reported by {@link #awaitSettled()}, not here, where it may be the stop's. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
