package io.cardex.indexer.verify.internals;

import io.cardex.card.CardRules;
import io.cardex.indexer.verify.Mirror;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.cardindex.AssetStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides whether a URL may be requested: http or https, an allowed host, and only addresses the
 * {@link AddressRules} allow once the host is resolved.
 *
 * <p>Java's HttpClient resolves the host again to connect, and offers no way to connect to a given
 * address while keeping the host name for TLS. Both lookups go through the JVM's address cache
 * ({@code networkaddress.cache.ttl}, 30 s by default), so the client normally connects to an address
 * checked here even when a DNS server changes its answer (rebinding). The pin is not absolute: if the
 * cache entry expires between check and connect, or caching is turned off, a rebinding DNS server can
 * win that window. Where that matters, an egress firewall must back these rules.
 */
final class UrlPolicy {

    private final CardRules hostRules;
    private final AddressRules addressRules;

    UrlPolicy(VerifierConfig config) {
        Set<String> hosts = Stream.concat(config.allowedHosts().stream(), config.mirrors().stream().map(Mirror::host))
                .collect(Collectors.toSet());
        // The same host rule cards are validated with; the file-size limit plays no part here.
        this.hostRules = new CardRules(CardRules.DEFAULT_MAX_FILE_BYTES, hosts);
        this.addressRules = new AddressRules(config.allowLoopback(), config.allowPrivateAddresses());
    }

    /** Why a card's link may not be fetched, judged from the link alone: its scheme and host. */
    Optional<Failure> refusalOfLink(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return blocked(scheme.isEmpty()
                    ? url + " is not an absolute http or https URL"
                    : "only http and https links can be verified, not " + scheme + ": " + url);
        }
        String host = url.getHost();
        if (host == null) {
            return blocked(url + " names no host");
        }
        if (!hostRules.allowsHost(unbracketed(host))) {
            return blocked(host + " is not an allowed asset host; allowed are "
                    + String.join(", ", new TreeSet<>(hostRules.allowedHosts())) + " and their sub-domains");
        }
        return Optional.empty();
    }

    /** Why a URL may not be requested: its scheme, its host and every address the host resolves to. */
    Optional<Failure> refusalOfRequest(URI url) {
        Optional<Failure> refusal = refusalOfLink(url);
        if (refusal.isPresent()) {
            return refusal;
        }
        String host = unbracketed(url.getHost());
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(new Failure(AssetStatus.UNREACHABLE, "the host " + host + " was not found (DNS)"));
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = addressRules.refusal(address);
            if (kind.isPresent()) {
                String where = address.getHostAddress().equals(host) ? host + " is"
                        : host + " resolves to " + address.getHostAddress() + ",";
                return blocked(where + " " + kind.get() + "; assets must be on public servers");
            }
        }
        return Optional.empty();
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Failure> blocked(String message) {
        return Optional.of(new Failure(AssetStatus.BLOCKED, message));
    }
}
