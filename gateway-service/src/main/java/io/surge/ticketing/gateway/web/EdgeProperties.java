package io.surge.ticketing.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge protections that are not about identity.
 *
 * @param trustedProxies     addresses or CIDRs whose X-Forwarded-For hop is believed (empty in prod unless set)
 * @param maxBodySize        largest request body accepted (413 above it, chunked bodies included)
 * @param denyIps            addresses or CIDRs refused outright (403)
 * @param denyUserAgents     case-insensitive User-Agent substrings refused outright (403)
 * @param maxInFlight        requests this instance works on at once; above it the gateway sheds (503 +
 *                           Retry-After) instead of queueing until its heap runs out
 * @param maxUriLength       longest path + query accepted (414 above it)
 */
@ConfigurationProperties("ticketing.gateway.edge")
public record EdgeProperties(
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("16KB") DataSize maxBodySize,
        @DefaultValue List<String> denyIps,
        @DefaultValue List<String> denyUserAgents,
        @DefaultValue("2000") int maxInFlight,
        @DefaultValue("4096") int maxUriLength) {
}
