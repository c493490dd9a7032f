package io.surge.ticketing.waitingroom.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * booking's availability messages as they arrive on {@code booking.event-availability} (snake_case JSON), applied to
 * the local stack's Redis for a fresh event id: the newest as_of wins, whatever order they come in.
 */
class EventAvailabilityListenerIntegrationTests {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final long event = 4_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    private EventAvailabilityListener listener;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.open();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @AfterEach
    void forget() {
        redis.delete(List.of(QueueKeys.config(event), QueueKeys.state(event)));
    }

    private void deliver(String json) throws Exception {
        if (listener == null) {
            listener = new EventAvailabilityListener(new AvailabilityStore(redis));
        }
        listener.onAvailability(new ConsumerRecord<>(Topics.BOOKING_EVENT_AVAILABILITY, 0, 0L, Long.toString(event), json));
    }

    private Object soldOut() {
        return redis.opsForHash().get(QueueKeys.config(event), "sold_out");
    }

    @Test
    void theNewestStateWinsWhateverTheOrderOfDelivery_andTombstonesOrUndatedStatesChangeNothing() throws Exception {
        deliver("""
                {"event_id": %d, "sold_out": true, "available": 0, "seat_count": 40, "as_of": "2031-01-01T10:00:05Z"}"""
                .formatted(event));
        assertThat(soldOut()).isEqualTo("1");

        deliver("""
                {"event_id": %d, "sold_out": false, "available": 2, "seat_count": 40, "as_of": "2031-01-01T10:00:01Z"}"""
                .formatted(event));
        deliver(null);
        deliver("""
                {"event_id": %d, "sold_out": false, "available": 2, "seat_count": 40}""".formatted(event));
        assertThat(soldOut()).as("older, deleted or undated: still sold out").isEqualTo("1");

        deliver("""
                {"event_id": %d, "sold_out": false, "available": 2, "seat_count": 40, "as_of": "2031-01-01T10:00:09Z",
                 "added_later": "ignored"}""".formatted(event));
        assertThat(soldOut()).isEqualTo("0");
        assertThat(redis.opsForHash().hasKey(QueueKeys.config(event), "on_sale_at"))
                .as("booking's word alone does not make the event known to fans").isFalse();
    }
}
