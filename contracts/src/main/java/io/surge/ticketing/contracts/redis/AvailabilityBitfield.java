package io.surge.ticketing.contracts.redis;

import java.util.Arrays;
import java.util.Collection;

/**
 * The layout of an event's availability bitfield ({@link BookingRedisKeys#availability(long)}), which booking-service
 * writes and serves, cleanup-worker repairs and the invariant checker compares with Postgres: bit i is seat_index i,
 * numbered as Redis numbers bits (SETBIT, GETBIT, BITCOUNT ... BIT), from the most significant bit of byte 0; 1 means
 * held or sold, 0 free. A whole bitfield is {@code ceil(seat_count / 8)} bytes; bytes Redis does not have yet (a key
 * grown by SETBIT stops at its highest bit) are free seats.
 */
public final class AvailabilityBitfield {

    private AvailabilityBitfield() {
    }

    /** The bit value of a seat, as SETBIT takes it: 1 held or sold, 0 free. */
    public static int bit(boolean taken) {
        return taken ? 1 : 0;
    }

    /** The Redis bit offset of a seat (SETBIT, GETBIT, BITCOUNT with BIT). */
    public static long offset(int seatIndex) {
        if (seatIndex < 0) {
            throw new IllegalArgumentException("seat index out of range: " + seatIndex);
        }
        return seatIndex;
    }

    /** Bytes of the whole bitfield of {@code seatCount} seats. */
    public static int byteLength(int seatCount) {
        return (seatCount + 7) / 8;
    }

    /** The bitfield of {@code seatCount} seats with the given seats taken; indexes outside the event are ignored. */
    public static byte[] of(int seatCount, Collection<Integer> takenSeatIndexes) {
        byte[] bits = new byte[byteLength(seatCount)];
        for (int seat : takenSeatIndexes) {
            if (seat >= 0 && seat < seatCount) {
                markTaken(bits, seat);
            }
        }
        return bits;
    }

    /** Sets the seat's bit in {@code bits}, which must be long enough to hold it. */
    public static void markTaken(byte[] bits, int seatIndex) {
        bits[seatIndex >> 3] |= (byte) mask(seatIndex);
    }

    /** Whether the seat's bit is 1; a seat beyond the end of {@code bits} is free. */
    public static boolean isTaken(byte[] bits, int seatIndex) {
        int at = seatIndex >> 3;
        return seatIndex >= 0 && at < bits.length && (bits[at] & mask(seatIndex)) != 0;
    }

    /** How many seats are held or sold: what BITCOUNT answers for the key. */
    public static int countTaken(byte[] bits) {
        int taken = 0;
        for (byte b : bits) {
            taken += Integer.bitCount(b & 0xFF);
        }
        return taken;
    }

    /** {@code bits} as the whole bitfield of {@code seatCount} seats: padded with free seats when Redis has fewer. */
    public static byte[] padded(byte[] bits, int seatCount) {
        int length = byteLength(seatCount);
        return bits.length >= length ? bits : Arrays.copyOf(bits, length);
    }

    private static int mask(int seatIndex) {
        return 0x80 >>> (seatIndex & 7);
    }
}
