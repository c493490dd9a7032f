package io.surge.ticketing.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kafka broker and how a client is let in: the launcher's broker takes SASL/SCRAM logins only, the container
 * takes plain connections.
 *
 * @param securityProtocol {@code SASL_PLAINTEXT} or {@code PLAINTEXT}
 * @param saslMechanism e.g. {@code SCRAM-SHA-512}; unused with {@code PLAINTEXT}
 */
public record Kafka(String bootstrapServers, String securityProtocol, String saslMechanism, String username,
        String password) {

    /** The client settings ({@code bootstrap.servers}, {@code security.protocol}, SASL) for an admin, producer or consumer. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("security.protocol", securityProtocol);
        if (securityProtocol.startsWith("SASL")) {
            properties.put("sasl.mechanism", saslMechanism);
            properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + username + "\" password=\"" + password + "\";");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "Kafka[" + bootstrapServers + " " + securityProtocol + (username == null ? "" : " as " + username) + "]";
    }
}
