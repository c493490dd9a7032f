-- Waiting lists: fans of a sold-out event wait per section (or for any section); seats that come back are offered to
-- them first, in order, as a hold in the fan's name.

CREATE TABLE waitlist_entries (
    entry_id     bigserial   PRIMARY KEY,              -- the order of joining
    event_id     bigint      NOT NULL,
    user_id      text        NOT NULL,
    section_id   bigint,                               -- null: any section
    quantity     integer     NOT NULL CHECK (quantity > 0),
    -- WAITING -> OFFERED (with booking_id, a RESERVED booking); what happened to the offer is its booking's status
    status       text        NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'OFFERED')),
    booking_id   uuid        UNIQUE,
    offered_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, user_id),
    CHECK ((status = 'OFFERED') = (booking_id IS NOT NULL))
);
CREATE INDEX waitlist_waiting ON waitlist_entries (event_id, entry_id) WHERE status = 'WAITING';

-- A seat that comes back (a hold expired or cancelled, a refund) while fans wait for its section is RETURNED, not
-- AVAILABLE: no reservation can claim it (they claim AVAILABLE seats only), it stays taken in the availability
-- bitfield, and the waiting-list allocator offers it to the first fan it can serve. Deciding this in the database
-- covers every path that gives seats back (booking's, cleanup-worker's expiry) in the same statement.
ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD', 'RETURNED'));
ALTER TABLE tickets DROP CONSTRAINT tickets_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_booking_check
    CHECK ((status IN ('AVAILABLE', 'RETURNED')) = (booking_id IS NULL));
CREATE INDEX tickets_returned ON tickets (event_id, section_id, seat_index) WHERE status = 'RETURNED';

CREATE FUNCTION tickets_return_to_waiting_list() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM waitlist_entries w
               WHERE w.event_id = NEW.event_id AND w.status = 'WAITING'
                 AND (w.section_id IS NULL OR w.section_id = NEW.section_id))
       AND NOT EXISTS (SELECT 1 FROM event_inventory e
                       WHERE e.event_id = NEW.event_id AND (e.cancelled OR e.starts_at <= now())) THEN
        NEW.status := 'RETURNED';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER tickets_return_to_waiting_list
    BEFORE UPDATE OF status ON tickets
    FOR EACH ROW WHEN (NEW.status = 'AVAILABLE' AND OLD.status IN ('HELD', 'SOLD'))
    EXECUTE FUNCTION tickets_return_to_waiting_list();
