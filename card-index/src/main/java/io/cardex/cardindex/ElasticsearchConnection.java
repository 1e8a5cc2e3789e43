package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
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

    private final URI url;
    private final Optional<Path> caCertificate;
    private final RestClientTransport transport;
    private final ElasticsearchClient client;

    /** A connection trusting the JVM's certificate authorities when the URL is {@code https}. */
    public ElasticsearchConnection(URI url) {
        this(url, Optional.empty());
    }

    /**
     * @param caCertificate the PEM file of the CA that signed Elasticsearch's certificate, the only
     *                      CA trusted then; empty to trust the JVM's
     * @throws IllegalArgumentException when the CA file cannot be used, saying why
     */
    public ElasticsearchConnection(URI url, Optional<Path> caCertificate) {
        this.url = url;
        this.caCertificate = caCertificate;
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), url.getPort(), url.getScheme()));
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        UrlCredentials.of(url).ifPresent(credentials -> builder.setDefaultHeaders(
                new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, credentials.basicAuthorization())}));
        Optional<SSLContext> ssl = caCertificate.map(TrustedCa::sslContext);
        builder.setHttpClientConfigCallback(http -> {
            ssl.ifPresent(http::setSSLContext);
            // Credentials go in a default header, and Elasticsearch sets no cookies: the HTTP client's
            // auth cache (which deserialises an auth scheme with Java serialisation for every
            // request) and cookie store would cost each request CPU for nothing.
            return http.disableAuthCaching().disableCookieManagement();
        });
        this.transport = new RestClientTransport(builder.build(), new JacksonJsonpMapper(CardexJson.newMapper()));
        this.client = new ElasticsearchClient(transport);
    }

    public ElasticsearchClient client() {
        return client;
    }

    /**
     * Makes sure this connection's user may do what {@code needed} says, before a service relies on
     * it. Elasticsearch without security (no user in the URL, or security off) needs nothing.
     *
     * @throws ElasticsearchAccessFailure when Elasticsearch's certificate is not trusted, the user or
     *     password is wrong or a privilege is missing: trying again would not help
     * @throws IOException when Elasticsearch cannot be reached (yet): trying again may
     */
    public void requireAccess(RequiredPrivileges needed) throws IOException {
        new AccessCheck(client, url, caCertificate).require(needed);
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
