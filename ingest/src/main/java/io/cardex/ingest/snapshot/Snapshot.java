package io.cardex.ingest.snapshot;

import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.SkippedFile;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.git.CardCandidate;
import io.cardex.ingest.git.CardWalk;
import io.cardex.ingest.git.CardsRoot;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.publish.CommitChanges;
import io.cardex.ingest.publish.PublishException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every card of a tree, as a first snapshot does, as a stream: one walk of the tree
 * hands its candidate cards to a pool of threads, one per core, that read their blobs, parse
 * and encode them, while the calling thread sends the events in the walk's order. At most
 * {@link #WINDOW_PER_THREAD} cards per thread are between the walk and the producer, and the
 * producer's send waits while its buffer is full, so the memory a snapshot needs is the same for
 * 10,000 cards as for 100,000. It does not wait for Kafka's acknowledgements: the caller does,
 * before it moves the cursor.
 */
public final class Snapshot {

    private static final Logger log = LoggerFactory.getLogger(Snapshot.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    /** Enough cards queued per thread that none waits for the next; few enough to be a few MB. */
    static final int WINDOW_PER_THREAD = 64;

    /**
     * What a snapshot sent.
     *
     * @param skipped the files below the root that are no part of any card, in path order
     */
    public record Sent(int upserts, List<SkippedFile> skipped) {
    }

    private final String repositoryName;
    private final Repository repository;
    private final ChangePublisher publisher;
    private final PassProgress progress;
    private final int threads;

    public Snapshot(String repositoryName, Repository repository, ChangePublisher publisher, PassProgress progress) {
        this.repositoryName = repositoryName;
        this.repository = repository;
        this.publisher = publisher;
        this.progress = progress;
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sends an upsert for every card of the tree.
     *
     * @param rules the rules cards are parsed with (the featured images of this tree included)
     */
    public Sent send(RevTree tree, CardsRoot root, CardRules rules, CommitChanges commit)
            throws IOException, PublishException {
        CardWalk walk = new CardWalk(repository);
        progress.started(countCards(walk, tree, root));
        CandidateReader candidates = new CandidateReader(root, rules, commit, publisher);
        Queue<ObjectReader> readers = new ConcurrentLinkedQueue<>();
        ThreadLocal<ObjectReader> reader = ThreadLocal.withInitial(() -> {
            ObjectReader opened = repository.newObjectReader();
            readers.add(opened);
            return opened;
        });
        List<SkippedFile> skipped = new ArrayList<>();
        int[] upserts = {0};
        long[] nextReport = {System.nanoTime() + PROGRESS_INTERVAL.toNanos()};
        OrderedWork<CardCandidate, CandidateReader.Outcome> work = new OrderedWork<>(threads,
                threads * WINDOW_PER_THREAD, "cardex-ingest-" + repositoryName + "-reader",
                candidate -> candidates.read(candidate, reader.get()),
                outcome -> {
                    skipped.addAll(outcome.skipped());
                    if (outcome.change().isPresent()) {
                        publisher.throwIfRefused();
                        publisher.send(outcome.change().get());
                        progress.sentOne();
                        upserts[0]++;
                    }
                    if (System.nanoTime() > nextReport[0]) {
                        log.info("{}: sent {} of {} cards", repositoryName, progress.sent(), progress.cards());
                        nextReport[0] = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
                    }
                });
        try {
            walk.<PublishException>walk(tree, root, new CardWalk.Visitor<>() {
                @Override
                public void candidate(CardCandidate card) throws IOException, PublishException {
                    work.submit(card);
                }

                @Override
                public void skipped(SkippedFile file) {
                    skipped.add(file);
                }
            });
            work.finish();
        } finally {
            work.close();
            readers.forEach(ObjectReader::close);
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new Sent(upserts[0], skipped);
    }

    /**
     * The cards the walk will find, judged by their paths (a binary one is counted still), for the
     * progress reported: it reads the trees alone, a small part of the snapshot's time.
     */
    private static int countCards(CardWalk walk, RevTree tree, CardsRoot root) throws IOException {
        int[] cards = {0};
        walk.<RuntimeException>walk(tree, root, new CardWalk.Visitor<>() {
            @Override
            public void candidate(CardCandidate card) {
                if (card.files().stream().anyMatch(file -> Language.ofPath(file.pathBelowRoot()) == Language.EN)) {
                    cards[0]++;
                }
            }

            @Override
            public void skipped(SkippedFile file) {
            }
        });
        return cards[0];
    }
}
