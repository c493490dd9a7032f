package io.surge.ticketing.waitingroom.keys;

import java.util.List;

/**
 * The Redis keys of one event's waiting room, in the order the scripts expect. Its own package: the queue, presale,
 * settings, availability and pacing features all address these keys, and none of them owns the others. The {@code {E}} hash tag keeps them
 * on one Redis Cluster shard. An event has its general line ({@code wr:{E}:*}) and, when the organizer set up a
 * presale, a presale line ({@code wr:{E}:ps:*}) run by the same scripts at its own pace inside its own window.
 */
public final class QueueKeys {

    /** Every event the waiting room knows (for the idle sweeper). */
    public static final String EVENTS = "wr:events";

    /** Adaptive pacing's factor in force (a double, 1 = the configured rates), shared by every replica. */
    public static final String PACE_FACTOR = "wr:pace-factor";

    private QueueKeys() {
    }

    public static String config(long eventId) {
        return "wr:{" + eventId + "}:cfg";
    }

    /** The serving counter's hash of an event. */
    public static String state(long eventId) {
        return "wr:{" + eventId + "}:state";
    }

    /** The presale line's own settings: {@code on_sale_at} (the window's start), {@code ends_at}, {@code rate}. */
    public static String presaleConfig(long eventId) {
        return "wr:{" + eventId + "}:ps:cfg";
    }

    /** The presale line's serving counter. */
    public static String presaleState(long eventId) {
        return "wr:{" + eventId + "}:ps:state";
    }

    /** Presale codes: the code's hash -> uses left. */
    public static String presaleCodes(long eventId) {
        return "wr:{" + eventId + "}:ps:codes";
    }

    /** Fans who entered the presale line: user -> the hash of the code they used. */
    public static String presaleUsed(long eventId) {
        return "wr:{" + eventId + "}:ps:used";
    }

    public static List<String> all(long eventId) {
        return keys(eventId, Line.GENERAL);
    }

    /** The scripts' keys of one line: its ten own keys, then the event's cfg (lifecycle and availability). */
    public static List<String> keys(long eventId, Line line) {
        String p = line == Line.GENERAL ? "wr:{" + eventId + "}:" : "wr:{" + eventId + "}:ps:";
        List<String> own = List.of(p + "cfg", p + "pre", p + "frozen", p + "seq", p + "num", p + "state", p + "turns",
                p + "claimed", p + "adm", p + "gone", config(eventId));
        if (line == Line.GENERAL) {
            return own;
        }
        return java.util.stream.Stream.concat(own.stream(), java.util.stream.Stream.of(presaleCodes(eventId),
                presaleUsed(eventId))).toList();
    }

    /** Every key of an event's waiting room, both lines (for tests and clean-up). */
    public static List<String> everything(long eventId) {
        return java.util.stream.Stream.concat(keys(eventId, Line.GENERAL).stream(),
                keys(eventId, Line.PRESALE).stream()).distinct().toList();
    }

    /** Which of an event's lines. */
    public enum Line {
        /** Everyone, from the pre-queue's opening; the raffle at on_sale_at. */
        GENERAL,
        /** Code holders only, inside the presale window; the raffle at the window's start. */
        PRESALE
    }
}
