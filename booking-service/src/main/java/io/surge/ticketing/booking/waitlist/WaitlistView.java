package io.surge.ticketing.booking.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** A fan's place on an event's waiting list. */
@Schema(name = "WaitlistEntry", description = "A fan's place on an event's waiting list, and its offer once made")
@JsonInclude(JsonInclude.Include.NON_NULL)
record WaitlistView(
        @Schema(description = "WAITING: in line; OFFERED: returned seats are held in the fan's name (pay the offer's "
                + "booking before `expires_at`); EXPIRED: the offer was not paid in time and went to the next fan; "
                + "FULFILLED: the offer was paid; CLOSED: the event was cancelled or its show started",
                allowableValues = {"WAITING", "OFFERED", "EXPIRED", "FULFILLED", "CLOSED"}, example = "WAITING",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,
        @Schema(description = "while WAITING: 1 for the next fan to be offered seats", example = "3", nullable = true)
        Long position,
        @Schema(description = "the event", example = "42") long eventId,
        @Schema(description = "the section waited for; absent: any", example = "1", nullable = true) Long sectionId,
        @Schema(description = "seats waited for", example = "2") int quantity,
        @Schema(description = "when the fan joined the list", example = "2027-01-10T09:12:00Z") Instant joinedAt,
        @Schema(description = "the offer, once made", nullable = true) Offer offer) {

    /** An offer: a RESERVED booking in the fan's name, paid like any hold with the admission token given here. */
    @Schema(name = "WaitlistOffer", description = "Seats held in the fan's name: pay the booking like any hold, with "
            + "`admission_token` as `X-Admission-Token`")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Offer(
            @Schema(description = "the booking holding the seats", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01")
            UUID bookingId,
            @Schema(description = "the seats offered", example = "[1042, 1043]") List<Long> ticketIds,
            @Schema(description = "when the hold ends unless paid", example = "2027-01-10T09:22:00Z") Instant expiresAt,
            @Schema(description = "only while OFFERED: the token to pay with (bound to the fan and the event, valid "
                    + "until the offer expires)", example = "v2.3f9a1c0e.eyJ1IjoidS0xIiwiZSI6NDJ9.q1v8nV3wq0f3b2cXyZ",
                    nullable = true)
            String admissionToken) {
    }
}
