-- After the sale: refunds, tickets and door scans, the event's lifecycle, price changes, the sold-out signal.

-- A CONFIRMED booking may be refunded (payment-service records the provider's refund here, once).
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('RESERVED', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REJECTED', 'REFUNDED'));
ALTER TABLE bookings
    ADD COLUMN refund_id      text,
    ADD COLUMN refunded_cents bigint,
    ADD COLUMN refunded_at    timestamptz,
    -- the price each seat was quoted at, in ticket_ids' order (a later price change never touches a hold); null for
    -- bookings decided before this column existed, whose seats were priced at tickets.price_cents
    ADD COLUMN ticket_prices  bigint[];

-- A fan's own bookings, newest first (GET /api/v1/bookings).
CREATE INDEX bookings_by_user_newest ON bookings (user_id, created_at DESC);
-- An event's bookings by state: cancellation effects and the sales report.
CREATE INDEX bookings_by_event_status ON bookings (event_id, status);

-- The event's lifecycle as the catalog's inventory message tells it.
ALTER TABLE event_inventory
    ADD COLUMN starts_at       timestamptz,
    ADD COLUMN refund_deadline timestamptz,
    ADD COLUMN published       boolean NOT NULL DEFAULT true;

-- The seat map's shape per section: row and number of a seat derive from it exactly as the catalog's seat map does.
-- Null for sections loaded before this column existed (until the catalog sends the event's inventory again).
ALTER TABLE event_sections
    ADD COLUMN rows          integer,
    ADD COLUMN seats_per_row integer;

-- One row per ticket checked in at the door: the key makes a second scan of the same ticket a conflict, however
-- many scanners race.
CREATE TABLE check_ins (
    booking_id    uuid        NOT NULL,
    ticket_id     bigint      NOT NULL,
    event_id      bigint      NOT NULL,
    checked_in_at timestamptz NOT NULL DEFAULT now(),
    scanned_by    text,
    PRIMARY KEY (booking_id, ticket_id)
);
CREATE INDEX check_ins_by_event ON check_ins (event_id);

-- What the sold-out publisher last announced per event on booking.event-availability.
CREATE TABLE availability_announcements (
    event_id     bigint      PRIMARY KEY,
    sold_out     boolean     NOT NULL,
    available    integer     NOT NULL,
    announced_at timestamptz NOT NULL
);
