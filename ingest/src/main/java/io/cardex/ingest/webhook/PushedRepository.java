package io.cardex.ingest.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository a push updated, as the git host names it.
 *
 * @param fullName      its {@code owner/name} path on the host, with any subgroups
 * @param urls          the URLs the host gives for it: clone (https and ssh) and web page
 * @param defaultBranch the branch the host calls its default, when the payload says
 */
public record PushedRepository(String fullName, List<String> urls, Optional<String> defaultBranch) {

    public PushedRepository {
        Objects.requireNonNull(fullName, "fullName");
        urls = List.copyOf(urls);
        Objects.requireNonNull(defaultBranch, "defaultBranch");
    }

    /**
     * Whether this is the repository {@code remote} points at. A git URL matches any of the
     * host's URLs for the repository whatever its form ({@code https://host/owner/name},
     * {@code git@host:owner/name.git}, {@code ssh://git@host:22/owner/name}): scheme, user, port,
     * a trailing {@code .git} or slash and letter case are ignored. Anything else is read as an
     * {@code owner/name} path and compared with {@link #fullName} on any host.
     */
    public boolean matches(String remote) {
        Optional<RemoteAddress> address = RemoteAddress.parse(remote);
        if (address.isPresent()) {
            return urls.stream().map(RemoteAddress::parse).flatMap(Optional::stream).anyMatch(address.get()::equals);
        }
        String path = RemoteAddress.normalisePath(remote);
        return !path.isEmpty() && path.equals(RemoteAddress.normalisePath(fullName));
    }
}
