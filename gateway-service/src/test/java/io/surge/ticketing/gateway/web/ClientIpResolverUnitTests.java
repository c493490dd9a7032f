package io.surge.ticketing.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

class ClientIpResolverUnitTests {

    private final ClientIpResolver resolver = new ClientIpResolver(
            new EdgeProperties(List.of("127.0.0.1", "10.0.0.0/8"), DataSize.ofKilobytes(16), List.of(), List.of(), 2000, 4096));

    @Test
    void anUntrustedPeerCannotChooseItsAddressWithXForwardedFor() {
        assertThat(resolver.resolve(from("203.0.113.9", "1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheHopItAddedIsTheClient() {
        assertThat(resolver.resolve(from("127.0.0.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void hopsAddedByTrustedProxiesAreSkippedAndSpoofedLeftHopsIgnored() {
        assertThat(resolver.resolve(from("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
    }

    @Test
    void aHostNameHopIsNotResolvedAndFallsBackToThePeer() {
        assertThat(resolver.resolve(from("127.0.0.1", "evil.example"))).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve(from("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    /** ab.cd.ef.de resolves to 10.9.9.9 in this JVM's hosts file (see the surefire argLine): a lookup would show. */
    @Test
    void hexLetterHostNamesAreNeverResolved() {
        assertThat(Cidr.literal("ab.cd.ef.de")).isNull();
        assertThat(Cidr.literal("dead.beef.cafe.de")).isNull();
        assertThat(Cidr.parse("10.0.0.0/8").matches("ab.cd.ef.de")).isFalse();
        assertThat(resolver.resolve(from("127.0.0.1", "6.6.6.6, ab.cd.ef.de"))).isEqualTo("127.0.0.1");
    }

    @Test
    void literalsAreParsedWithoutTheResolver() {
        assertThat(Cidr.literal("198.51.100.7")).containsExactly(198, 51, 100, 7);
        assertThat(Cidr.literal("::ffff:10.1.2.3")).containsExactly(10, 1, 2, 3);
        assertThat(Cidr.literal("2001:db8::1")).hasSize(16);
        assertThat(Cidr.literal("1.2.3")).isNull();
        assertThat(Cidr.literal("256.1.1.1")).isNull();
        assertThat(Cidr.literal("fe80::1%eth0")).isNull();
    }

    @Test
    void cidrsMatchTheirBlockOnly() {
        Cidr block = Cidr.parse("192.168.4.0/22");

        assertThat(block.matches("192.168.7.255")).isTrue();
        assertThat(block.matches("192.168.8.0")).isFalse();
        assertThat(Cidr.parse("::1").matches("::1")).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").matches("::ffff:10.9.9.9")).isTrue();
        assertThat(block.matches("not-an-ip")).isFalse();
        assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/api/v1/events/search")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
