package io.cardex.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * One connection to Elasticsearch, speaking the cardex JSON dialect so that documents are
 * written and read with the same names as everywhere else.
 */
public final class ElasticsearchConnection implements AutoCloseable {

    private final RestClientTransport transport;
    private final ElasticsearchClient client;

    public ElasticsearchConnection(URI url) {
        RestClient restClient = RestClient.builder(HttpHost.create(url.toString())).build();
        this.transport = new RestClientTransport(restClient, new JacksonJsonpMapper(CardexJson.newMapper()));
        this.client = new ElasticsearchClient(transport);
    }

    public ElasticsearchClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Elasticsearch connection", e);
        }
    }
}
