package io.cardex.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fields cardex reads from a push payload. GitHub, Gitee and GitLab share these names; the
 * rest of each payload, its lists of changed files included, is ignored: those lists are
 * truncated for large pushes, so the ingest pass diffs the commits itself.
 */
record PushPayload(String ref, String after, RepositoryFields repository, RepositoryFields project) {

    /** A repository as any of the three hosts describes it; each fills a different subset. */
    record RepositoryFields(String fullName, String pathWithNamespace, String cloneUrl, String gitHttpUrl,
                            String sshUrl, String gitSshUrl, String htmlUrl, String webUrl, String defaultBranch) {

        List<String> urls() {
            return Stream.of(cloneUrl, gitHttpUrl, sshUrl, gitSshUrl, htmlUrl, webUrl)
                    .filter(PushPayload::isPresent).distinct().toList();
        }
    }

    static PushPayload parse(ObjectMapper json, byte[] body) throws RejectedDeliveryException {
        try {
            PushPayload payload = json.readValue(body, PushPayload.class);
            if (payload == null) {
                throw RejectedDeliveryException.malformed("the body is JSON null, not a push payload");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw RejectedDeliveryException.malformed("the body is not a JSON push payload: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail", e);
        }
    }

    /** The push this payload describes, or why it describes none. */
    Push toPush(Provider provider, Optional<String> deliveryId, RepositoryFields fields)
            throws RejectedDeliveryException {
        if (!isPresent(ref)) {
            throw RejectedDeliveryException.malformed("the push payload has no \"ref\"");
        }
        if (!isPresent(after)) {
            throw RejectedDeliveryException.malformed("the push payload has no \"after\" commit");
        }
        if (fields == null) {
            throw RejectedDeliveryException.malformed("the push payload does not describe the repository");
        }
        String fullName = Stream.of(fields.pathWithNamespace(), fields.fullName())
                .filter(PushPayload::isPresent).findFirst().orElse("");
        if (fullName.isBlank() && fields.urls().isEmpty()) {
            throw RejectedDeliveryException.malformed("the push payload names neither the repository nor its URLs");
        }
        PushedRepository repository = new PushedRepository(fullName, fields.urls(),
                Optional.ofNullable(fields.defaultBranch()).filter(PushPayload::isPresent));
        return new Push(provider, deliveryId, ref, repository, after);
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
