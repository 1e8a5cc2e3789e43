package io.cardex.cli;

import io.cardex.cardindex.UrlCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Reads the URL of a server cardex talks to (Elasticsearch, Kibana), credentials included. Its
 * errors never repeat a password: such a URL is only ever shown redacted.
 */
final class HttpUrlConverter implements CommandLine.ITypeConverter<URI> {

    /** Every example password of .env.example starts so: a deployment must never run with one. */
    static final String EXAMPLE_PASSWORD = "changeMe";
    private static final String FORM = "write http[s]://[user:password@]host[:port], "
            + "percent-encoding '@', ':' and '/' in the password";

    @Override
    public URI convert(String value) {
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new CommandLine.TypeConversionException("'" + UrlCredentials.redact(value) + "' is not a URL: " + FORM);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new CommandLine.TypeConversionException("'" + UrlCredentials.redact(value) + "' is not an http(s) URL "
                    + "with a host: " + FORM);
        }
        Optional<UrlCredentials> credentials;
        try {
            credentials = UrlCredentials.of(url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (credentials.filter(given -> given.password().regionMatches(true, 0, EXAMPLE_PASSWORD, 0,
                EXAMPLE_PASSWORD.length())).isPresent()) {
            throw new CommandLine.TypeConversionException("'" + UrlCredentials.redact(url) + "' holds an example "
                    + "password of .env.example (they start with '" + EXAMPLE_PASSWORD + "'): set a password of "
                    + "your own, letters and digits, in .env");
        }
        return url;
    }
}
