package io.surge.ticketing.booking.reserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.TicketIds;
import io.surge.ticketing.platform.web.DomainException;

/** The reserve rules alone: no Kafka, no Redis, no Postgres. */
class ReserveRulesUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final EventFacts ON_SALE = new EventFacts(7, 100, NOW.minusSeconds(3600), 600, 4, false, Set.of(1L));

    @Test
    void aRequestForSeatsOfTheEventWithinTheLimitPasses() {
        assertThatCode(() -> ReserveRules.validate(
                new ReserveRequest(7L, List.of(TicketIds.of(7, 0), TicketIds.of(7, 99)), null, null), ON_SALE, NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReserveRules.validate(new ReserveRequest(7L, null, 1L, 4), ON_SALE, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void seatsOfAnotherEventOrBeyondTheSeatCountAreRefused400WithTheirIds() {
        long foreign = TicketIds.of(8, 0);
        long beyond = TicketIds.of(7, 100);

        assertThatThrownBy(() -> ReserveRules.validate(
                new ReserveRequest(7L, List.of(TicketIds.of(7, 1), foreign, beyond), null, null), ON_SALE, NOW))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(refusal.properties()).containsEntry("invalid_ticket_ids", List.of(foreign, beyond));
                });
    }

    @Test
    void aSectionTheEventDoesNotHaveIsRefused400() {
        assertThatThrownBy(() -> ReserveRules.validate(new ReserveRequest(7L, null, 2L, 1), ON_SALE, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void moreSeatsThanTheFanMayHoldAreRefused409WithTheLimit() {
        assertThatThrownBy(() -> ReserveRules.validate(new ReserveRequest(7L, null, 1L, 5), ON_SALE, NOW))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.TICKET_LIMIT_EXCEEDED);
                    assertThat(refusal.properties()).containsEntry("max_tickets_per_user", 4);
                });
    }

    @Test
    void aCancelledEventAndASaleNotStartedAreRefused409() {
        EventFacts cancelled = new EventFacts(7, 100, NOW.minusSeconds(3600), 600, 4, true, Set.of(1L));
        EventFacts later = new EventFacts(7, 100, NOW.plusSeconds(3600), 600, 4, false, Set.of(1L));

        assertThatThrownBy(() -> ReserveRules.validate(new ReserveRequest(7L, null, 1L, 1), cancelled, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.EVENT_CANCELLED));
        assertThatThrownBy(() -> ReserveRules.validate(new ReserveRequest(7L, null, 1L, 1), later, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.EVENT_NOT_ON_SALE));
    }

    @Test
    void theSameIdempotencyKeyOfTheSameUserNamesTheSameBooking() {
        UUID first = ReserveRules.bookingId("u-1", "key-1");
        assertThat(ReserveRules.bookingId("u-1", "key-1")).isEqualTo(first);
        assertThat(ReserveRules.bookingId("u-2", "key-1")).isNotEqualTo(first);
        assertThat(ReserveRules.bookingId("u-1", null)).isNotEqualTo(ReserveRules.bookingId("u-1", null));
    }

    @Test
    void aBlankOrOversizedIdempotencyKeyIsRefused400() {
        assertThatThrownBy(() -> ReserveRules.bookingId("u-1", " "))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> ReserveRules.bookingId("u-1", "k".repeat(129)))
                .isInstanceOf(DomainException.class);
    }
}
