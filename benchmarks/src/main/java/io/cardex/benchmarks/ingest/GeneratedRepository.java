package io.cardex.benchmarks.ingest;

import io.cardex.card.CardId;
import java.nio.file.Path;

/**
 * A card repository {@link CardRepositoryGenerator} wrote.
 *
 * @param cards     the distinct cards it holds
 * @param files     their files, {@code .md} and {@code _cn.md}
 * @param head      the commit holding them all (full SHA-1)
 * @param someCard  one of its cards, for a benchmark that edits one
 */
public record GeneratedRepository(Path directory, int cards, int files, String head, CardId someCard) {
}
