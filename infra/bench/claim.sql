-- pgbench: the booking service's claim of one best-available seat, as ReservationDecider runs it
-- (TicketRepository.claimBestAvailableForUpdateSkipLocked, then hold), one transaction per claim.
\set section random(:first_section, :last_section)
BEGIN;
SELECT ticket_id, seat_index, price_cents FROM tickets
 WHERE event_id = :event_id AND section_id = :section AND status = 'AVAILABLE'
 ORDER BY seat_index LIMIT 1 FOR UPDATE SKIP LOCKED \gset
UPDATE tickets SET status = 'HELD', booking_id = gen_random_uuid(), updated_at = now()
 WHERE event_id = :event_id AND ticket_id = :ticket_id AND status = 'AVAILABLE';
COMMIT;
