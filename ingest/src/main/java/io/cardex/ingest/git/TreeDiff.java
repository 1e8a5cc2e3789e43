package io.cardex.ingest.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * The card files that differ between two trees, whatever history lies between them: a
 * force-push or rewritten history is just another pair of trees. Renames are detected and
 * become a deletion of the old card and an upsert of the new one.
 */
public final class TreeDiff {

    private TreeDiff() {
    }

    /**
     * @param from the tree last published, or {@code null} for a first snapshot
     */
    public static List<CardFileChange> between(Repository repository, RevTree from, RevTree to, CardsRoot root)
            throws IOException {
        List<CardFileChange> changes = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader();
             DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            if (!root.path().isEmpty()) {
                formatter.setPathFilter(PathFilter.create(root.path()));
            }
            AbstractTreeIterator fromTree = from == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, from);
            for (DiffEntry entry : formatter.scan(fromTree, new CanonicalTreeParser(null, reader, to))) {
                switch (entry.getChangeType()) {
                    case ADD, MODIFY, COPY -> upsert(entry, root, changes);
                    case DELETE -> delete(entry, root, changes);
                    case RENAME -> {
                        delete(entry, root, changes);
                        upsert(entry, root, changes);
                    }
                }
            }
        }
        return changes;
    }

    private static void upsert(DiffEntry entry, CardsRoot root, List<CardFileChange> changes) {
        String path = entry.getNewPath();
        root.cardAt(path).ifPresent(id -> changes.add(
                new CardFileChange(CardFileChange.Kind.UPSERT, id, path, entry.getNewId().toObjectId())));
    }

    private static void delete(DiffEntry entry, CardsRoot root, List<CardFileChange> changes) {
        String path = entry.getOldPath();
        root.cardAt(path).ifPresent(id -> changes.add(new CardFileChange(CardFileChange.Kind.DELETE, id, path, null)));
    }
}
