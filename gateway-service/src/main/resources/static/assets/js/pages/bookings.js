// My bookings: the caller's own, newest first, with the event each is for.
import { api } from '../api.js';
import { h, page, money, badge, announce, explain, dateTime, liveness } from '../ui.js';

export async function bookingsPage() {
  page('My bookings', h('p', { class: 'muted' }, 'Loading…'));
  const alive = liveness();
  let data;
  try {
    ({ data } = await api('/api/v1/bookings?page=1&size=50'));
  } catch (error) {
    announce(explain(error), 'error');
    return;
  }
  if (!alive()) return;
  if (data.results.length === 0) {
    page('My bookings', h('p', {}, 'No bookings yet. ', h('a', { href: '#/' }, 'Find an event')));
    return;
  }
  const events = new Map();
  await Promise.all([...new Set(data.results.map((b) => b.event_id))].map((id) =>
    api(`/api/v1/events/${id}`, { auth: false }).then(({ data: e }) => events.set(id, e)).catch(() => {})));
  if (!alive()) return;
  page('My bookings', h('ul', { class: 'results', id: 'my-bookings' }, data.results.map((b) => {
    const event = events.get(b.event_id);
    return h('li', { class: 'result', 'data-booking-id': b.booking_id }, h('a', { href: `#/bookings/${b.booking_id}` },
      h('div', { class: 'name' }, event ? event.name : `Event ${b.event_id}`),
      h('div', {}, badge(b.status), ` · ${b.ticket_ids?.length ?? 0} seat(s) · ${b.total_cents != null ? money(b.total_cents) : ''}`),
      h('div', { class: 'muted' }, event ? dateTime(event.starts_at) : '',
        b.status === 'CONFIRMED' ? ' · View tickets' : b.status === 'RESERVED' ? ' · Pay now' : '')));
  })));
}
