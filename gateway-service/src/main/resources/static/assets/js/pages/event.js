// One event: dates, venue, prices and status, and the way into its waiting room.
import { api } from '../api.js';
import { session } from '../auth.js';
import { h, page, money, dateTime, badge, announce, explain, go, liveness } from '../ui.js';

export async function eventPage(eventId) {
  page('Event');
  const alive = liveness();
  let event;
  try {
    ({ data: event } = await api(`/api/v1/events/${eventId}`, { auth: false }));
  } catch (error) {
    page('Event not found', h('p', {}, error.status === 404 ? 'This event does not exist or is not published.' : explain(error)));
    return;
  }
  if (!alive()) return;
  const open = ['SCHEDULED', 'ON_SALE'].includes(event.status);
  const join = h('button', { type: 'button', id: 'join-queue', disabled: !open },
    event.status === 'ON_SALE' ? 'Get tickets' : 'Join the waiting room');
  join.addEventListener('click', () => {
    if (!session()) {
      announce('Please sign in to get tickets.');
      go(`#/signin?next=${encodeURIComponent(`#/events/${eventId}/queue`)}`);
    } else {
      go(`#/events/${eventId}/queue`);
    }
  });
  page(event.name,
    h('p', { id: 'event-status' }, badge(event.status)),
    h('section', { class: 'card', 'aria-labelledby': 'facts-title' },
      h('h2', { id: 'facts-title' }, 'When and where'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Performer'), h('dd', {}, event.performer),
        h('dt', {}, 'Venue'), h('dd', { id: 'event-venue' }, `${event.venue.name}, ${event.venue.city} (${event.venue.country})`),
        h('dt', {}, 'Starts'), h('dd', { id: 'event-starts' }, dateTime(event.starts_at)),
        h('dt', {}, 'On sale'), h('dd', { id: 'event-on-sale' }, dateTime(event.on_sale_at)),
        h('dt', {}, 'Refunds until'), h('dd', {}, dateTime(event.refund_deadline)),
        h('dt', {}, 'Category'), h('dd', {}, event.category))),
    h('section', { class: 'card', 'aria-labelledby': 'prices-title' },
      h('h2', { id: 'prices-title' }, 'Prices'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'price-tiers' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Section'), h('th', { scope: 'col' }, 'Price'))),
        h('tbody', {}, event.price_tiers.map((tier) => h('tr', {},
          h('td', {}, tier.section + (tier.general_admission ? ' (standing)' : '')), h('td', {}, money(tier.price_cents)))))))),
    h('div', { class: 'actions' }, join,
      open ? null : h('p', { class: 'muted' }, 'Tickets are not on sale for this event.')));
}
