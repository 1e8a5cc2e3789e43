package io.cardex.ingest;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardPaths;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.Operation;
import io.cardex.card.event.SkippedFilesEvent;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.CardsRoot;
import io.cardex.ingest.git.ChangedCard;
import io.cardex.ingest.git.TreeCards;
import io.cardex.ingest.git.TreeDiff;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.publish.CommitChanges;
import io.cardex.ingest.publish.PublishException;
import io.cardex.ingest.snapshot.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of ingest: diff the tree last published against the branch head, publish a change
 * per card whose files differ (every card, streamed by {@link Snapshot}, for a first pass), and
 * move the cursor only once Kafka has acknowledged them all. A crash in between publishes the
 * same changes again, never skips one.
 */
public final class Ingestor {

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private final RepositoryConfig config;
    private final CardRepository repository;
    private final ChangePublisher publisher;
    private final CursorStore cursors;
    private final PassProgress progress;
    private final TreeCards treeCards;
    private final Snapshot snapshot;
    private volatile int commitsBehind;

    public Ingestor(RepositoryConfig config, CardRepository repository, ChangePublisher publisher, CursorStore cursors,
                    PassProgress progress) {
        this.config = config;
        this.repository = repository;
        this.publisher = publisher;
        this.cursors = cursors;
        this.progress = progress;
        this.treeCards = new TreeCards(repository.repository());
        this.snapshot = new Snapshot(config.repositoryName(), repository.repository(), publisher, progress);
    }

    /** Commits of the branch not published yet, as of the last fetch. */
    public int commitsBehind() {
        return commitsBehind;
    }

    public IngestPass ingestOnce() throws IOException, GitAPIException, PublishException {
        String name = config.repositoryName();
        String branch = repository.branch();
        Optional<RevCommit> head = repository.refresh();
        if (head.isEmpty()) {
            return IngestPass.upToDate(Optional.empty());
        }
        RevCommit to = head.get();
        Optional<String> last = cursors.lastPublished(name, branch);
        boolean publishedAtAnyDepth = cursors.readsCardsAtAnyDepth(name, branch);
        if (last.isPresent() && last.get().equals(to.name()) && publishedAtAnyDepth) {
            commitsBehind = 0;
            return IngestPass.upToDate(last);
        }
        RevTree from = lastPublishedTree(last);
        commitsBehind = repository.commitsSince(from == null ? Optional.empty() : last.map(ObjectId::fromString), to);
        CardsRoot root = cardsRoot(to);
        // A restart, or a clock stepped backwards, never publishes versions below those published before.
        publisher.versions().neverBelow(cursors.lastVersion(name, branch));
        CardRules rules = repository.fileNames(to.getTree(), root.imagesFolder())
                .map(images -> config.cardRules().withFeaturedImages(images)).orElse(config.cardRules());
        CommitChanges commit = CommitChanges.of(name, branch, to);
        IngestPass pass;
        if (from == null) {
            Snapshot.Sent sent = snapshot.send(to.getTree(), root, rules, commit);
            pass = new IngestPass(Optional.empty(), Optional.of(to.name()), sent.upserts(), 0, sent.skipped());
        } else {
            pass = publishChanges(last, from, to, root, new CardParser(rules), commit, publishedAtAnyDepth);
        }
        publishSkipped(pass.skipped().orElseThrow(), to);
        publisher.awaitAcknowledged();
        repository.keepPublished(to);
        cursors.markPublished(name, branch, to.name(), publisher.versions().last());
        commitsBehind = 0;
        log.info("published {} changes of {}@{} up to {} ({} upserts, {} deletions)", pass.changes(), name, branch,
                to.abbreviate(10).name(), pass.upserts(), pass.deletions());
        return pass;
    }

    /** Sends a change per card whose files differ between the tree published last and the head's. */
    private IngestPass publishChanges(Optional<String> last, RevTree from, RevCommit to, CardsRoot root,
                                      CardParser parser, CommitChanges commit, boolean publishedAtAnyDepth)
            throws IOException {
        CardPaths.Sorted sorted = treeCards.sort(to.getTree(), root);
        List<ChangedCard> changed = TreeDiff.changedCards(repository.repository(), from, to.getTree(), root);
        if (!publishedAtAnyDepth) {
            changed = withEveryCard(changed, sorted);
            log.info("{}@{}: the cursor was written by a release that read only <user-id>/<version>/<name>.md; "
                    + "publishing every card of {} once, so that cards at every depth are indexed",
                    config.repositoryName(), repository.branch(), to.abbreviate(10).name());
        }
        int upserts = publish(changed, sorted, parser, root, from, to, commit);
        return new IngestPass(last, Optional.of(to.name()), upserts, changed.size() - upserts, sorted.skipped());
    }

