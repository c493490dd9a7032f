package io.surge.ticketing.gateway.web;

import java.util.Arrays;

import io.netty.util.NetUtil;

/**
 * An address block such as {@code 10.0.0.0/8}, {@code ::1} or {@code 203.0.113.7}. Only literal addresses are
 * parsed, by Netty's literal parser: never a host name, so matching can never trigger a DNS lookup (a hop such as
 * {@code ab.cd.ef.de} is not an address, whatever a resolver would say).
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixBits;

    private Cidr(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR: " + text);
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(bytes, bits);
    }

    /** The number of addresses' leading bits this block fixes (e.g. 8 for {@code 10.0.0.0/8}). */
    public int prefixBits() {
        return prefixBits;
    }

    public boolean matches(String address) {
        return matches(literal(address));
    }

    /** Whether the bytes of a literal address (from {@link #literal}) fall in this block. */
    public boolean matches(byte[] candidate) {
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF00 >> rest) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /**
     * The bytes of a literal IPv4/IPv6 address, or null when the text is anything else (a host name included: no
     * lookup is ever made). An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is the same client as a.b.c.d.
     */
    public static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return null;
        }
        byte[] bytes;
        if (NetUtil.isValidIpV4Address(address)) {
            bytes = NetUtil.createByteArrayFromIpAddressString(address);
        } else if (address.indexOf(':') >= 0 && address.indexOf('%') < 0 && NetUtil.isValidIpV6Address(address)) {
            bytes = NetUtil.createByteArrayFromIpAddressString(address);
        } else {
            return null;
        }
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }
}
