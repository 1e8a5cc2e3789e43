package io.cardex.ingest.git;

import io.cardex.card.CardId;
import io.cardex.card.CardPaths;
import io.cardex.card.Language;
import java.util.Optional;

/**
 * The folder of a repository that holds the cards ({@code ""} for the repository root). Cards
 * are the files {@code <root>/<user-id>/.../<name>.md}, at any depth, as {@link CardPaths} sorts them.
 */
public record CardsRoot(String path) {

    /** Where MindSpore Hub keeps its cards; used when present and no root is configured. */
    public static final String MINDSPORE_HUB = "mshub_res/assets";

    public CardsRoot {
        path = path.replaceAll("^/+|/+$", "");
    }

    /**
     * The card a repository path may belong to, judged by the path alone, or empty when the path
     * is not below this root or cannot be a card file. Its content and its siblings still decide
     * whether the card is one ({@link TreeCards}).
     */
    public Optional<CardId> cardAt(String repositoryPath) {
        return below(repositoryPath).filter(below -> CardPaths.reasonByPath(below).isEmpty())
                .flatMap(CardId::fromPath);
    }

    /** The path below this root of a repository path, or empty when it is not below it. */
    public Optional<String> below(String repositoryPath) {
        if (path.isEmpty()) {
            return Optional.of(repositoryPath);
        }
        String prefix = path + "/";
        return repositoryPath.startsWith(prefix) ? Optional.of(repositoryPath.substring(prefix.length()))
                : Optional.empty();
    }

    /** The repository path of a card's file in a language. */
    public String pathOf(CardId card, Language language) {
        return pathOf(card.path(language));
    }

    /** The repository path of a path below this root. */
    public String pathOf(String pathBelowRoot) {
        return path.isEmpty() ? pathBelowRoot : path + "/" + pathBelowRoot;
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
