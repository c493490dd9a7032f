-- A cancelled event sells nothing more: new reservations are refused and holds can no longer be paid.
ALTER TABLE event_inventory ADD COLUMN cancelled boolean NOT NULL DEFAULT false;
