package io.cardex.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.TempDirectories;
import io.cardex.stack.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cardex up --secured} as a user runs it: Kafka and Elasticsearch of its own, both secured
 * with the users of access.yaml, whose passwords it makes and keeps in its data directory; cards
 * still become searchable through the API, while Elasticsearch refuses whoever has no password.
 */
class SecuredUpIT {

    // Making the CA and the keystores, then each server's start, which may take EmbeddedStack's three minutes each.
    private static final Duration START = Duration.ofMinutes(8);
    private static final Duration STOP = Duration.ofSeconds(90);

    private CardRepositoryFixture repository;
    private Path work;
    private Path dataDirectory;
    private CardexProcess cardex;
    private int apiPort;
    private int elasticsearchPort;

    @BeforeEach
    void prepare() {
        repository = CardRepositoryFixture.create().addExample("mindspore/1.9/refinenet_voc2012.md");
        repository.commit("one card");
        work = TempDirectories.create("cardex-it-secured-up-");
        dataDirectory = work.resolve("data");
        apiPort = Ports.free();
        elasticsearchPort = Ports.free();
    }

    @AfterEach
    void cleanUp() {
        if (cardex != null && cardex.isAlive()) {
            cardex.terminate(STOP);
        }
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void cardsBecomeSearchableWhileElasticsearchRefusesAnonymousRequestsAndNoPasswordIsOnACommandLine()
            throws Exception {
        cardex = CardexProcess.start(work.resolve("output.txt"), "up", "--secured",
                "--repo", "hub=" + repository.directory(), "--poll-interval", "500ms",
                "--data-dir", dataDirectory.toString(), "--api-port", String.valueOf(apiPort),
                "--ingest-port", String.valueOf(Ports.free()), "--es-port", String.valueOf(elasticsearchPort),
                "--kafka-port", String.valueOf(Ports.free()));
        await().atMost(START).until(() -> cardex.output().contains("Stop: Ctrl-C") || !cardex.isAlive());
        assertThat(cardex.isAlive()).as(cardex.output()).isTrue();
        ApiClient api = new ApiClient(apiPort);
        await().ignoreExceptions().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(api.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));

        Path passwordFile = dataDirectory.resolve("passwords.properties");
        Path ca = dataDirectory.resolve("elasticsearch/security/ca.pem");
        URI elasticsearch = URI.create("https://127.0.0.1:" + elasticsearchPort);
        assertThat(cardex.output()).as("how to reach Elasticsearch")
                .contains("curl --cacert " + ca + " -u cardex_api " + elasticsearch + "/cards/_count")
                .contains("is in " + passwordFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDirectory.resolve("elasticsearch/security/elastic.password")))).isEqualTo("rw-------");
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            passwords.load(in);
        }

        HttpClient https = trusting(ca);
        assertThat(status(https, elasticsearch.resolve("/cards/_search"), null))
                .as("an anonymous search of Elasticsearch").isEqualTo(401);
        assertThat(status(https, elasticsearch.resolve("/cards/_count"),
                "cardex_api:" + passwords.getProperty("CARDEX_API_ES_PASSWORD")))
                .as("the API's user, as the printed curl does it").isEqualTo(200);
        assertThat(api.get("/stats").status()).as("/stats, which reads Kafka as the API's user").isEqualTo(200);

        List<String> commandLines = cardex.children().stream()
                .map(child -> child.info().commandLine().orElse("")).toList();
        assertThat(commandLines).as("the command lines of Kafka and Elasticsearch").isNotEmpty();
        for (String password : passwords.stringPropertyNames().stream().map(passwords::getProperty).toList()) {
            assertThat(commandLines).noneMatch(line -> line.contains(password));
            assertThat(cardex.output()).doesNotContain(password);
        }
    }

    private static int status(HttpClient http, URI url, String userAndPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (userAndPassword != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A client trusting only the CA whose certificate (PEM) {@code up} printed. */
    private static HttpClient trusting(Path caCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(caCertificate)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CA certificate " + caCertificate, e);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
