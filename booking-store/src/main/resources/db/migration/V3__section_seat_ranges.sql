-- Each section's seats are consecutive seat indexes (the catalog's section blocks): kept here so the API can
-- tell, from the availability bitfield alone, that a section is sold out.
ALTER TABLE event_sections ADD COLUMN first_seat_index integer, ADD COLUMN seat_count integer;

UPDATE event_sections s
SET first_seat_index = t.first_seat_index, seat_count = t.seat_count
FROM (SELECT event_id, section_id, min(seat_index) AS first_seat_index, count(*)::int AS seat_count
      FROM tickets GROUP BY event_id, section_id) t
WHERE s.event_id = t.event_id AND s.section_id = t.section_id;
