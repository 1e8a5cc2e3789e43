package io.cardex.ingest;

import io.cardex.card.Card;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardFileChange;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.CardsRoot;
import io.cardex.ingest.git.TreeDiff;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.publish.PublishException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of ingest: diff the tree last published against the branch head, publish a change
 * per card file that differs, and move the cursor only once Kafka has acknowledged them all. A
 * crash in between publishes the same changes again, never skips one.
 */
public final class Ingestor {

    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final IngestConfig config;
    private final CardRepository repository;
    private final ChangePublisher publisher;
    private final CursorStore cursors;
    private final CardParser parser = new CardParser();

    public Ingestor(IngestConfig config, CardRepository repository, ChangePublisher publisher, CursorStore cursors) {
        this.config = config;
        this.repository = repository;
        this.publisher = publisher;
        this.cursors = cursors;
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
        if (last.isPresent() && last.get().equals(to.name())) {
            return IngestPass.upToDate(last);
        }
        RevTree from = lastPublishedTree(last);
        List<CardFileChange> changes = TreeDiff.between(repository.repository(), from, to.getTree(), cardsRoot(to));
        int upserts = 0;
        for (CardFileChange change : changes) {
            publisher.send(toCardChange(change, to));
            upserts += change.kind() == CardFileChange.Kind.UPSERT ? 1 : 0;
        }
        publisher.awaitAcknowledged();
        cursors.markPublished(name, branch, to.name());
        IngestPass pass = new IngestPass(from == null ? Optional.empty() : last, Optional.of(to.name()),
                upserts, changes.size() - upserts);
        log.info("published {} changes of {}@{} up to {} ({} upserts, {} deletions)", pass.changes(), name, branch,
                to.abbreviate(10).name(), pass.upserts(), pass.deletions());
        return pass;
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

    private CardChange toCardChange(CardFileChange change, RevCommit commit) throws IOException {
        CardKey key = new CardKey(config.repositoryName(), change.cardId());
        if (change.kind() == CardFileChange.Kind.DELETE) {
            return new CardChange.Deletion(key);
        }
        String text = new String(repository.read(change.blob()), StandardCharsets.UTF_8);
        Card card = parser.parse(change.cardId(), text);
        PersonIdent author = commit.getAuthorIdent();
        return new CardChange.Upsert(new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(),
                config.repositoryName(), repository.branch(), commit.name(),
                Instant.ofEpochSecond(commit.getCommitTime()), author.getName() + " <" + author.getEmailAddress() + ">",
                change.path(), change.cardId(), text, card));
    }
}
