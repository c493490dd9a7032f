-- Ticket inventory and bookings. PostgreSQL is the only source of truth for who holds a seat;
-- the Redis bitfield and every cache are rebuilt from these tables.

-- One row per event on sale here.
CREATE TABLE event_inventory (
    event_id   bigint      PRIMARY KEY,
    seat_count integer     NOT NULL CHECK (seat_count >= 0),
    on_sale_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The sale settings the booking side enforces, from the waiting room's compacted topic. They may arrive
-- before the inventory, so they are kept apart; an event without a row uses the configured defaults.
CREATE TABLE sale_settings (
    event_id             bigint      PRIMARY KEY,
    hold_seconds         integer     NOT NULL CHECK (hold_seconds > 0),
    max_tickets_per_user integer     NOT NULL CHECK (max_tickets_per_user > 0),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE event_sections (
    event_id    bigint  NOT NULL REFERENCES event_inventory (event_id),
    section_id  bigint  NOT NULL,
    name        text    NOT NULL,
    price_cents bigint  NOT NULL CHECK (price_cents >= 0),
    PRIMARY KEY (event_id, section_id)
);

-- One row per seat. The key leads with the event so one event's seats sit together and a claim
-- locks exactly one row per seat (the seed's "composite key, single lock per row").
CREATE TABLE tickets (
    event_id    bigint      NOT NULL,
    ticket_id   bigint      NOT NULL,
    seat_index  integer     NOT NULL,
    section_id  bigint      NOT NULL,
    price_cents bigint      NOT NULL,
    status      text        NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
    booking_id  uuid,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, ticket_id),
    CHECK ((status = 'AVAILABLE') = (booking_id IS NULL))
);

-- Best-available scans walk only the available seats of one section in seat order.
CREATE INDEX tickets_available_by_section ON tickets (event_id, section_id, seat_index) WHERE status = 'AVAILABLE';
CREATE INDEX tickets_by_booking ON tickets (booking_id) WHERE booking_id IS NOT NULL;

CREATE TABLE bookings (
    booking_id  uuid        PRIMARY KEY,
    event_id    bigint      NOT NULL,
    user_id     text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('RESERVED', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REJECTED')),
    ticket_ids  bigint[]    NOT NULL DEFAULT '{}',
    -- for REJECTED: the requested seats that were taken
    unavailable_ticket_ids bigint[] NOT NULL DEFAULT '{}',
    total_cents bigint      NOT NULL DEFAULT 0,
    expires_at  timestamptz,
    reason      text,
    payment_id  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bookings_live_by_user ON bookings (event_id, user_id) WHERE status IN ('RESERVED', 'CONFIRMED');
CREATE INDEX bookings_reserved_by_expiry ON bookings (expires_at) WHERE status = 'RESERVED';

-- Transactional outbox: every state change writes its event here in the same transaction;
-- a relay publishes and deletes rows (FOR UPDATE SKIP LOCKED, safe on several replicas).
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
