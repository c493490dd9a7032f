// A sold-out event's waiting list: the fan's place, then the offer (seats held in the fan's name) to pay in time.
import { api } from '../api.js';
import { keepAdmissionToken } from '../admission.js';
import { h, page, badge, announce, explain, loop, remaining, liveness } from '../ui.js';

const POLL_MS = 3000;

export async function waitlistPage(eventId) {
  const state = h('p', { id: 'waitlist-state' });
  const detail = h('p', { id: 'waitlist-detail' });
  const action = h('div', { class: 'actions', id: 'waitlist-action' });
  const eventName = h('p', { class: 'muted' });
  page('Waiting list', eventName, h('section', { class: 'card', 'aria-live': 'polite' }, state, detail, action),
    h('p', { class: 'hint' }, 'Keep this page open: when seats come back for you, they are held in your name here.'));
  const alive = liveness();
  api(`/api/v1/events/${eventId}`, { auth: false })
    .then(({ data }) => { if (alive()) eventName.textContent = data.name; })
    .catch(() => {});

  let announcedOffer = null;
  loop(async () => {
    let entry;
    try {
      ({ data: entry } = await api(`/api/v1/events/${eventId}/waitlist/me`));
    } catch (error) {
      if (error.status === 404) {
        state.replaceChildren('You are not on this event\'s waiting list. ',
          h('a', { href: `#/events/${eventId}` }, 'Back to the event'));
        return null;
      }
      detail.textContent = explain(error);
      return Math.max(POLL_MS, (error.retryAfter ?? 3) * 1000);
    }
    if (!alive()) return null;
    render(entry);
    return ['WAITING', 'OFFERED'].includes(entry.status) ? POLL_MS : null;
  });

  function render(entry) {
    const seats = `${entry.quantity} seat${entry.quantity === 1 ? '' : 's'}`;
    action.replaceChildren();
    switch (entry.status) {
      case 'WAITING':
        state.replaceChildren(badge('WAITING'), ` You wait for ${seats}.`);
        detail.textContent = entry.position === 1 ? 'You are next when seats come back.'
          : `${entry.position - 1} fan${entry.position === 2 ? '' : 's'} ahead of you.`;
        break;
      case 'OFFERED': {
        keepAdmissionToken(eventId, entry.offer.admission_token);
        state.replaceChildren(badge('OFFERED'), ` ${seats} ${entry.quantity === 1 ? 'is' : 'are'} held for you!`);
        detail.textContent = `Pay within ${remaining(entry.offer.expires_at).text} or they go to the next fan.`;
        action.append(h('a', { class: 'button', id: 'pay-offer', href: `#/bookings/${entry.offer.booking_id}` },
          'Pay for your seats'));
        if (announcedOffer !== entry.offer.booking_id) {
          announcedOffer = entry.offer.booking_id;
          announce('Seats came back for you: pay for them before the time runs out.', 'ok');
        }
        break;
      }
      case 'FULFILLED':
        state.replaceChildren(badge('FULFILLED'), ' You got your seats.');
        detail.textContent = '';
        action.append(h('a', { class: 'button', href: `#/bookings/${entry.offer.booking_id}` }, 'See your tickets'));
        break;
      case 'EXPIRED':
        state.replaceChildren(badge('EXPIRED'), ' Your offer was not paid in time.');
        detail.textContent = 'The seats went to the next fan on the list.';
        break;
      default:
        state.replaceChildren(badge('CLOSED'), ' The waiting list is closed.');
        detail.textContent = 'The event was cancelled or has started.';
    }
  }
}
