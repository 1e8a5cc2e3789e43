package io.cardex.ingest.git;

import java.io.IOException;
import io.cardex.card.CardId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The cards whose files differ between two trees, whatever history lies between them: a
 * force-push or rewritten history is just another pair of trees. A card differs when its
 * {@code <name>.md} or its Chinese {@code <name>_cn.md} was added, changed or deleted; a moved
 * card is two cards, the old one gone and the new one added.
 */
public final class TreeDiff {

    private TreeDiff() {
    }

    /**
     * @param from the tree last published, or {@code null} for a first snapshot
     * @return each card once, in the order the diff meets them
     */
    public static List<CardId> changedCards(Repository repository, RevTree from, RevTree to, CardsRoot root)
            throws IOException {
        Set<CardId> cards = new LinkedHashSet<>();
        try (ObjectReader reader = repository.newObjectReader();
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            if (!root.path().isEmpty()) {
                formatter.setPathFilter(PathFilter.create(root.path()));
            }
            AbstractTreeIterator fromTree = from == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, from);
            for (DiffEntry entry : formatter.scan(fromTree, new CanonicalTreeParser(null, reader, to))) {
                String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
                root.cardAt(path).ifPresent(cards::add);
            }
        }
        return List.copyOf(cards);
    }
}
