package io.cardex.api.search;

import io.cardex.card.CardKey;
import io.cardex.card.ModelKey;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cards like a given card: those sharing its words (what it is, what it was trained on, what it
 * says) and those nearest to what it says it is for (kNN on the vectors of their meaning), the two
 * rankings fused by their ranks ({@link RankFusion}), as a hybrid search fuses them. Neither alone
 * will do: the cards' vectors are all rather alike (every card says it is a MindSpore model
 * trained on a dataset), so by vectors alone NAS-FPN's nearest card was D-LinkNet, a road
 * segmenter, before RefineDet, the other detector trained on COCO; the words find RefineDet, and
 * the vectors find cards saying the same in other words. A card without a vector yet is alike by
 * its words alone. The card's own model is left out (its other versions say the same), and each
 * other model comes once, by its card most alike.
 */
public final class SimilarCards {

    static final List<String> FIELDS = List.of(
            "card.title", "card.header.summary", "card.body.markdown", "card.header.train_datasets",
            "card.header.module_type.type", "card.header.module_type.detail", "card.header.backbone_name");

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public SimilarCards(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** The cards most like the one asked for; empty when no card has its key. */
    public Optional<SimilarResult> find(SimilarQuery query) throws IOException {
        // A key without a slash is a repository's own document, no card.
        if (CardKey.isRepositoryKey(query.key())) {
            return Optional.empty();
        }
        // more_like_this finds nothing for an unknown document, which would read as "no similar cards".
        // A get, unlike exists, tells a missing card from a missing index.
        GetResponse<MeaningOnly> card = client.get(g -> g.index(names.alias()).id(query.key()).sourceIncludes("meaning"),
                MeaningOnly.class);
        if (!card.found()) {
            return Optional.empty();
        }
        Query others = otherModels(query);
        List<List<Ranked>> rankings = new ArrayList<>();
        rankings.add(ranked(sharingWords(query), others));
        Optional<CardMeaning> meaning = Optional.ofNullable(card.source()).map(MeaningOnly::meaning);
        if (meaning.isPresent()) {
            rankings.add(ranked(nearest(meaning.get().vector(), others), others));
        }
        return Optional.of(new SimilarResult(query.key(), cards(bestOfEachModel(rankings, query.size()))));
    }

    /** What a get of the card reads: its vector, if it has one yet. */
    private record MeaningOnly(CardMeaning meaning) {
    }

    /** A card of a ranking, with its model. */
    record Ranked(String key, String model) {
    }

    private Query sharingWords(SimilarQuery query) {
        return Query.of(q -> q.moreLikeThis(m -> m
                .fields(FIELDS)
                .like(l -> l.document(d -> d.index(names.alias()).id(query.key())))
                // A hub has a few hundred cards, not millions: a word two cards share is worth
                // looking at, and one said once in a card counts. A word only this card has finds nothing.
                .minTermFreq(1)
                .minDocFreq(2)
                .include(false)));
    }

    /** The cards nearest in meaning among the others, so that the card's own versions take no place of theirs. */
    private static Query nearest(float[] vector, Query others) {
        return MeaningMatch.near(QueryVectors.knnVector(vector), Optional.of(others));
    }

    /** The cards that may be answered: of another model than the card's, and of the status asked for. */
    private static Query otherModels(SimilarQuery query) {
        String ownModel = ModelKey.of(CardKey.parse(query.key())).toString();
        Optional<String> status = query.status().indexedStatus();
        return Query.of(q -> q.bool(b -> {
            b.mustNot(m -> m.term(t -> t.field(ModelFacets.MODEL_FIELD).value(ownModel)));
            status.ifPresent(valid -> b.filter(f -> f.term(t -> t.field("status").value(valid))));
            return b;
        }));
    }

    /** The first cards of a ranking, best first, each with its model. */
    private List<Ranked> ranked(Query alike, Query others) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(names.alias()).source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b.must(CardsOnly.of(alike)).filter(others)))
                .docvalueFields(f -> f.field(ModelFacets.MODEL_FIELD)).size(MeaningMatch.CANDIDATES)
                .trackTotalHits(t -> t.enabled(false)), Void.class);
        return response.hits().hits().stream().map(hit -> new Ranked(hit.id(),
                hit.fields().get(ModelFacets.MODEL_FIELD).to(String[].class)[0])).toList();
    }

    /**
     * The keys of the fused ranking's first cards, one per model (its best), with their fused
     * scores, best first. The words' ranking comes first in the rankings.
     */
    static Map<String, Double> bestOfEachModel(List<List<Ranked>> rankings, int size) {
        Map<String, String> models = new HashMap<>();
        rankings.forEach(ranking -> ranking.forEach(card -> models.put(card.key(), card.model())));
        Map<String, Double> fused = RankFusion.fuse(rankings.stream().map(ranking -> ranking.stream().map(Ranked::key).toList()).toList());
        List<Map.Entry<String, Double>> byScore = new ArrayList<>(fused.entrySet());
        // A stable sort: cards of the same fused score stay in the order met, the words' ranking first.
        byScore.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> best = new LinkedHashMap<>();
        Set<String> modelsShown = new HashSet<>();
        for (Map.Entry<String, Double> card : byScore) {
            if (best.size() < size && modelsShown.add(models.get(card.getKey()))) {
                best.put(card.getKey(), card.getValue());
            }
        }
        return best;
    }

    /** The hits of the cards, in the order of their keys, with their scores. */
    private List<CardHit> cards(Map<String, Double> best) throws IOException {
        if (best.isEmpty()) {
            return List.of();
        }
        List<String> keys = List.copyOf(best.keySet());
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).source(ServedFields.CARD_FOUND)
                .query(q -> q.ids(i -> i.values(keys))).size(keys.size()), CardDocument.class);
        Map<String, CardDocument> found = new HashMap<>();
        response.hits().hits().forEach(hit -> found.put(hit.id(), hit.source()));
        // A card deleted between the requests is left out.
        return keys.stream().filter(found::containsKey).map(key -> new CardHit(best.get(key), null, found.get(key))).toList();
    }
}
