-- The event lifecycle (issue 17).
--
-- `status` becomes the organizer's state of the event: DRAFT (created with "publish": false: fans get 404, it is
-- not searchable, booking refuses sales), PUBLISHED, or CANCELLED. What fans see (SCHEDULED, ON_SALE, SOLD_OUT,
-- CLOSED) is derived per request from on_sale_at, starts_at and sold_out and never stored, because it changes with
-- the clock. Every event created so far was published at creation.
ALTER TABLE event DROP CONSTRAINT event_status_check;
UPDATE event SET status = 'PUBLISHED' WHERE status = 'SCHEDULED';
ALTER TABLE event ALTER COLUMN status SET DEFAULT 'PUBLISHED';

-- null while a draft (a draft cancelled before publication keeps null: it never was on sale); an insert that
-- names neither status nor published_at is a published event
ALTER TABLE event ADD COLUMN published_at timestamptz;
UPDATE event SET published_at = created_at WHERE status <> 'DRAFT';
ALTER TABLE event ALTER COLUMN published_at SET DEFAULT now();
ALTER TABLE event ADD CONSTRAINT event_status_check CHECK (
    status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')
    AND (status = 'CANCELLED' OR (status = 'DRAFT') = (published_at IS NULL)));

-- Fans may refund a paid booking until then; null means "until the show starts" (it follows a moved starts_at).
ALTER TABLE event ADD COLUMN refund_deadline timestamptz;
ALTER TABLE event ADD CONSTRAINT event_refund_deadline_check CHECK (refund_deadline IS NULL OR refund_deadline <= starts_at);

-- Booking's word on whether every seat is held or sold (booking.event-availability, a state: the newest as_of
-- wins, so an older record redelivered or reordered never undoes a newer one).
ALTER TABLE event ADD COLUMN sold_out boolean NOT NULL DEFAULT false;
ALTER TABLE event ADD COLUMN availability_as_of timestamptz;
