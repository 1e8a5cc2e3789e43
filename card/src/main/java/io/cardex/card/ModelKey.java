package io.cardex.card;

/**
 * A model across the versions it is published in: the user a card is filed under and the card's
 * name, in one repository. {@code hub/noah-cvlab/gpu/1.8/ghostnet_imagenet2012} and
 * {@code hub/noah-cvlab/1.9/ghostnet_imagenet2012} are two versions of the model
 * {@code hub/noah-cvlab/ghostnet_imagenet2012}: the version and backend folders between user and
 * name tell versions apart, not models. Two repositories' models are never the same model.
 */
public record ModelKey(String repository, String userId, String name) {

    public ModelKey {
        CardKey.requireValidRepositoryName(repository);
        // Both are segments of a card id: checked there, they hold no slash.
        new CardId(userId + "/" + name);
    }

    /** The model a card is a version of. */
    public static ModelKey of(CardKey key) {
        return new ModelKey(key.repository(), key.cardId().userId(), key.cardId().name());
    }

    /** {@code <repository>/<user-id>/<name>}, as the card index stores it and {@code /models/...} takes it. */
    @Override
    public String toString() {
        return repository + "/" + userId + "/" + name;
    }
}
