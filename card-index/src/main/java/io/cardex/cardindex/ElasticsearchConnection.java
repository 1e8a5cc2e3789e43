package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * One connection to Elasticsearch, speaking the cardex JSON dialect so that documents are
 * written and read with the same names as everywhere else. Credentials in the URL's user-info
 * ({@code http://cardex:secret@elasticsearch:9200}) are sent as basic authentication with every
 * request; the client itself only ever sees the URL without them, so its logs cannot show them.
 */
public final class ElasticsearchConnection implements AutoCloseable {

    private final RestClientTransport transport;
    private final ElasticsearchClient client;

    public ElasticsearchConnection(URI url) {
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), url.getPort(), url.getScheme()));
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        UrlCredentials.of(url).ifPresent(credentials -> builder.setDefaultHeaders(
                new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, credentials.basicAuthorization())}));
        this.transport = new RestClientTransport(builder.build(), new JacksonJsonpMapper(CardexJson.newMapper()));
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
