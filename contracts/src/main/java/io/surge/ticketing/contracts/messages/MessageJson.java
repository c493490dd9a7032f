package io.surge.ticketing.contracts.messages;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of every Kafka message: snake_case fields (fixed on the records themselves, whatever a
 * service's web mapper does), ISO-8601 instants, unknown fields ignored so producers can add fields first.
 * Jackson 3's defaults already are ISO-8601 and lenient on unknown fields; they are stated here because the
 * wire format depends on them.
 */
public final class MessageJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MessageJson() {
    }

    /** A shared, thread-safe mapper for message payloads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
