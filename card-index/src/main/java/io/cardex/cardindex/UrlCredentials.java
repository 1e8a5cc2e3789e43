package io.cardex.cardindex;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user name and password given in a URL's user-info ({@code http://cardex:secret@elasticsearch:9200}),
 * sent as HTTP basic authentication. The URL stays one setting, and one environment variable
 * keeps the password out of the process list; {@link #redact} is the only form of such a URL
 * that may be logged or shown.
 */
public record UrlCredentials(String username, String password) {

    private static final String HIDDEN = "***";
    /** The user name after {@code //}, then a colon and the password up to the last '@'. */
    private static final Pattern PASSWORD = Pattern.compile("(//[^/:@]*):.*@");

    @Override
    public String toString() {
        return "UrlCredentials[username=" + username + ", password=" + HIDDEN + "]";
    }

    /**
     * The credentials of a URL, percent-decoded; empty when it has no user-info.
     *
     * @throws IllegalArgumentException when the user-info is not {@code user:password}
     */
    public static Optional<UrlCredentials> of(URI url) {
        String userInfo = url.getUserInfo();
        if (userInfo == null) {
            return Optional.empty();
        }
        int colon = userInfo.indexOf(':');
        if (colon < 1 || colon == userInfo.length() - 1) {
            throw new IllegalArgumentException("the user-info of " + redact(url)
                    + " must be user:password (percent-encode '@', ':' and '/' in the password)");
        }
        return Optional.of(new UrlCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1)));
    }

    /** The value of an {@code Authorization} header for these credentials. */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The URL without its user-info, to connect to. */
    public static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot take the user-info out of " + redact(url), e);
        }
    }

    /** The URL as it may be logged: the password replaced by {@code ***}, the user name kept to say who connects. */
    public static String redact(URI url) {
        return redact(url.toString());
    }

    /**
     * A URL as it may be logged, even one that is not well-formed: everything between the user
     * name's ':' and the last '@' is hidden, so a password with an unencoded '@' or '/' is hidden too.
     */
    public static String redact(String url) {
        return url.indexOf('@') < 0 ? url : PASSWORD.matcher(url).replaceFirst("$1:" + HIDDEN + "@");
    }
}
