package io.surge.ticketing.payment.checkout;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.messages.MessageJson;

/** Kafka payloads in the platform's one message form ({@link MessageJson}: snake_case, ISO-8601 instants). */
final class Messages {

    private Messages() {
    }

    static String write(Object message) {
        try {
            return MessageJson.mapper().writeValueAsString(message);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String payload, Class<T> type) {
        try {
            return MessageJson.mapper().readValue(payload, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable message: " + e.getOriginalMessage(), e);
        }
    }
}
