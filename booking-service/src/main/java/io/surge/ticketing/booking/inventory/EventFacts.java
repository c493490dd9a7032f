package io.surge.ticketing.booking.inventory;

import java.time.Instant;
import java.util.Set;

import io.surge.ticketing.contracts.ErrorCode;

/**
 * What the booking side knows of an event: its size, its sections, its lifecycle (sale start, show start, refund
 * deadline, draft or published, cancelled) and the sale settings in force.
 *
 * @param startsAt       the show's start: the sale closes then (null: not known, never closes)
 * @param refundDeadline fans may refund until then (null: not known)
 * @param published      false while the event is a DRAFT (fans are told it does not exist)
 * @param presaleStartsAt the presale window's start (null: no presale). Inside the window the sale is open to the
 *                        fans the presale line admitted: nobody else holds an admission token for the event before
 *                        on_sale_at, because the general line admits nobody before it
 * @param presaleEndsAt   the presale window's end (null: no presale)
 */
public record EventFacts(long eventId, int seatCount, Instant onSaleAt, int holdSeconds, int maxTicketsPerUser,
        boolean cancelled, Set<Long> sectionIds, Instant startsAt, Instant refundDeadline, boolean published,
        Instant presaleStartsAt, Instant presaleEndsAt) {

    public EventFacts {
        sectionIds = sectionIds == null ? Set.of() : Set.copyOf(sectionIds);
    }

    /** An event without presale. */
    public EventFacts(long eventId, int seatCount, Instant onSaleAt, int holdSeconds, int maxTicketsPerUser,
            boolean cancelled, Set<Long> sectionIds, Instant startsAt, Instant refundDeadline, boolean published) {
        this(eventId, seatCount, onSaleAt, holdSeconds, maxTicketsPerUser, cancelled, sectionIds, startsAt,
                refundDeadline, published, null, null);
    }

    /** A published event with no known start or refund deadline. */
    public EventFacts(long eventId, int seatCount, Instant onSaleAt, int holdSeconds, int maxTicketsPerUser,
            boolean cancelled, Set<Long> sectionIds) {
        this(eventId, seatCount, onSaleAt, holdSeconds, maxTicketsPerUser, cancelled, sectionIds, null, null, true);
    }

    /** Whether the event has this section (a made-up section is refused at the door, never buffered). */
    public boolean hasSection(long sectionId) {
        return sectionIds.contains(sectionId);
    }

    /** The general sale has started, or the presale window is on. */
    public boolean onSale(Instant now) {
        return onSaleAt == null || !now.isBefore(onSaleAt) || inPresale(now);
    }

    /** Inside the presale window. */
    public boolean inPresale(Instant now) {
        return presaleStartsAt != null && presaleEndsAt != null && !now.isBefore(presaleStartsAt)
                && now.isBefore(presaleEndsAt);
    }

    /** Whether the show has started (the sale is closed). */
    public boolean closed(Instant now) {
        return startsAt != null && !now.isBefore(startsAt);
    }

    /**
     * Why a reservation for this event is refused outright at {@code now}, or null when it may be decided: a DRAFT
     * does not exist for fans, then a cancelled event, a started show and a sale not yet open, in that order. The
     * door and the decider ask the same question.
     */
    public ErrorCode refusal(Instant now) {
        if (!published) {
            return ErrorCode.EVENT_NOT_FOUND;
        }
        if (cancelled) {
            return ErrorCode.EVENT_CANCELLED;
        }
        if (closed(now)) {
            return ErrorCode.SALE_CLOSED;
        }
        if (!onSale(now)) {
            return ErrorCode.EVENT_NOT_ON_SALE;
        }
        return null;
    }

    /** Whether fans can buy right now: published, not cancelled, the sale open and the show not started. */
    public boolean live(Instant now) {
        return refusal(now) == null;
    }
}
