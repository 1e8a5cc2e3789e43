package io.cardex.cli.setup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.stack.StartupFailure;
import io.cardex.cardindex.UrlCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports saved objects into Kibana through its import API ({@code POST /api/saved_objects/_import?overwrite=true}),
 * replacing earlier versions of the same objects. A Kibana that is still starting is waited for;
 * refused credentials and refused objects end the import at once.
 */
public final class KibanaImport {

    private static final Logger log = LoggerFactory.getLogger(KibanaImport.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI kibana;
    private final Optional<UrlCredentials> credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param kibana Kibana's URL, with a user allowed to manage saved objects in its user-info; a
     *               path selects a base path or a space ({@code http://kibana:5601/s/team})
     */
    public KibanaImport(URI kibana) {
        this.kibana = kibana;
        this.credentials = UrlCredentials.of(kibana);
    }

    /** What Kibana answers to an import. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(boolean success, int successCount, List<ObjectError> errors) {
    }

    /** One object Kibana refused, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ObjectError(String type, String id, JsonNode error) {

        String describe() {
            String why = error == null ? "unknown error" : error.path("type").asText("unknown error");
            String message = error == null ? "" : error.path("message").asText("");
            return type + " " + id + ": " + why + (message.isEmpty() ? "" : " (" + message + ")");
        }
    }

    /**
     * Imports the objects, waiting at most {@code wait} for Kibana to be ready.
     *
     * @return how many objects Kibana imported
     */
    public int importObjects(byte[] ndjson, String fileName, Duration wait) throws StartupFailure, InterruptedException {
        String boundary = "cardex-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("kbn-xsrf", "cardex")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, ndjson)));
        credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        String where = UrlCredentials.redact(kibana);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean reported = false;
        while (true) {
            String notReady;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return imported(response.body(), where);
                }
                if (status == 401) {
                    throw new StartupFailure("Kibana at " + where + " refused the user and password of its URL (401)");
                }
                if (status == 403) {
                    throw new StartupFailure("Kibana at " + where + " does not let that user import saved objects (403): "
                            + "give it the kibana_admin role, or use a user that has it");
                }
                if (status < 500 && status != 404) {
                    throw new StartupFailure("Kibana at " + where + " refused the import (" + status + "): "
                            + firstLine(response.body()));
                }
                // 404 while Kibana's HTTP server is up but its plugins are not; 5xx while it starts.
                notReady = "it answers " + status;
            } catch (IOException e) {
                notReady = String.valueOf(e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailure("Kibana at " + where + " is not ready after " + wait.toSeconds() + " s ("
                        + notReady + "): check that it runs, or wait longer with --wait");
            }
            if (!reported) {
                log.info("waiting for Kibana at {} ({})", where, notReady);
                reported = true;
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    private URI endpoint() {
        String base = UrlCredentials.withoutUserInfo(kibana).toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/api/saved_objects/_import?overwrite=true");
    }

    private static int imported(String body, String where) throws StartupFailure {
        Answer answer;
        try {
            answer = JSON.readValue(body, Answer.class);
        } catch (IOException e) {
            throw new StartupFailure("Kibana at " + where + " answered the import with something else than its JSON: "
                    + firstLine(body), e);
        }
        if (!answer.success()) {
            List<ObjectError> errors = answer.errors() == null ? List.of() : answer.errors();
            throw new StartupFailure("Kibana refused " + errors.size()
                    + (errors.size() == 1 ? " saved object: " : " saved objects: ")
                    + errors.stream().map(ObjectError::describe).collect(Collectors.joining("; ")));
        }
        return answer.successCount();
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
