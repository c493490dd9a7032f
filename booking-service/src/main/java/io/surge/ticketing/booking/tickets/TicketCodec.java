package io.surge.ticketing.booking.tickets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.surge.ticketing.contracts.messages.TicketIds;
import io.surge.ticketing.contracts.signing.SigningKey;

/**
 * The ticket-code format: {@code t1.<kid>.<base64url(payload)>.<base64url(HMAC-SHA256)>}, the payload being the
 * event id, the ticket id (8 bytes each, big-endian) and the booking id (16 bytes). Only booking mints codes: the key
 * is its own secret ({@code TICKETING_TICKET_SECRET}, at least 32 bytes, never committed), so a code cannot be forged,
 * nor moved to another seat, booking or event. Keys rotate as admission tokens' do (contracts
 * {@code AdmissionTokenCodec}): codes are signed with the current key and verified with the key their {@code kid}
 * names, the current one or, during a rotation, the previous one, so codes already handed out keep working. A key's
 * id is derived from the key (the first 8 hex digits of its SHA-256): every replica agrees on it without more
 * configuration. The same ticket of the same booking always gets the same code under the same key.
 * <p>
 * The signature is checked in constant time before any field is read, and every part must be canonical unpadded
 * base64url of exactly the expected length: one code has exactly one spelling, so a scanner's record of the string
 * cannot be fooled by a re-spelled copy.
 */
public final class TicketCodec {

    private static final String VERSION = "t1";
    private static final int PAYLOAD_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final int MAX_CODE_LENGTH = 256;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKey current;
    private final SigningKey previous;

    /** @param previousSecret the key being rotated out (still accepted), or null/blank */
    public TicketCodec(String secret, String previousSecret) {
        if (secret == null) {
            throw new IllegalArgumentException("the ticket-code secret (TICKETING_TICKET_SECRET) is not configured");
        }
        this.current = SigningKey.of(secret.getBytes(StandardCharsets.UTF_8), "a ticket-code secret");
        this.previous = previousSecret == null || previousSecret.isBlank() ? null
                : SigningKey.of(previousSecret.getBytes(StandardCharsets.UTF_8), "a ticket-code secret");
    }

    /** What a code names: one ticket of one event, in one booking. */
    public record TicketCode(long eventId, long ticketId, UUID bookingId) {
    }

    /** The id of the key codes are signed with now. */
    public String currentKeyId() {
        return current.id();
    }

    public String encode(TicketCode code) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(code.eventId())
                .putLong(code.ticketId())
                .putLong(code.bookingId().getMostSignificantBits())
                .putLong(code.bookingId().getLeastSignificantBits());
        String signingInput = VERSION + "." + current.id() + "." + ENCODER.encodeToString(payload.array());
        return signingInput + "." + ENCODER.encodeToString(current.sign(signingInput));
    }

    /** The ticket a presented code names, or empty when it is malformed, forged or signed with a retired key. */
    public Optional<TicketCode> decode(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = presented.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] payload = canonicalBase64(parts[2], PAYLOAD_BYTES);
        byte[] signature = canonicalBase64(parts[3], MAC_BYTES);
        if (payload == null || signature == null) {
            return Optional.empty();
        }
        SigningKey key = current.id().equals(parts[1]) ? current
                : previous != null && previous.id().equals(parts[1]) ? previous : null;
        if (key == null) {
            return Optional.empty(); // a key we never had, or one retired
        }
        byte[] expected = key.sign(parts[0] + "." + parts[1] + "." + parts[2]);
        if (!MessageDigest.isEqual(expected, signature)) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        long eventId = fields.getLong();
        long ticketId = fields.getLong();
        UUID bookingId = new UUID(fields.getLong(), fields.getLong());
        if (eventId <= 0 || ticketId < 0 || TicketIds.eventOf(ticketId) != eventId) {
            return Optional.empty(); // signed by us, so never expected; refused all the same
        }
        return Optional.of(new TicketCode(eventId, ticketId, bookingId));
    }

    /** The bytes of an unpadded base64url text of {@code length} bytes, or null unless it is exactly their spelling. */
    private static byte[] canonicalBase64(String text, int length) {
        try {
            byte[] bytes = DECODER.decode(text);
            return bytes.length == length && ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
