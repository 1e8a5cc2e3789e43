package io.cardex.cardindex;

import io.cardex.card.Card;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.cardex.card.CardHeader;
import io.cardex.card.CardKey;
import io.cardex.card.ModelKey;
import io.cardex.card.event.ChangeEvent;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A card as stored in the card index; its document id is the card key. The mapping of every
 * field is in {@code card-index-template.json} beside this class.
 *
 * @param userId  the user-id segment of the card id ({@code mindspore} of {@code mindspore/1.9/refinenet_voc2012}),
 *                  kept on its own so that searches can filter and count by it
 * @param backend the backend folder of the card id ({@code gpu} of {@code noah-cvlab/gpu/1.8/ghostnet_imagenet2012}),
 *                  the hub's older layout; {@code null} for a card filed without one. Kept on its own
 *                  so that searches can filter and count by it
 * @param model   the model the card is a version of, {@code <repository>/<user-id>/<name>} ({@link ModelKey}):
 *                  searches answer one hit per model by it
 * @param versionOrder the card's version ({@link #version()}) as {@link VersionOrder} writes it, so that a
 *                  model's newest version sorts first; null without a version
 * @param indexedAt when the indexer wrote this version: the time field of the index in Kibana
 * @param otherText the keys and values of header fields cardex does not know, as words to search
 *                  ({@code card.header.other_fields} keeps them whole, for exact filters)
 * @param identifierWords the words inside the card's identifiers (id, names, datasets, module type),
 *                  so that {@code road extraction} finds {@code DeepGlobeRoadExtractionDataset}
 * @param metricPercents the metrics of the card's evaluation with shares in percent ({@link MetricPercent}),
 *                  so that a sort by a metric puts {@code acc0.81} above {@code acc80}
 * @param assetChecks what downloading each asset of the card showed, in the order of its assets;
 *                  {@code pending} until checked, {@code unchecked} when the indexer does not verify assets
 * @param meaning   the vector of what the card says it is for, written a few seconds after the card
 *                  by the indexer's {@code meaning} stage; null until then
 */
public record CardDocument(
        String key,
        String repository,
        String cardId,
        String userId,
        String backend,
        String model,
        String versionOrder,
        CardStatus status,
        CardSource source,
        Instant indexedAt,
        String otherText,
        String identifierWords,
        // Searched by, never served: an API leaves it out of the cards it serves.
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MetricPercent> metricPercents,
        List<AssetCheck> assetChecks,
        Card card,
        CardMeaning meaning) {

    public CardDocument {
        metricPercents = metricPercents == null ? List.of() : List.copyOf(metricPercents);
        assetChecks = List.copyOf(assetChecks);
    }

    /** The index template (settings and mappings) of the card index, as JSON. */
    public static InputStream indexTemplateJson() {
        return CardDocument.class.getResourceAsStream("card-index-template.json");
    }

    /** The card with every asset {@code pending}, to be checked. */
    public static CardDocument of(ChangeEvent event, Instant indexedAt) {
        Card card = event.card();
        return new CardDocument(
                event.key().toString(),
                event.repository(),
                event.cardId().value(),
                event.cardId().userId(),
                event.cardId().backend().orElse(null),
                ModelKey.of(event.key()).toString(),
                version(card).map(VersionOrder::of).orElse(null),
                card.isValid() ? CardStatus.VALID : CardStatus.INVALID,
                new CardSource(event.repository(), event.branch(), event.commit(), event.commitTime(),
                        event.commitAuthor(),
                        event.files().stream().map(ChangeEvent.SourceFile::path).toList()),
                indexedAt,
                card.header() == null ? null : wordsOf(card.header().otherFields()),
                IdentifierWords.of(identifiers(card)),
                metricPercents(card),
                card.header() == null ? List.of() : card.header().assets().stream()
                        .map(asset -> AssetCheck.pending(asset.link(), asset.sha256())).toList(),
                card, null);
    }

    /**
     * The same document with the backend, model, version order and metrics in percent its key and
     * card give: for a card an earlier release wrote.
     */
    public CardDocument withModel() {
        CardKey parsedKey = CardKey.parse(key);
        return new CardDocument(key, repository, cardId, userId, parsedKey.cardId().backend().orElse(null),
                ModelKey.of(parsedKey).toString(),
                version(card).map(VersionOrder::of).orElse(null), status, source, indexedAt, otherText, identifierWords,
                metricPercents(card), assetChecks, card, meaning);
    }

    /** The same document with every asset {@code unchecked}: for an indexer that does not verify assets. */
    public CardDocument withAssetsUnchecked() {
        return withAssetChecks(assetChecks.stream().map(check -> AssetCheck.unchecked(check.url(), check.expectedSha256()))
                .toList());
    }

    /** The same document with what checking its assets showed. */
    public CardDocument withAssetChecks(List<AssetCheck> checks) {
        return new CardDocument(key, repository, cardId, userId, backend, model, versionOrder, status, source, indexedAt, otherText, identifierWords,
                metricPercents, checks, card, meaning);
    }

    /** The same document with the vector of its meaning. */
    public CardDocument withMeaning(CardMeaning meaning) {
        return new CardDocument(key, repository, cardId, userId, backend, model, versionOrder, status, source, indexedAt,
                otherText, identifierWords, metricPercents, assetChecks, card, meaning);
    }

    /** The version of the model this card is: the folder before its name ({@code 1.9}), else its MindSpore version. */
    @JsonIgnore
    public Optional<String> version() {
        return version(card);
    }

    private static Optional<String> version(Card card) {
        return card.id().version().or(() -> Optional.ofNullable(card.header()).map(CardHeader::mindsporeVersion));
    }

    private static List<MetricPercent> metricPercents(Card card) {
        return card.header() == null || card.header().evaluation() == null ? List.of()
                : card.header().evaluation().metrics().stream().map(MetricPercent::of).toList();
    }

    private static List<String> identifiers(Card card) {
        List<String> identifiers = new ArrayList<>(List.of(card.id().value()));
        CardHeader header = card.header();
        if (header != null) {
            identifiers.add(header.modelName());
            identifiers.add(header.backboneName());
            identifiers.addAll(header.trainDatasets());
            if (header.moduleType() != null) {
                identifiers.add(header.moduleType().type());
                identifiers.add(header.moduleType().detail());
            }
        }
        return identifiers;
    }

    private static String wordsOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(entry -> entry.getKey() + " " + wordsOf(entry.getValue()))
                    .collect(Collectors.joining("\n"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CardDocument::wordsOf).collect(Collectors.joining("\n"));
        }
        return String.valueOf(value);
    }
}
