package io.surge.ticketing.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's address for rate limits and deny lists: the socket peer, unless that peer is one of our trusted
 * proxies (load balancer, CDN edge), in which case the X-Forwarded-For hops are walked from the right and the
 * first hop not added by a trusted proxy is the client. A client cannot pick its own address by sending the
 * header directly, because an untrusted peer's header is ignored.
 */
@Component
public class ClientIpResolver {

    private final List<Cidr> trusted;

    ClientIpResolver(EdgeProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Cidr::parse).toList();
    }

    public String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isEmpty()) {
            return peer;
        }
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            byte[] address = Cidr.literal(hop);
            if (address == null) {
                return peer; // not a literal address (a host name is never looked up): trust nothing left of it
            }
            if (!isTrusted(address)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return isTrusted(Cidr.literal(address));
    }

    private boolean isTrusted(byte[] address) {
        if (address == null) {
            return false;
        }
        for (Cidr matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }
}
