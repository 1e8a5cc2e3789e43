package io.cardex.ingest.git;

import io.cardex.card.CardId;
import io.cardex.card.CardPaths;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Every file below the cards root of a tree in one walk, handed on as it goes: the candidate
 * cards (a card's files sit in one folder) as soon as the walk has left their folder, the files
 * no card can be by their path at once. It holds the candidates of the folders it is in, never
 * the whole tree's, so a snapshot's memory does not grow with the repository (only with the
 * largest folder). No blob is read: judging contents is the reader's part.
 */
public final class CardWalk {

    /**
     * What the walk finds, in the order it finds it.
     *
     * @param <E> what handing on a candidate may fail with besides reading
     */
    public interface Visitor<E extends Exception> {
        void candidate(CardCandidate card) throws IOException, E;

        /** A file no card can be by its path, named from the repository root, with the reason. */
        void skipped(SkippedFile file);
    }

    private final Repository repository;

    public CardWalk(Repository repository) {
        this.repository = repository;
    }

    public <E extends Exception> void walk(RevTree tree, CardsRoot root, Visitor<E> visitor) throws IOException, E {
        Deque<OpenFolder> open = new ArrayDeque<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = TreeCards.filesBelow(reader, tree, root)) {
            while (walk.next()) {
                String below = root.below(walk.getPathString()).orElse(null);
                if (below == null) {
                    continue;
                }
                String folder = below.contains("/") ? below.substring(0, below.lastIndexOf('/')) : "";
                // Depth first: once a path outside a folder comes, nothing more of that folder will.
                while (!open.isEmpty() && !open.peek().holds(folder)) {
                    open.pop().handOn(visitor);
                }
                Optional<SkipReason> reason = CardPaths.reasonByPath(below);
                if (reason.isPresent()) {
                    visitor.skipped(new SkippedFile(walk.getPathString(), reason.get()));
                    continue;
                }
                if (open.isEmpty() || !open.peek().path.equals(folder)) {
                    open.push(new OpenFolder(folder));
                }
                CardId id = CardId.fromPath(below).orElseThrow();
                open.peek().cards.computeIfAbsent(id, card -> new ArrayList<>())
                        .add(new CardCandidate.File(below, walk.getObjectId(0), TreeDiff.isFile(walk.getFileMode(0))));
            }
            while (!open.isEmpty()) {
                open.pop().handOn(visitor);
            }
        }
    }

    /** A folder the walk is in or below, with its candidate cards so far. */
    private static final class OpenFolder {
        private final String path;
        private final Map<CardId, List<CardCandidate.File>> cards = new LinkedHashMap<>();

        OpenFolder(String path) {
            this.path = path;
        }

        /** Whether {@code folder} is this folder or below it. */
        boolean holds(String folder) {
            return path.isEmpty() || folder.equals(path) || folder.startsWith(path + "/");
        }

        <E extends Exception> void handOn(Visitor<E> visitor) throws IOException, E {
            for (Map.Entry<CardId, List<CardCandidate.File>> card : cards.entrySet()) {
                visitor.candidate(new CardCandidate(card.getKey(), card.getValue()));
            }
        }
    }
}
