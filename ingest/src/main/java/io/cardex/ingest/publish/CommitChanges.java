package io.cardex.ingest.publish;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What every change event of one pass shares: the repository, branch and commit it publishes.
 * Read once from the commit, so that the threads making events never touch JGit's objects.
 */
public record CommitChanges(String repository, String branch, String commit, Instant commitTime, String author) {

    public static CommitChanges of(String repository, String branch, RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new CommitChanges(repository, branch, commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                author.getName() + " <" + author.getEmailAddress() + ">");
    }

    /** The upsert of a card parsed from its files (English first) at this commit. */
    public CardChange.Upsert upsert(CardId card, Operation operation, List<CardFile> files, Card parsed) {
        return new CardChange.Upsert(new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), repository, branch,
                commit, commitTime, author, card, operation,
                files.stream().map(file -> new ChangeEvent.SourceFile(file.path(), file.language())).toList(), parsed));
    }
}
