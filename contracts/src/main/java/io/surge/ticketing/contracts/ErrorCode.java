package io.surge.ticketing.contracts;

/**
 * The stable, machine-readable {@code code} member of every problem+json the platform answers.
 * Clients switch on these; never rename one.
 */
public enum ErrorCode {
    VALIDATION_FAILED,
    MALFORMED_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    ADMISSION_REQUIRED,
    ADMISSION_INVALID,
    ADMISSION_EXPIRED,
    ADMISSION_WRONG_EVENT,
    ADMISSION_WRONG_USER,
    NOT_FOUND,
    EVENT_NOT_FOUND,
    BOOKING_NOT_FOUND,
    SEATS_UNAVAILABLE,
    TICKET_LIMIT_EXCEEDED,
    EVENT_NOT_ON_SALE,
    BOOKING_NOT_CANCELLABLE,
    HOLD_EXPIRED,
    PAYMENT_DECLINED,
    PAYMENT_PROVIDER_ERROR,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_KEY_IN_USE,
    IDEMPOTENCY_KEY_REQUIRED,
    RATE_LIMITED,
    PAYLOAD_TOO_LARGE,
    /** A request line (path and query) longer than the edge accepts. */
    URI_TOO_LONG,
    METHOD_NOT_ALLOWED,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    OVERLOADED,
    SERVICE_UNAVAILABLE,
    UPSTREAM_TIMEOUT,
    CONFLICT,
    INTERNAL_ERROR,
    /** An event refers to a venue the catalog does not know. */
    VENUE_NOT_FOUND,
    /** Joining a waiting room before its pre-queue opens. */
    WAITING_ROOM_NOT_OPEN,
    /** Asking for a waiting-room status without having joined (or after the entry was dropped). */
    NOT_IN_QUEUE,
    EVENT_CANCELLED,
    /** Reservations after the show started. */
    SALE_CLOSED,
    /** Tickets of a booking that is not CONFIRMED. */
    BOOKING_NOT_CONFIRMED,
    /** A door scan of a code already checked in (the answer names the first check-in). */
    ALREADY_CHECKED_IN,
    /** A door scan of a forged code, or of another event's code. */
    INVALID_TICKET,
    /** A door scan of a refunded ticket. */
    TICKET_REFUNDED,
    /** A refund after the event's refund deadline. */
    REFUND_WINDOW_CLOSED,
    /** Joining a waiting room with a presale code the event's presale does not have (or an event without presale). */
    INVALID_PRESALE_CODE,
    /** Joining with a presale code whose uses are all taken. */
    PRESALE_CODE_EXHAUSTED,
    /** Joining the waiting list of an event that still has seats on sale. */
    EVENT_NOT_SOLD_OUT;

    /** The closest stable code for a bare HTTP status (framework errors carry no code of their own). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 502, 503 -> SERVICE_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> status >= 400 && status < 500 ? VALIDATION_FAILED : INTERNAL_ERROR;
        };
    }
}
