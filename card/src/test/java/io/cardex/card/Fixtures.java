package io.cardex.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the card files kept under src/test/resources/cards. */
final class Fixtures {

    private Fixtures() {
    }

    static String card(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/cards/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture cards/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Card parse(String name) {
        return new CardParser().parse(new CardId("mindspore/1.9/" + name.replace(".md", "")), card(name));
    }
}
