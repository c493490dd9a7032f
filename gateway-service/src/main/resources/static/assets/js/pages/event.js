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
  // a presale code (optional): the waiting room queues its holder in the presale line before the general sale
  const code = h('input', { id: 'presale-code', type: 'text', autocomplete: 'off', maxlength: '80',
    placeholder: 'XXXX-XXXX-XXXX', value: presaleCode(eventId) || '' });
  const presale = event.status === 'SCHEDULED' ? h('div', { class: 'field' },
    h('label', { for: 'presale-code' }, 'Presale code (optional)'), code,
    h('p', { class: 'hint' }, 'Got a code from the organizer? Enter it to join the presale before the general sale.')) : null;
  join.addEventListener('click', () => {
    keepPresaleCode(eventId, code.value.trim());
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
    presale,
    h('div', { class: 'actions' }, event.status === 'SOLD_OUT' ? null : join,
      open || event.status === 'SOLD_OUT' ? null : h('p', { class: 'muted' }, 'Tickets are not on sale for this event.')),
    event.status === 'SOLD_OUT' ? waitlistForm(event) : null);
}

/** A sold-out event: join its waiting list for a number of seats in one section, or any. */
function waitlistForm(event) {
  const quantity = h('input', { id: 'waitlist-quantity', type: 'number', min: '1', max: '10', value: '1', required: true });
  const section = h('select', { id: 'waitlist-section' }, h('option', { value: '' }, 'Any section'),
    event.price_tiers.map((tier) => h('option', { value: String(tier.section_id) }, tier.section)));
  const form = h('form', { class: 'card', id: 'waitlist-form', 'aria-labelledby': 'waitlist-title' },
    h('h2', { id: 'waitlist-title' }, 'Sold out: join the waiting list'),
    h('p', {}, 'Seats that come back (holds that run out, refunds) are offered to the fans on the list, in order. '
      + 'When it is your turn the seats are held in your name for a few minutes: pay for them and they are yours.'),
    h('div', { class: 'field-row' },
      h('div', {}, h('label', { for: 'waitlist-quantity' }, 'Seats'), quantity),
      h('div', {}, h('label', { for: 'waitlist-section' }, 'Section'), section)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'join-waitlist' }, 'Join the waiting list')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!session()) {
      go(`#/signin?next=${encodeURIComponent(`#/events/${event.event_id}`)}`);
      return;
    }
    const body = { quantity: Number(quantity.value) };
    if (section.value) body.section_id = Number(section.value);
    try {
      await api(`/api/v1/events/${event.event_id}/waitlist`, { method: 'POST', body, retry: true });
      go(`#/events/${event.event_id}/waitlist`);
    } catch (error) {
      announce(explain(error), 'error');
    }
  });
  return form;
}

const codeKey = (eventId) => `surge.presale.${eventId}`;
export const presaleCode = (eventId) => sessionStorage.getItem(codeKey(eventId));
function keepPresaleCode(eventId, value) {
  if (value) sessionStorage.setItem(codeKey(eventId), value);
  else sessionStorage.removeItem(codeKey(eventId));
}
export const forgetPresaleCode = (eventId) => sessionStorage.removeItem(codeKey(eventId));
