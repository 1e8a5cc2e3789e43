package io.cardex.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads the card files kept under src/test/resources/cards. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cards/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture cards/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CardFile file(String name) {
        byte[] content = bytes(name);
        return new CardFile("cards/" + name, content, content.length);
    }

    /** The fixture read as the English file of a card. */
    static Card parse(String name) {
        return parse(name, CardRules.DEFAULT);
    }

    static Card parse(String name, CardRules rules) {
        return new CardParser(rules).parse(id(name), Optional.of(file(name)), Optional.empty());
    }

    static CardId id(String name) {
        return new CardId("mindspore/1.9/" + name.replace("_cn.md", "").replace(".md", ""));
    }
}
