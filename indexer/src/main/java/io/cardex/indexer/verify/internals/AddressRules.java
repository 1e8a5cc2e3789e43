package io.cardex.indexer.verify.internals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses an asset download may connect to. A card author chooses the link, so without
 * these rules a card could make the indexer request the cloud metadata service or an internal
 * admin page.
 */
final class AddressRules {

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] IPV4_COMPATIBLE_PREFIX = new byte[12];
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final boolean allowLoopback;
    private final boolean allowPrivate;

    AddressRules(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    /** What kind of address {@code address} is, in words, when it is refused; empty when it is allowed. */
    Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && bytes[0] == 0) {
            return Optional.of("an unspecified address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (where cloud metadata services answer)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xf0) == 0xf0) {
            return Optional.of("a reserved address");
        }
        if (isPrivate(address, bytes)) {
            return allowPrivate ? Optional.empty() : Optional.of("a private address");
        }
        return embeddedIpv4(address, bytes).flatMap(this::refusal);
    }

    private static boolean isPrivate(InetAddress address, byte[] bytes) {
        boolean carrierGradeNat = address instanceof Inet4Address && bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        return address.isSiteLocalAddress() || carrierGradeNat || uniqueLocal;
    }

    /**
     * The IPv4 address an IPv6 one reaches through NAT64, IPv4-compatible or IPv4-mapped notation.
     * Java turns a mapped address it parses into an IPv4 one, but a resolver may hand one over as
     * an {@link Inet6Address} ({@code ::ffff:169.254.169.254}), whose own tests all say "public".
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address, byte[] bytes) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] prefix = Arrays.copyOf(bytes, 12);
        if (!Arrays.equals(prefix, NAT64_PREFIX) && !Arrays.equals(prefix, IPV4_COMPATIBLE_PREFIX)
                && !Arrays.equals(prefix, IPV4_MAPPED_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
