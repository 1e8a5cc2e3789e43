package io.cardex.embedding;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The fixture cards of these tests, real cards of the relevance corpus. */
final class Cards {

    private Cards() {
    }

    /** The card of {@code mindspore/<version>/<name>}, read from the file {@code <name>.md} beside this class. */
    static Card read(String version, String name) {
        CardId id = new CardId("mindspore/" + version + "/" + name);
        try (InputStream in = Cards.class.getResourceAsStream(name + ".md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(id.path(Language.EN), text)),
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
