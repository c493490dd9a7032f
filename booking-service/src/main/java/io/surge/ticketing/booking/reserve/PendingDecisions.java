package io.surge.ticketing.booking.reserve;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * The requests of this instance that wait for their decision. No thread is parked per request: each is a
 * callback completed by the decision broadcast (Redis pub/sub from whichever instance decided it: one message per
 * decided batch, a JSON array of decisions) or by its timeout.
 */
@Component
class PendingDecisions implements MessageListener {

    private final Map<UUID, Consumer<Decision>> waiting = new ConcurrentHashMap<>();
    private final SoldOutSections soldOut;

    PendingDecisions(SoldOutSections soldOut) {
        this.soldOut = soldOut;
    }

    void await(UUID bookingId, Consumer<Decision> onDecision) {
        waiting.put(bookingId, onDecision);
    }

    void forget(UUID bookingId) {
        waiting.remove(bookingId);
    }

    int size() {
        return waiting.size();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Decision[] decisions;
        try {
            decisions = MessageJson.mapper().readValue(message.getBody(), Decision[].class);
        } catch (Exception e) {
            return;
        }
        for (Decision decision : decisions) {
            soldOut.decided(decision);
            Consumer<Decision> callback = waiting.remove(decision.bookingId());
            if (callback != null) {
                callback.accept(decision);
            }
        }
    }
}
