package io.cardex.ingest.webhook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a git repository lives, reduced to what identifies it: host and path. Hosts and paths
 * are compared without case because GitHub, GitLab and Gitee resolve owner and repository names
 * case-insensitively, and a push missed for a letter's case would go unnoticed until the next poll.
 */
record RemoteAddress(String host, String path) {

    /** {@code scheme://[user[:password]@]host[:port]/path}. */
    private static final Pattern URL = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?(\\[[^\\]]+\\]|[^/:?#]+)(?::\\d*)?(/[^?#]*)?(?:[?#].*)?");
    /** The scp-like form git accepts for ssh: {@code [user@]host:path}. */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:]+@)?([^/:]+):(?!//)(.+)");

    /** The address of a git URL; empty for anything else (a local path, {@code owner/name}). */
    static Optional<RemoteAddress> parse(String location) {
        String trimmed = location.strip();
        Matcher url = URL.matcher(trimmed);
        Matcher scp = SCP_LIKE.matcher(trimmed);
        String host;
        String path;
        if (url.matches()) {
            host = url.group(1);
            path = url.group(2) == null ? "" : url.group(2);
        } else if (scp.matches()) {
            host = scp.group(1);
            path = scp.group(2);
        } else {
            return Optional.empty();
        }
        String normalisedPath = normalisePath(path);
        if (normalisedPath.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteAddress(host.toLowerCase(Locale.ROOT), normalisedPath));
    }

    /** A repository path without surrounding slashes, a trailing {@code .git} or letter case. */
    static String normalisePath(String path) {
        String normalised = path.strip().replaceAll("/{2,}", "/").replaceAll("^/+|/+$", "");
        normalised = normalised.replaceFirst("(?i)\\.git$", "").replaceAll("/+$", "");
        return normalised.toLowerCase(Locale.ROOT);
    }
}
