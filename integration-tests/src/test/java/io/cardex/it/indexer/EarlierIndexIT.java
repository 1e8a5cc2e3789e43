package io.cardex.it.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.CardexJson;
import io.cardex.card.Language;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.MetricPercent;
import io.cardex.cardindex.VersionOrder;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An index made by a release before cards could lie at any depth lacks the fields of a repository's
 * document, one made before searches were grouped by model lacks each card's model, one made before
 * sorts by a metric read fractions as percentages lacks each card's metrics in percent; the indexer
 * adds them when it starts, so its records are written, grouped and sorted without a reindex.
 */
class EarlierIndexIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anIndexOfAnEarlierReleaseIsGivenTheRepositoryFieldsInPlace() throws Exception {
        CardIndexNames names = UniqueNames.forTest("earlier-index").index();
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(TestStack.get().elasticsearchUrl())) {
            ObjectNode mappings;
            try (InputStream template = CardDocument.indexTemplateJson()) {
                mappings = (ObjectNode) JSON.readTree(template).path("template").path("mappings");
            }
            ObjectNode properties = (ObjectNode) mappings.path("properties");
            properties.remove(List.of("kind", "skipped_files", "skipped_counts"));
            byte[] earlier = JSON.writeValueAsBytes(mappings);
            elasticsearch.client().indices().create(c -> c.index(names.versionedIndex(1))
                    .aliases(names.alias(), a -> a.isWriteIndex(true))
                    .mappings(m -> m.withJson(new ByteArrayInputStream(earlier))));
            assertThat(fields(elasticsearch, names)).doesNotContain("kind", "skipped_files");

            new CardIndexVersions(elasticsearch.client(), names).ensureExists();

            assertThat(fields(elasticsearch, names)).contains("kind", "skipped_files", "skipped_counts", "card", "key");
            assertThat(elasticsearch.client().indices().getAlias(a -> a.name(names.alias())).result())
                    .as("the same index, no reindex").containsOnlyKeys(names.versionedIndex(1));
        }
    }

    @Test
    void aCardOfAnEarlierReleaseIsGivenItsModelAndMetricsInPercentInPlaceAtTheVersionItHas() throws Exception {
        CardIndexNames names = UniqueNames.forTest("earlier-cards").index();
        CardKey key = CardKey.parse("hub/mindspore/gpu/1.10/resnet50_imagenet2012");
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(TestStack.get().elasticsearchUrl())) {
            ObjectNode mappings;
            try (InputStream template = CardDocument.indexTemplateJson()) {
                mappings = (ObjectNode) JSON.readTree(template).path("template").path("mappings");
            }
            ((ObjectNode) mappings.path("properties")).remove(List.of("model", "version_order", "metric_percents"));
            byte[] earlierMappings = JSON.writeValueAsBytes(mappings);
            elasticsearch.client().indices().create(c -> c.index(names.versionedIndex(1))
                    .aliases(names.alias(), a -> a.isWriteIndex(true))
                    .mappings(m -> m.withJson(new ByteArrayInputStream(earlierMappings))));
            ObjectNode earlierCard = CardexJson.newMapper().valueToTree(CardDocument.of(changeOf(key), Instant.now()));
            earlierCard.remove(List.of("model", "version_order", "metric_percents"));
            byte[] earlierJson = JSON.writeValueAsBytes(earlierCard);
            elasticsearch.client().index(i -> i.index(names.alias()).id(key.toString()).version(7L)
                    .versionType(VersionType.External).withJson(new ByteArrayInputStream(earlierJson)));

            new CardIndexVersions(elasticsearch.client(), names).ensureExists();

            GetResponse<CardDocument> stored = elasticsearch.client().get(g -> g.index(names.alias()).id(key.toString()),
                    CardDocument.class);
            assertThat(stored.source().model()).isEqualTo("hub/mindspore/resnet50_imagenet2012");
            assertThat(stored.source().versionOrder()).isEqualTo(VersionOrder.of("1.10"));
            assertThat(stored.source().metricPercents()).containsExactly(new MetricPercent("acc", 81.0));
            assertThat(stored.version()).as("the change's version, so that its next change still replaces it").isEqualTo(7L);
        }
    }

    private static ChangeEvent changeOf(CardKey key) {
        CardId id = key.cardId();
        String path = id.path(Language.EN);
        String text = "---\nmodel-name: ResNet50\nsummary: ResNet50 classifies images\nevaluation: acc0.81\n---\nBody\n";
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), key.repository(), "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.now(), "Ada <ada@example.com>", id, Operation.UPDATE,
                List.of(new ChangeEvent.SourceFile(path, Language.EN)),
                new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(path, text)), Optional.empty()));
    }

    private static List<String> fields(ElasticsearchConnection elasticsearch, CardIndexNames names)
            throws Exception {
        JsonNode mapping = JSON.readTree(elasticsearch.client().indices().getMapping(g -> g.index(names.alias()))
                .result().get(names.versionedIndex(1)).mappings().toString().replaceFirst("^TypeMapping: ", ""));
        List<String> fields = new ArrayList<>();
        mapping.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
