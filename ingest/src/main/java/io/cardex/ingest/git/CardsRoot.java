package io.cardex.ingest.git;

import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.util.Optional;

/**
 * The folder of a repository that holds the cards ({@code ""} for the repository root). Cards
 * are the files {@code <root>/<user-id>/<version>/<name>.md}.
 */
public record CardsRoot(String path) {

    /** Where MindSpore Hub keeps its cards; used when present and no root is configured. */
    public static final String MINDSPORE_HUB = "mshub_res/assets";

    public CardsRoot {
        path = path.replaceAll("^/+|/+$", "");
    }

    /** The card a repository path holds, or empty when the path is not a card below this root. */
    public Optional<CardId> cardAt(String repositoryPath) {
        if (path.isEmpty()) {
            return CardId.fromPath(repositoryPath);
        }
        String prefix = path + "/";
        return repositoryPath.startsWith(prefix)
                ? CardId.fromPath(repositoryPath.substring(prefix.length()))
                : Optional.empty();
    }

    /** The repository path of a card's file in a language. */
    public String pathOf(CardId card, Language language) {
        return path.isEmpty() ? card.path(language) : path + "/" + card.path(language);
    }

    /**
     * Where the hub keeps the images a card's {@code featured-image} names: {@code images/} beside
     * the cards root ({@code mshub_res/images} for {@code mshub_res/assets}).
     */
    public String imagesFolder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "images" : path.substring(0, slash) + "/images";
    }
}
