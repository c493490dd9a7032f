// The seat map: the static layout (/seatmap) drawn once, greyed from the availability bitfield (bit i, most
// significant bit of byte 0 = seat 0, 1 = held or sold), refreshed with If-None-Match. Click seats, or ask for the
// best available in a section; then reserve with the admission token.
import { api, maxAgeSeconds } from '../api.js';
import { admissionToken } from '../admission.js';
import { h, page, money, announce, explain, loop, go, liveness } from '../ui.js';

const REFRESH_MIN_MS = 2000;

export async function seatsPage(eventId) {
  page('Choose your seats');
  const token = admissionToken(eventId);
  if (!token) {
    page('Choose your seats', h('p', {}, 'You need to pass the waiting room first. ',
      h('a', { href: `#/events/${eventId}/queue` }, 'Join the waiting room')));
    return;
  }
  const alive = liveness();
  let map;
  let event;
  try {
    [{ data: map }, { data: event }] = await Promise.all([
      api(`/api/v1/events/${eventId}/seatmap`, { auth: false }),
      api(`/api/v1/events/${eventId}`, { auth: false }),
    ]);
  } catch (error) {
    announce(explain(error), 'error');
    return;
  }

  if (!alive()) return;
  const chosen = new Map(); // ticket_id -> {seat, section}
  const buttons = new Map(); // ticket_id -> button
  const summary = h('p', { id: 'selection-summary', 'aria-live': 'polite' }, 'No seats chosen yet.');
  const reserve = h('button', { type: 'button', id: 'reserve-seats', disabled: true }, 'Reserve chosen seats');
  const asOf = h('p', { class: 'hint', id: 'availability-as-of' });

  const seated = map.sections.filter((s) => !s.general_admission);
  const sectionViews = seated.map((section) => {
    const rows = new Map();
    for (const seat of section.seats) {
      if (!rows.has(seat.row)) rows.set(seat.row, []);
      rows.get(seat.row).push(seat);
    }
    return h('section', { class: 'section card', 'aria-labelledby': `section-${section.section_id}` },
      h('h2', { id: `section-${section.section_id}` }, `Section ${section.name} · ${money(section.price_cents)}`),
      [...rows.entries()].map(([row, seats]) => h('div', { class: 'seat-row', role: 'group', 'aria-label': `Row ${row}` },
        h('span', { class: 'row-label', 'aria-hidden': 'true' }, row),
        seats.map((seat) => seatButton(section, seat)))));
  });

  function seatButton(section, seat) {
    const button = h('button', { type: 'button', class: 'seat', 'aria-pressed': 'false', 'data-ticket-id': seat.ticket_id,
      'data-seat-index': seat.seat_index, 'aria-label': `Section ${section.name}, row ${seat.row}, seat ${seat.number}, ${money(section.price_cents)}` },
    String(seat.number));
    button.addEventListener('click', () => {
      if (chosen.has(seat.ticket_id)) chosen.delete(seat.ticket_id);
      else chosen.set(seat.ticket_id, { seat, section });
      button.setAttribute('aria-pressed', String(chosen.has(seat.ticket_id)));
      updateSummary();
    });
    buttons.set(seat.ticket_id, button);
    return button;
  }

  function updateSummary() {
    const seats = [...chosen.values()];
    const total = seats.reduce((sum, c) => sum + c.section.price_cents, 0);
    summary.textContent = seats.length === 0 ? 'No seats chosen yet.'
      : `${seats.length} seat${seats.length === 1 ? '' : 's'} chosen: ${seats.map((c) => `${c.section.name} ${c.seat.row}${c.seat.number}`).join(', ')} · ${money(total)}`;
    reserve.disabled = seats.length === 0;
  }

  // best available: a section (standing areas included) and a quantity
  const sectionSelect = h('select', { id: 'best-section', name: 'section_id' },
    map.sections.map((s) => h('option', { value: s.section_id }, `${s.name}${s.general_admission ? ' (standing)' : ''} · ${money(s.price_cents)}`)));
  const quantity = h('input', { type: 'number', id: 'best-quantity', name: 'quantity', min: '1', max: '10', value: '2', required: true });
  const bestForm = h('form', { class: 'card', id: 'best-available' },
    h('h2', {}, 'Or: best available'),
    h('div', { class: 'field-row' },
      h('div', {}, h('label', { for: 'best-section' }, 'Section'), sectionSelect),
      h('div', {}, h('label', { for: 'best-quantity' }, 'Quantity'), quantity)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'reserve-best' }, 'Reserve best available')));
  bestForm.addEventListener('submit', (e) => {
    e.preventDefault();
    book({ event_id: Number(eventId), section_id: Number(sectionSelect.value), quantity: Number(quantity.value) });
  });
  reserve.addEventListener('click', () => book({ event_id: Number(eventId), ticket_ids: [...chosen.keys()] }));

  page(`Seats · ${event.name}`,
    h('div', { class: 'legend', 'aria-hidden': 'true' },
      h('span', { class: 'l-free' }, 'Free'), h('span', { class: 'l-chosen' }, 'Chosen'), h('span', { class: 'l-taken' }, 'Taken')),
    asOf,
    h('div', { id: 'seat-map' }, sectionViews),
    h('div', { class: 'card' }, summary, h('div', { class: 'actions' }, reserve)),
    bestForm);

  // availability, refreshed while the page is open; 304 keeps what we have
  let etag = null;
  loop(async () => {
    try {
      const { status, data, headers } = await api(`/api/v1/events/${eventId}/availability`, {
        auth: false, cache: 'no-store', headers: etag ? { 'If-None-Match': etag } : {},
      });
      if (status !== 304) {
        etag = headers.get('ETag');
        paint(data);
      }
      return Math.max(REFRESH_MIN_MS, (maxAgeSeconds(headers) ?? 1) * 1000);
    } catch (error) {
      return Math.max(REFRESH_MIN_MS, (error.retryAfter ?? 5) * 1000);
    }
  });

  function paint(availability) {
    const bits = Uint8Array.from(atob(availability.bitfield), (c) => c.charCodeAt(0));
    for (const [ticketId, button] of buttons) {
      const index = Number(button.dataset.seatIndex);
      const taken = ((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1;
      button.classList.toggle('taken', taken === 1);
      button.disabled = taken === 1;
      if (taken && chosen.has(ticketId)) {
        chosen.delete(ticketId);
        button.setAttribute('aria-pressed', 'false');
        updateSummary();
      }
      const label = button.getAttribute('aria-label').replace(/, taken$/, '');
      button.setAttribute('aria-label', taken ? `${label}, taken` : label);
    }
    asOf.textContent = `Availability as of ${new Date(availability.as_of).toLocaleTimeString()}`;
  }

  async function book(body) {
    reserve.disabled = true;
    announce('Reserving…');
    try {
      const { data } = await api('/api/v1/bookings/reserve', { method: 'POST', body, headers: { 'X-Admission-Token': token } });
      announce(data.status === 'PENDING' ? 'Your request is in line: confirming your seats…' : 'Seats held: pay before the countdown ends.', 'ok');
      go(`#/bookings/${data.booking_id}`);
    } catch (error) {
      if (error.code === 'SEATS_UNAVAILABLE') {
        for (const id of error.problem.unavailable_ticket_ids || []) {
          chosen.delete(id);
          buttons.get(id)?.setAttribute('aria-pressed', 'false');
        }
        updateSummary();
        etag = null;
      }
      if (error.code?.startsWith('ADMISSION_')) {
        announce(explain(error), 'error');
        go(`#/events/${eventId}/queue`);
        return;
      }
      announce(explain(error), 'error');
      reserve.disabled = chosen.size === 0;
    }
  }
}
