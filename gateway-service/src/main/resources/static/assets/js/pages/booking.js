// One booking: a pending request polled until decided; a hold with its countdown, payment (test cards) and release;
// a paid booking's tickets with their QR codes, and its refund while the event allows one.
import { api, newIdempotencyKey, sleep } from '../api.js';
import { admissionToken } from '../admission.js';
import { leavePage, h, page, money, dateTime, badge, announce, explain, every, loop, remaining, go, onLeave, liveness } from '../ui.js';

const TEST_CARDS = [
  ['tok_visa', 'Visa test card: succeeds'],
  ['tok_declined', 'Declined test card'],
  ['tok_slow', 'Slow test card: succeeds after a delay'],
  ['tok_error', 'Provider error: fails, retry is safe'],
];

// One Idempotency-Key per payment attempt (booking + card), kept in this tab across retries of that attempt.
const attemptKey = (kind, bookingId) => `surge.${kind}.${bookingId}`;
function keyFor(kind, bookingId, body) {
  const stored = JSON.parse(sessionStorage.getItem(attemptKey(kind, bookingId)) || 'null');
  if (stored && stored.body === JSON.stringify(body)) return stored.key;
  const key = newIdempotencyKey();
  sessionStorage.setItem(attemptKey(kind, bookingId), JSON.stringify({ key, body: JSON.stringify(body) }));
  return key;
}
const endAttempt = (kind, bookingId) => sessionStorage.removeItem(attemptKey(kind, bookingId));

export async function bookingPage(bookingId) {
  page(`Booking ${bookingId}`, h('p', { class: 'muted' }, 'Loading…'));
  const alive = liveness();
  let booking;
  try {
    ({ data: booking } = await api(`/api/v1/bookings/${bookingId}`));
  } catch (error) {
    page('Booking not found', h('p', {}, error.status === 404 ? 'There is no such booking in your account.' : explain(error)));
    return;
  }
  let event = null;
  try {
    ({ data: event } = await api(`/api/v1/events/${booking.event_id}`, { auth: false }));
  } catch { /* shown without the event's details */ }
  if (alive()) show(booking, event);
}

function show(booking, event) {
  leavePage(); // the timers of what was shown before (a countdown, a poller) stop with it
  const header = [
    h('p', {}, h('span', { id: 'booking-status' }, badge(booking.status)), ' ',
      event ? h('a', { href: `#/events/${event.event_id}` }, event.name) : `Event ${booking.event_id}`),
    h('dl', { class: 'facts card' },
      h('dt', {}, 'Seats'), h('dd', {}, String(booking.ticket_ids?.length ?? '—')),
      h('dt', {}, 'Total'), h('dd', { id: 'booking-total' }, booking.total_cents != null ? money(booking.total_cents) : '—'),
      event ? [h('dt', {}, 'Starts'), h('dd', {}, dateTime(event.starts_at))] : null),
  ];
  const title = `Booking ${booking.booking_id}`;
  switch (booking.status) {
    case 'PENDING': return pending(title, header, booking, event);
    case 'RESERVED': return checkout(title, header, booking, event);
    case 'CONFIRMED': return tickets(title, header, booking, event);
    default: {
      const why = { EXPIRED: 'The hold expired before it was paid; the seats went back on sale.',
        CANCELLED: 'This booking was cancelled.', REJECTED: 'These seats could not be reserved: they were taken first.',
        REFUNDED: 'This booking was refunded.' }[booking.status];
      page(title, header, h('p', {}, why || ''), h('p', {}, h('a', { href: '#/bookings' }, 'Back to my bookings')));
    }
  }
}

async function reload(booking, event) {
  const { data } = await api(`/api/v1/bookings/${booking.booking_id}`);
  show(data, event);
}

function pending(title, header, booking, event) {
  page(title, header, h('p', { 'aria-live': 'polite' }, 'Your request is being confirmed. This takes a moment…'));
  loop(async () => {
    try {
      const { data } = await api(`/api/v1/bookings/${booking.booking_id}`);
      if (data.status === 'PENDING') return 1000;
      if (data.status === 'REJECTED') announce(explain({ code: 'SEATS_UNAVAILABLE' }), 'error');
      show(data, event);
      return null;
    } catch (error) {
      return (error.retryAfter ?? 2) * 1000;
    }
  });
}

