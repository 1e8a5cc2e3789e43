package io.cardex.cli;

import io.cardex.cardindex.UrlCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads the URL of a server cardex talks to (Elasticsearch, Kibana), credentials included. Its
 * errors never repeat a password: such a URL is only ever shown redacted.
 */
final class HttpUrlConverter implements CommandLine.ITypeConverter<URI> {

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
        try {
            UrlCredentials.of(url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        return url;
    }
}
