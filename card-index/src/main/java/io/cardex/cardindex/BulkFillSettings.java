package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of an index version while it is filled in bulk, and back: no periodic refresh and
 * no replica while a new index takes thousands of cards at once (each refresh writes a segment,
 * each replica writes every card again), then its live ones, which a search needs, and one refresh
 * to show what was written. The live number of replicas is kept in the index's mapping
 * {@code _meta} meanwhile, so that a process killed during the fill leaves what to restore.
 */
public final class BulkFillSettings {

    private static final Logger log = LoggerFactory.getLogger(BulkFillSettings.class);
    static final String NO_REFRESH = "-1";
    static final String LIVE_REPLICAS = "cardex_live_replicas";

    private final ElasticsearchClient client;

    public BulkFillSettings(ElasticsearchClient client) {
        this.client = client;
    }

    /** Turns refresh and replicas off, remembering the replicas to restore. */
    public void relax(String index) throws IOException {
        if (isRelaxed(index)) {
            return;
        }
        int liveReplicas = Integer.parseInt(settingsOf(index).numberOfReplicas());
        client.indices().putMapping(m -> m.index(index).meta(LIVE_REPLICAS, JsonData.of(liveReplicas)));
        client.indices().putSettings(p -> p.index(index).settings(s -> s
                .refreshInterval(t -> t.time(NO_REFRESH)).numberOfReplicas("0")));
        log.info("index {} is being filled in bulk: refresh off and no replica until it is complete", index);
    }

    /** Whether the index has refresh off, as {@link #relax} leaves it. */
    public boolean isRelaxed(String index) throws IOException {
        IndexSettings settings = settingsOf(index);
        return settings.refreshInterval() != null && NO_REFRESH.equals(settings.refreshInterval().time());
    }

    /**
     * Gives a relaxed index its live settings back, the refresh interval of the index template (it
     * sets none: Elasticsearch's own, 1 s) and the replicas it had before, and refreshes it once.
     */
    public void restore(String index) throws IOException {
        Map<String, JsonData> meta = client.indices().getMapping(g -> g.index(index)).get(index).mappings().meta();
        JsonData remembered = meta == null ? null : meta.get(LIVE_REPLICAS);
        int replicas = remembered == null ? Integer.parseInt(settingsOf(index).numberOfReplicas())
                : remembered.to(Integer.class);
        // The typed client cannot send a setting as null, which is how Elasticsearch is told to
        // forget its own value for one and use the default again.
        Request request = new Request("PUT", "/" + index + "/_settings");
        request.setJsonEntity("{\"index\": {\"refresh_interval\": null, \"number_of_replicas\": " + replicas + "}}");
        restClient().performRequest(request);
        client.indices().refresh(r -> r.index(index));
        log.info("index {} is live: refreshed every second, {} replica(s)", index, replicas);
    }

    private IndexSettings settingsOf(String index) throws IOException {
        IndexSettings settings = client.indices().getSettings(g -> g.index(index)).get(index).settings();
        // Elasticsearch nests the settings under "index"; a flat answer holds them at the top.
        return settings.index() != null ? settings.index() : settings;
    }

    private RestClient restClient() {
        // cardex talks to Elasticsearch through ElasticsearchConnection, always over a RestClient.
        return ((RestClientTransport) client._transport()).restClient();
    }
}
