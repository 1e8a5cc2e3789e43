package io.cardex.cardindex;

import java.util.List;
import java.util.Objects;

/**
 * The Elasticsearch privileges a service needs to do its job, checked at its start so that a user
 * lacking one is told at once instead of failing write after write.
 *
 * @param cluster         cluster privileges, such as {@code monitor}
 * @param indices         the index names (patterns allowed) the index privileges are needed on
 * @param indexPrivileges index privileges, such as {@code read}
 */
public record RequiredPrivileges(List<String> cluster, List<String> indices, List<String> indexPrivileges) {

    public RequiredPrivileges {
        cluster = List.copyOf(cluster);
        indices = List.copyOf(indices);
        indexPrivileges = List.copyOf(indexPrivileges);
    }

    /** The privileges needed on the card index: its alias and every version behind it. */
    public static RequiredPrivileges onCardIndex(CardIndexNames names, List<String> cluster, List<String> indexPrivileges) {
        Objects.requireNonNull(names, "names");
        return new RequiredPrivileges(cluster, List.of(names.alias(), names.indexPattern()), indexPrivileges);
    }
}
