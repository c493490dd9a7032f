package io.surge.ticketing.booking.decide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;

import tools.jackson.databind.ObjectMapper;

import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * Tells the requesters a batch is decided: one pub/sub message per batch (a JSON array of decisions) wakes the API
 * instance holding each request, which parses it once and completes the requests it holds; and the buffer's pending
 * markers go, since the booking rows answer polls from now on.
 */
public final class DecisionBroadcast {

    public static final String CHANNEL = "booking:decisions";
    private static final byte[] CHANNEL_BYTES = CHANNEL.getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = MessageJson.mapper();

    private DecisionBroadcast() {
    }

    static byte[] message(List<Decision> decisions) {
        return JSON.writeValueAsBytes(decisions);
    }

    static byte[][] pendingMarkers(List<Decision> decisions) {
        byte[][] markers = new byte[decisions.size()][];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = BookingRedisKeys.pending(decisions.get(i).bookingId()).getBytes(StandardCharsets.UTF_8);
        }
        return markers;
    }

    static void send(RedisConnection connection, byte[] message, byte[][] pendingMarkers) {
        connection.publish(CHANNEL_BYTES, message);
        connection.keyCommands().del(pendingMarkers);
    }
}
