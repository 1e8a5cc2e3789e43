package io.cardex.cardindex;

import java.time.Instant;
import java.util.List;

/**
 * Where an indexed card was read from.
 *
 * @param paths the card's files from the repository root: {@code <name>.md}, {@code <name>_cn.md} or both
 */
public record CardSource(
        String repository, String branch, String commit, Instant commitTime, String commitAuthor, List<String> paths) {

    public CardSource {
        paths = List.copyOf(paths);
    }
}
