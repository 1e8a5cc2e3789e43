package io.cardex.ingest.git;

import io.cardex.card.CardPaths;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The cards and skipped files of whole trees, sorted by {@link CardPaths} as {@code cardex
 * validate} sorts a folder. Whether a blob is binary is remembered by its id: a blob never
 * changes, so a pass reads only the Markdown blobs it has not seen.
 */
public final class TreeCards {

    /** Far more Markdown blobs than a hub's history holds; past it the oldest are forgotten. */
    private static final int REMEMBERED_BLOBS = 200_000;

    private final Repository repository;
    private final Map<ObjectId, Optional<SkipReason>> probed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Optional<SkipReason>> eldest) {
            return size() > REMEMBERED_BLOBS;
        }
    };

    public TreeCards(Repository repository) {
        this.repository = repository;
    }

    /**
     * A recursive walk of the files of a tree, limited to the cards root when it is not the
     * repository's: the one way ingest walks a tree for its cards.
     */
    static TreeWalk filesBelow(ObjectReader reader, RevTree tree, CardsRoot root) throws IOException {
        TreeWalk walk = new TreeWalk(reader);
        walk.addTree(tree);
        walk.setRecursive(true);
        if (!root.path().isEmpty()) {
            walk.setFilter(PathFilter.create(root.path()));
        }
        return walk;
    }

    /**
     * Sorts every file below the root of a tree. Cards are named by their paths below the root;
     * skipped files by their paths from the repository root, as a user finds them.
     */
    public CardPaths.Sorted sort(RevTree tree, CardsRoot root) throws IOException {
        Map<String, ObjectId> blobs = new HashMap<>();
        Map<String, Optional<SkipReason>> notFiles = new HashMap<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = filesBelow(reader, tree, root)) {
            while (walk.next()) {
                String below = root.below(walk.getPathString()).orElse(null);
                if (below == null) {
                    continue;
                }
                if (TreeDiff.isFile(walk.getFileMode(0))) {
                    blobs.put(below, walk.getObjectId(0));
                } else {
                    // A symbolic link or a submodule: nothing cardex can read as a card.
                    notFiles.put(below, Optional.of(SkipReason.UNREADABLE));
                }
            }
            List<String> paths = new ArrayList<>(blobs.keySet());
            paths.addAll(notFiles.keySet());
            CardPaths.Sorted sorted = CardPaths.sort(paths, path -> notFiles.containsKey(path)
                    ? notFiles.get(path) : probed.computeIfAbsent(blobs.get(path), blob -> probe(reader, blob)));
            return new CardPaths.Sorted(sorted.cards(), sorted.skipped().stream()
                    .map(skipped -> new SkippedFile(root.pathOf(skipped.path()), skipped.reason())).toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Optional<SkipReason> probe(ObjectReader reader, ObjectId blob) {
        try (InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
            return CardPaths.probe(in);
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            return Optional.of(SkipReason.UNREADABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
