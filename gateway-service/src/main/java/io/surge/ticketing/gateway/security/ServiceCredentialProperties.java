package io.surge.ticketing.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret the key the services share to authenticate each other's calls ({@code TICKETING_SERVICE_SECRET}) */
@ConfigurationProperties("ticketing.service-auth")
record ServiceCredentialProperties(String secret) {
}
