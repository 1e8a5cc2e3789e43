package io.cardex.card.memory;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Parses one card file and prints how many problems it has: run in a JVM of its own with a small
 * heap by {@link BoundedMemoryTest}, it dies of {@link OutOfMemoryError} where the parser keeps
 * too much per node.
 */
public final class ParseInSmallHeap {

    private ParseInSmallHeap() {
    }

    public static void main(String[] arguments) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(arguments[0]));
        Card card = new CardParser(CardRules.DEFAULT).parse(new CardId("someone/1.0/big"),
                Optional.of(new CardFile("someone/1.0/big.md", bytes, bytes.length)), Optional.empty());
        System.out.println("problems=" + card.problems().size());
    }
}
