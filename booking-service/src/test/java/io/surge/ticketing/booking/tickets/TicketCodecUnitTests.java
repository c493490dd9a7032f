package io.surge.ticketing.booking.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.booking.tickets.TicketCodec.TicketCode;
import io.surge.ticketing.contracts.messages.TicketIds;

class TicketCodecUnitTests {

    private static final String KEY = "ticket-code-unit-test-key-0123456789abcdef";
    private static final String NEXT_KEY = "ticket-code-unit-test-key-the-next-one-0123";
    private static final TicketCode TICKET = new TicketCode(42, TicketIds.of(42, 17), UUID.randomUUID());

    private final TicketCodec codec = new TicketCodec(KEY, null);

    @Test
    void aCodeNamesItsEventTicketAndBooking() {
        assertThat(codec.decode(codec.encode(TICKET))).contains(TICKET);
    }

    @Test
    void theSameTicketOfTheSameBookingAlwaysGetsTheSameCode() {
        assertThat(new TicketCodec(KEY, null).encode(TICKET)).isEqualTo(codec.encode(TICKET));
        assertThat(codec.encode(new TicketCode(42, TicketIds.of(42, 18), TICKET.bookingId())))
                .isNotEqualTo(codec.encode(TICKET));
        assertThat(codec.encode(new TicketCode(42, TICKET.ticketId(), UUID.randomUUID())))
                .isNotEqualTo(codec.encode(TICKET));
    }

    @Test
    void aCodeSignedWithAnotherKeyIsRefused() {
        String forged = new TicketCodec("an-attackers-key-of-at-least-32-bytes!!", null).encode(TICKET);

        assertThat(codec.decode(forged)).isEmpty();
    }

    @Test
    void aCodeWhosePayloadWasEditedIsRefused() {
        String[] parts = codec.encode(TICKET).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
        payload[15] ^= 1; // another seat
        String edited = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload)
                + "." + parts[3];

        assertThat(codec.decode(edited)).isEmpty();
    }

    @Test
    void keysRotateTheCurrentOneSignsAndThePreviousOneStillVerifies() {
        String issuedBefore = codec.encode(TICKET);
        TicketCodec rotated = new TicketCodec(NEXT_KEY, KEY);

        assertThat(rotated.decode(issuedBefore)).contains(TICKET);
        assertThat(rotated.encode(TICKET)).isNotEqualTo(issuedBefore).contains("." + rotated.currentKeyId() + ".");
        assertThat(rotated.decode(rotated.encode(TICKET))).contains(TICKET);
        assertThat(new TicketCodec(NEXT_KEY, null).decode(issuedBefore)).as("the old key retired").isEmpty();
        assertThat(codec.currentKeyId()).hasSize(8).isNotEqualTo(rotated.currentKeyId());
    }

    @Test
    void onlyTheCanonicalSpellingOfACodeIsAccepted() {
        String code = codec.encode(TICKET);
        String[] parts = code.split("\\.");

        assertThat(codec.decode(code + "=")).isEmpty();
        assertThat(codec.decode(parts[0] + "." + parts[1] + "." + parts[2] + "=." + parts[3])).isEmpty();
        assertThat(codec.decode("t2" + code.substring(2))).isEmpty();
        assertThat(codec.decode(parts[0] + ".00000000." + parts[2] + "." + parts[3])).isEmpty();
        assertThat(codec.decode(code + ".x")).isEmpty();
        assertThat(codec.decode(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(1))).isEmpty();
    }

    @Test
    void malformedInputIsRefusedNotThrown() {
        assertThat(codec.decode(null)).isEmpty();
        assertThat(codec.decode("")).isEmpty();
        assertThat(codec.decode("....")).isEmpty();
        assertThat(codec.decode("not a code")).isEmpty();
        assertThat(codec.decode("t1.%%%.***.$$$")).isEmpty();
        assertThat(codec.decode("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aTicketIdOfAnotherEventIsNeverMintedIntoAValidCode() {
        String code = codec.encode(new TicketCode(43, TicketIds.of(42, 1), TICKET.bookingId()));

        assertThat(codec.decode(code)).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new TicketCodec("short", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketCodec(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KEY.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
    }
}
