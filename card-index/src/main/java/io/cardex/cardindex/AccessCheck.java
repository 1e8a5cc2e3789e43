package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.security.HasPrivilegesResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Asks Elasticsearch who the connection's user is and whether it holds the privileges a service
 * needs, and turns each refusal into one line saying what to do.
 */
final class AccessCheck {

    private final ElasticsearchClient client;
    private final URI url;
    private final Optional<Path> caCertificate;

    AccessCheck(ElasticsearchClient client, URI url, Optional<Path> caCertificate) {
        this.client = client;
        this.url = url;
        this.caCertificate = caCertificate;
    }

    void require(RequiredPrivileges needed) throws IOException {
        Optional<UrlCredentials> credentials = UrlCredentials.of(url);
        if (credentials.isEmpty()) {
            return;
        }
        String user = credentials.get().username();
        try {
            client.security().authenticate();
        } catch (ElasticsearchException e) {
            if (e.status() == 401) {
                throw new ElasticsearchAccessFailure("Elasticsearch at " + UrlCredentials.redact(url)
                        + " refuses user " + user + ": wrong user name or password; give the password of " + user
                        + " in the URL (CARDEX_ELASTICSEARCH_URL)");
            }
            // Security is off (the demo's open node): there is no user to check.
            return;
        } catch (IOException e) {
            throw untrustedCertificate(e).orElseThrow(() -> e);
        }
        HasPrivilegesResponse held = client.security().hasPrivileges(request -> request
                .cluster(needed.cluster())
                .index(index -> index.names(needed.indices()).privileges(needed.indexPrivileges())));
        if (!held.hasAllRequested()) {
            throw new ElasticsearchAccessFailure("user " + user + " of Elasticsearch at " + UrlCredentials.redact(url)
                    + " lacks " + String.join(", ", missing(held))
                    + ": grant them to one of its roles (access.yaml, applied by cardex access)");
        }
    }

    private static List<String> missing(HasPrivilegesResponse held) {
        List<String> missing = new ArrayList<>();
        held.cluster().forEach((privilege, granted) -> {
            if (!granted) {
                missing.add("the cluster privilege " + privilege);
            }
        });
        for (Map.Entry<String, Map<String, Boolean>> index : held.index().entrySet()) {
            index.getValue().forEach((privilege, granted) -> {
                if (!granted) {
                    missing.add("the index privilege " + privilege + " on " + index.getKey());
                }
            });
        }
        return missing;
    }

    private Optional<ElasticsearchAccessFailure> untrustedCertificate(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                String advice = caCertificate
                        .map(ca -> "the CA of " + ca + " did not sign it: give the CA certificate that did "
                                + "(--elasticsearch-ca, CARDEX_ELASTICSEARCH_CA)")
                        .orElse("the JVM trusts no CA that signed it: give the PEM file of its CA with "
                                + "--elasticsearch-ca (CARDEX_ELASTICSEARCH_CA)");
                return Optional.of(new ElasticsearchAccessFailure("Elasticsearch at " + UrlCredentials.redact(url)
                        + " presents a certificate cardex does not trust (" + cause.getMessage() + "); " + advice));
            }
        }
        return Optional.empty();
    }
}
