package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of every Kafka message: snake_case fields (fixed on the records themselves, whatever a
 * service's web mapper does), ISO-8601 instants, unknown fields ignored so producers can add fields first.
 */
public final class MessageJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MessageJson() {
    }

    /** A shared, thread-safe mapper for message payloads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