function checkout(title, header, booking, event) {
  const countdown = h('span', { class: 'countdown', id: 'hold-countdown' });
  let expired = false;
  const tick = () => {
    const left = remaining(booking.expires_at);
    countdown.textContent = left.text;
    if (left.seconds === 0 && !expired) {
      expired = true;
      pay.disabled = true;
      announce(explain({ code: 'HOLD_EXPIRED' }), 'error');
      // the expiry worker ends the hold within moments: read the booking again then
      setTimeout(() => reload(booking, event).catch(() => {}), 3000);
    }
  };
  every(1000, tick);

  const radios = TEST_CARDS.map(([value, label], i) => h('label', { class: 'inline', for: `card-${value}` },
    h('input', { type: 'radio', name: 'payment_token', id: `card-${value}`, value, checked: i === 0 }), label));
  const pay = h('button', { type: 'submit', id: 'pay' }, `Pay ${booking.total_cents != null ? money(booking.total_cents) : ''}`);
  const release = h('button', { type: 'button', class: 'secondary', id: 'release-hold' }, 'Release these seats');
  const form = h('form', { class: 'card', id: 'payment-form' },
    h('fieldset', {}, h('legend', {}, 'Pay with a test card'), radios.map((r) => h('div', {}, r))),
    h('div', { class: 'actions' }, pay, release));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { payment_token: form.elements.payment_token.value };
    const key = keyFor('payment', booking.booking_id, body);
    pay.disabled = true;
    announce('Processing your payment…');
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await api(`/api/v1/bookings/${booking.booking_id}/payment`, { method: 'POST', body,
            headers: { 'Idempotency-Key': key, 'X-Admission-Token': admissionToken(booking.event_id) || '' } });
          break;
        } catch (error) {
          // the same payment still running elsewhere (a double click, a retry): wait for it with the same key
          if (error.status === 409 && error.code !== 'HOLD_EXPIRED' && error.code !== 'EVENT_CANCELLED' && attempt < 10) {
            await sleep((error.retryAfter ?? 1) * 1000);
            continue;
          }
          throw error;
        }
      }
      endAttempt('payment', booking.booking_id);
      announce('Payment received: your tickets are ready.', 'ok');
      await reload(booking, event);
    } catch (error) {
      // a definitive refusal ends the attempt (a new card is a new attempt); a provider error or a lost answer
      // keeps the key, so "Pay" again repeats the same attempt and can never charge twice
      if (error.status && error.status < 500) endAttempt('payment', booking.booking_id);
      const retryable = !error.status || error.status >= 500;
      announce(retryable ? `${explain(error)} Your card was not charged twice: press Pay to retry.` : explain(error), 'error');
      pay.disabled = false;
      if (error.code === 'HOLD_EXPIRED' || error.code === 'EVENT_CANCELLED') reload(booking, event).catch(() => {});
    }
  });

  release.addEventListener('click', async () => {
    if (!confirm('Release these seats? Someone else may buy them.')) return;
    try {
      await api(`/api/v1/bookings/${booking.booking_id}`, { method: 'DELETE',
        headers: { 'X-Admission-Token': admissionToken(booking.event_id) || '' } });
      announce('Your seats were released.', 'ok');
      await reload(booking, event);
    } catch (error) {
      announce(error.code?.startsWith('ADMISSION_')
        ? 'Your waiting-room pass has ended, so the seats cannot be released here; they free up when the countdown ends.'
        : explain(error), 'error');
    }
  });

  page(title, header,
    h('p', { class: 'notice' }, 'Your seats are held for ', countdown, '. Pay before the countdown ends.'),
    form);
  tick();
}

async function tickets(title, header, booking, event) {
  const list = h('ul', { class: 'tickets', id: 'tickets', 'aria-label': 'Tickets' });
  const refundArea = h('div', { class: 'actions' });
  page(title, header, h('h2', {}, 'Your tickets'), list, refundArea);
  let answer;
  try {
    ({ data: answer } = await api(`/api/v1/bookings/${booking.booking_id}/tickets`));
  } catch (error) {
    announce(explain(error), 'error');
    return;
  }
  const urls = [];
  onLeave(() => urls.forEach((url) => URL.revokeObjectURL(url)));
  for (const ticket of answer.tickets) {
    const img = h('img', { class: 'qr', width: '180', height: '180',
      alt: `QR code of the ticket for section ${ticket.section}, row ${ticket.row ?? '-'}, seat ${ticket.number ?? '-'}` });
    list.append(h('li', { class: 'ticket', 'data-ticket-id': ticket.ticket_id },
      h('p', {}, h('strong', {}, `Section ${ticket.section}`), ticket.row ? ` · Row ${ticket.row} · Seat ${ticket.number}` : ' · Standing'),
      img, h('p', {}, badge(ticket.status), ' ', money(ticket.price_cents))));
    // the image needs the bearer header: fetched as a blob, shown through an object URL
    api(`/api/v1/bookings/${booking.booking_id}/tickets/${ticket.ticket_id}/qr`, { raw: true, headers: { Accept: 'image/png' } })
      .then((response) => response.blob())
      .then((blob) => { const url = URL.createObjectURL(blob); urls.push(url); img.src = url; })
      .catch(() => { img.alt = 'The QR code could not be loaded'; });
  }
  if (event && Date.parse(event.refund_deadline) > Date.now() && event.status !== 'CANCELLED') {
    const refund = h('button', { type: 'button', class: 'danger', id: 'refund' }, 'Refund this booking');
    refund.addEventListener('click', async () => {
      if (!confirm('Refund this booking? Your tickets stop being valid.')) return;
      refund.disabled = true;
      try {
        const key = keyFor('refund', booking.booking_id, {});
        const { data } = await api(`/api/v1/bookings/${booking.booking_id}/refund`, { method: 'POST', body: {},
          headers: { 'Idempotency-Key': key } });
        endAttempt('refund', booking.booking_id);
        announce(`Refunded ${money(data.amount_cents)}.`, 'ok');
        await reload(booking, event);
      } catch (error) {
        if (error.status && error.status < 500) endAttempt('refund', booking.booking_id);
        refund.disabled = false;
        announce(explain(error), 'error');
      }
    });
    refundArea.append(refund, h('p', { class: 'hint' }, `Refunds are possible until ${dateTime(event.refund_deadline)}.`));
  }
}
