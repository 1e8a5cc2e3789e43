package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of the card index behind its alias ({@code cards-v1}, {@code cards-v2}, ...): the
 * template they are made from, the first one, a new one for a reindex, and the move of the alias
 * from one to the next.
 */
public final class CardIndexVersions {

    private static final Logger log = LoggerFactory.getLogger(CardIndexVersions.class);

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public CardIndexVersions(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /**
     * Installs the index template and, when the alias does not exist yet, creates the first index
     * version behind it. Safe to call from several indexers at once.
     */
    public void ensureExists() throws IOException {
        ensureExists(IndexShards.TEMPLATE_DEFAULT);
    }

    /**
     * Like {@link #ensureExists()}, with the first index version split into {@code shards}; an
     * existing index keeps its own.
     */
    public void ensureExists(IndexShards shards) throws IOException {
        try (InputStream template = CardDocument.indexTemplateJson()) {
            client.indices().putIndexTemplate(t -> t.withJson(template)
                    .name(names.templateName()).indexPatterns(names.indexPattern()));
        }
        if (client.indices().existsAlias(a -> a.name(names.alias())).value()) {
            addNewFields();
            new EarlierCards(client, names).addDerivedFields();
            return;
        }
        String index = names.versionedIndex(1);
        try {
            client.indices().create(c -> c.index(index).aliases(names.alias(), a -> a.isWriteIndex(true))
                    .settings(s -> s.numberOfShards(String.valueOf(shards.primaries()))
                            .numberOfReplicas(String.valueOf(shards.replicas()))));
            log.info("created index {} behind alias {}", index, names.alias());
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /**
     * Gives the index behind the alias the template's fields it lacks: an index made by an earlier
     * release learns the fields added since (a repository's {@code kind} and {@code skipped_files})
     * without a reindex. Elasticsearch only ever adds fields this way; a changed field would need
     * a reindex, and is refused here.
     */
    private void addNewFields() throws IOException {
        JsonNode mappings;
        try (InputStream template = CardDocument.indexTemplateJson()) {
            mappings = new ObjectMapper().readTree(template).path("template").path("mappings");
        }
        byte[] json = new ObjectMapper().writeValueAsBytes(mappings);
        client.indices().putMapping(m -> m.index(names.alias()).withJson(new ByteArrayInputStream(json)));
    }

    /** The index version the alias points at. */
    public String current() throws IOException {
        return client.indices().getAlias(a -> a.name(names.alias())).result().keySet().stream()
                .max(Comparator.comparingInt(names::versionOf))
                .orElseThrow(() -> new IOException("alias " + names.alias() + " points at no index"));
    }

    /**
     * Creates an empty index version from the template, not behind the alias yet, split like the
     * version the alias points at: shards chosen at set-up survive a reindex.
     */
    public void create(String index) throws IOException {
        IndexShards shards = shardsOf(current());
        client.indices().create(c -> c.index(index).settings(s -> s
                .numberOfShards(String.valueOf(shards.primaries()))
                .numberOfReplicas(String.valueOf(shards.replicas()))));
    }

    /** How an existing index is split. */
    public IndexShards shardsOf(String index) throws IOException {
        IndexSettings settings = client.indices().getSettings(g -> g.index(index)).get(index).settings();
        // Elasticsearch nests the settings under "index"; a flat answer holds them at the top.
        IndexSettings values = settings.index() != null ? settings.index() : settings;
        return new IndexShards(Integer.parseInt(values.numberOfShards()), Integer.parseInt(values.numberOfReplicas()));
    }

    /** Points the alias at {@code to} instead of {@code from}, in one step: searches never see neither. */
    public void moveAlias(String from, String to) throws IOException {
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(names.alias())))
                .actions(a -> a.add(add -> add.index(to).alias(names.alias()).isWriteIndex(true))));
        client.indices().refresh(r -> r.index(to));
    }
}
