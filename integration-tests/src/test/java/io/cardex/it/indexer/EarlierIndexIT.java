package io.cardex.it.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index made by a release before cards could lie at any depth lacks the fields of a repository's
 * document; the indexer adds them when it starts, so its records are written without a reindex.
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

    private static List<String> fields(ElasticsearchConnection elasticsearch, CardIndexNames names)
            throws Exception {
        JsonNode mapping = JSON.readTree(elasticsearch.client().indices().getMapping(g -> g.index(names.alias()))
                .result().get(names.versionedIndex(1)).mappings().toString().replaceFirst("^TypeMapping: ", ""));
        List<String> fields = new ArrayList<>();
        mapping.path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
