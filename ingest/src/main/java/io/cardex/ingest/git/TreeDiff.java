package io.cardex.ingest.git;

import java.io.IOException;
import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
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
     * @return each card once, in the order the diff meets them, with what the diff saw of its files
     */
    public static List<ChangedCard> changedCards(Repository repository, RevTree from, RevTree to, CardsRoot root)
            throws IOException {
        Map<CardId, ChangedCard> cards = new LinkedHashMap<>();
        try (ObjectReader reader = repository.newObjectReader();
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            if (!root.path().isEmpty()) {
                formatter.setPathFilter(PathFilter.create(root.path()));
            }
            AbstractTreeIterator fromTree = from == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, from);
            for (DiffEntry entry : formatter.scan(fromTree, new CanonicalTreeParser(null, reader, to))) {
                boolean gone = entry.getChangeType() == DiffEntry.ChangeType.DELETE || !isFile(entry.getNewMode());
                String path = gone ? entry.getOldPath() : entry.getNewPath();
                Optional<ObjectId> blob = gone ? Optional.empty() : Optional.of(entry.getNewId().toObjectId());
                root.cardAt(path).ifPresent(id -> cards.merge(id, ChangedCard.of(id).seeing(Language.ofPath(path), blob),
                        (seen, more) -> seen.seeing(Language.ofPath(path), blob)));
            }
        }
        return List.copyOf(cards.values());
    }

    static boolean isFile(FileMode mode) {
        return mode.equals(FileMode.REGULAR_FILE) || mode.equals(FileMode.EXECUTABLE_FILE);
    }
}