    /** Sends a change per card, saying how far it got every few seconds: a diff of many commits can be large. */
    private int publish(List<ChangedCard> changed, CardPaths.Sorted head, CardParser parser, CardsRoot root,
                        RevTree from, RevCommit to, CommitChanges commit) throws IOException {
        progress.started(changed.size());
        long nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        int upserts = 0;
        for (ChangedCard card : changed) {
            CardChange change = toCardChange(card, head.filesOf(card.id()).keySet(), parser, root, from, to, commit);
            publisher.send(change);
            progress.sentOne();
            upserts += change instanceof CardChange.Upsert ? 1 : 0;
            if (System.nanoTime() > nextReport) {
                log.info("{}: sent {} of {} changes", config.repositoryName(), progress.sent(), changed.size());
                nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
            }
        }
        return upserts;
    }

    /** The changes, and every card of the tree besides, each once: what the cards' diff missed. */
    private static List<ChangedCard> withEveryCard(List<ChangedCard> changed, CardPaths.Sorted sorted) {
        Map<CardId, ChangedCard> all = new LinkedHashMap<>();
        changed.forEach(card -> all.put(card.id(), card));
        sorted.cards().keySet().forEach(id -> all.putIfAbsent(id, ChangedCard.of(id)));
        return List.copyOf(all.values());
    }

    private RevTree lastPublishedTree(Optional<String> last) throws IOException {
        if (last.isEmpty()) {
            return null;
        }
        ObjectId commit = ObjectId.fromString(last.get());
        if (!repository.contains(commit)) {
            log.warn("commit {} published last is no longer in {}; publishing every card again", last.get(),
                    config.repositoryName());
            return null;
        }
        return repository.commit(commit).getTree();
    }

    private CardsRoot cardsRoot(RevCommit head) throws IOException {
        if (config.cardsRoot().isPresent()) {
            return new CardsRoot(config.cardsRoot().get());
        }
        return new CardsRoot(repository.hasDirectory(head, CardsRoot.MINDSPORE_HUB) ? CardsRoot.MINDSPORE_HUB : "");
    }

    /**
     * Names every skipped file in the log, once per commit, and publishes them all in the
     * repository's own record: compaction keeps the latest, which is the whole list of the head.
     */
    private void publishSkipped(List<SkippedFile> skipped, RevCommit commit) {
        for (SkippedFile file : skipped) {
            log.info("{}@{}: skipped {}: {}", config.repositoryName(), commit.abbreviate(10).name(), file.path(),
                    file.reason().code());
        }
        publisher.send(new CardTopicRecord.SkippedFiles(SkippedFilesEvent.of(config.repositoryName(), repository.branch(),
                commit.name(), Instant.ofEpochSecond(commit.getCommitTime()), skipped)));
    }

    /**
     * @param languages the card's files in the new tree, as {@link TreeCards} sorted it; none when
     *                  it is no card there (gone, only a Chinese version left, binary)
     * @param before    the tree published before
     */
    private CardChange toCardChange(ChangedCard changed, Set<Language> languages, CardParser parser, CardsRoot root,
                                    RevTree before, RevCommit to, CommitChanges commit) throws IOException {
        CardId card = changed.id();
        CardKey key = new CardKey(config.repositoryName(), card);
        if (languages.isEmpty()) {
            return new CardChange.Deletion(key);
        }
        List<CardFile> files = repository.cardFiles(to.getTree(), root, changed, languages,
                config.cardRules().maxFileBytes());
        if (files.isEmpty()) {
            return new CardChange.Deletion(key);
        }
        Card parsed = parser.parse(card, fileIn(files, Language.EN), fileIn(files, Language.ZH));
        return commit.upsert(card, repository.hasCard(before, root, card) ? Operation.UPDATE : Operation.CREATE, files,
                parsed);
    }

    private static Optional<CardFile> fileIn(List<CardFile> files, Language language) {
        return files.stream().filter(file -> file.language() == language).findFirst();
    }
}
