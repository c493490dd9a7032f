package io.surge.ticketing.waitingroom.queue;

import java.util.List;

/**
 * The Redis keys of one event's waiting room, in the order the scripts expect. The {@code {E}} hash tag keeps them
 * on one Redis Cluster shard.
 */
public final class QueueKeys {

    /** Every event the waiting room knows (for the idle sweeper). */
    public static final String EVENTS = "wr:events";

    private QueueKeys() {
    }

    public static String config(long eventId) {
        return "wr:{" + eventId + "}:cfg";
    }

    /** The serving counter's hash of an event. */
    public static String state(long eventId) {
        return "wr:{" + eventId + "}:state";
    }

    static List<String> all(long eventId) {
        String p = "wr:{" + eventId + "}:";
        return List.of(p + "cfg", p + "pre", p + "frozen", p + "seq", p + "num", p + "state", p + "turns", p + "claimed",
                p + "adm", p + "gone");
    }
}
