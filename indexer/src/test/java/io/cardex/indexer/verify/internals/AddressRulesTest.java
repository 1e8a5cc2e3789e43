package io.cardex.indexer.verify.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

    private final AddressRules strict = new AddressRules(false, false);
    private final AddressRules permissive = new AddressRules(true, true);

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, a loopback address",
            "127.1.2.3, a loopback address",
            "::1, a loopback address",
            "10.0.0.1, a private address",
            "172.16.5.4, a private address",
            "172.31.255.255, a private address",
            "192.168.1.1, a private address",
            "100.64.0.1, a private address",
            "100.127.255.254, a private address",
            "fc00::1, a private address",
            "fd12:3456::1, a private address",
            "::ffff:10.0.0.1, a private address",
            "64:ff9b::a00:1, a private address",
            "0.0.0.0, an unspecified address",
            "0.1.2.3, an unspecified address",
            "::, an unspecified address",
            "224.0.0.1, a multicast address",
            "ff02::1, a multicast address",
            "255.255.255.255, a reserved address"
    })
    void internalAddressesAreRefusedAndNamed(String address, String kind) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).hasValue(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.0.1", "fe80::1"})
    void linkLocalAddressesAreRefusedEvenWhenPrivateOnesAreAllowed(String address) throws Exception {
        assertThat(permissive.refusal(InetAddress.getByName(address))).get().asString().startsWith("a link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "192.168.1.1", "100.64.0.1", "fd00::1"})
    void loopbackAndPrivateAddressesAreAllowedWhenConfigured(String address) throws Exception {
        assertThat(permissive.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, a loopback address",
            "169.254.169.254, a link-local address (where cloud metadata services answer)",
            "10.0.0.1, a private address",
            "0.0.0.0, an unspecified address"
    })
    void anIpv4MappedAddressHandedOverAsIpv6IsJudgedByItsIpv4Address(String ipv4, String kind) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        InetAddress asResolversMayGiveIt = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(asResolversMayGiveIt).isInstanceOf(Inet6Address.class);
        assertThat(strict.refusal(asResolversMayGiveIt)).hasValue(kind);
    }
}
