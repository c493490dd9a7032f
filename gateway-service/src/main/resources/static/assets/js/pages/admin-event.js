// Organizer, one event: its waiting-room settings, the sales report and the queue live during the on-sale, and
// cancelling it.
import { api } from '../api.js';
import { h, page, money, dateTime, badge, announce, explain, loop, localInputValue, liveness } from '../ui.js';

const POLL_MS = 2000;

export async function adminEventPage(eventId) {
  page(`Event ${eventId}`);
  const alive = liveness();
  let event = null;
  try {
    ({ data: event } = await api(`/api/v1/events/${eventId}`, { auth: false }));
  } catch { /* a draft is not public: managed without its details */ }

  if (!alive()) return;
  const title = event ? event.name : `Event ${eventId}`;
  const facts = event ? h('p', { class: 'muted', id: 'admin-event-facts' },
    `${event.venue.name}, ${event.venue.city} · sale opens ${dateTime(event.on_sale_at)} · starts ${dateTime(event.starts_at)} · `,
    h('a', { href: `#/events/${eventId}` }, 'fan page')) : null;

  // --- live report ---
  const stat = (id, label) => h('div', { class: 'stat' }, h('div', { class: 'value', id }, '—'), h('div', { class: 'label' }, label));
  const updated = h('p', { class: 'hint', id: 'sales-updated' });
  const report = h('section', { class: 'card', 'aria-labelledby': 'live-title' },
    h('h2', { id: 'live-title' }, 'Live sales'),
    h('p', {}, 'Sale: ', h('span', { id: 'sales-status' }, '—'), ' · Queue: ', h('span', { id: 'queue-status' }, '—')),
    h('div', { class: 'stats' },
      stat('sales-sold', 'Sold'), stat('sales-held', 'Held'), stat('sales-available', 'Available'),
      stat('sales-gross', 'Gross'), stat('sales-refunded', 'Refunded'), stat('sales-checked-in', 'Checked in'),
      stat('queue-waiting', 'In the queue'), stat('queue-admitted', 'Admitted'), stat('queue-serving', 'Now serving'),
      stat('queue-rate', 'Admitted per minute'), stat('presale-used', 'Presale codes used'),
      stat('waitlist-waiting', 'On the waiting list'), stat('waitlist-offered', 'Offers open')),
    updated);
  const set = (id, value) => { report.querySelector(`#${id}`).textContent = value; };

  // --- waiting room settings ---
  const input = (id, attrs) => h('input', { id, required: true, ...attrs });
  const settings = h('form', { class: 'card', id: 'waiting-room-form' }, h('h2', {}, 'Waiting room'),
    h('div', { class: 'field-row' },
      h('div', {}, h('label', { for: 'wr-prequeue' }, 'Pre-queue opens (your time, optional)'), input('wr-prequeue', { type: 'datetime-local', step: '1', required: false })),
      h('div', {}, h('label', { for: 'wr-rate' }, 'Admitted per minute'), input('wr-rate', { type: 'number', min: '1', value: '600' })),
      h('div', {}, h('label', { for: 'wr-session' }, 'Admitted session (s)'), input('wr-session', { type: 'number', min: '30', value: '600' })),
      h('div', {}, h('label', { for: 'wr-hold' }, 'Hold (s)'), input('wr-hold', { type: 'number', min: '30', value: '600' })),
      h('div', {}, h('label', { for: 'wr-max' }, 'Max tickets per fan'), input('wr-max', { type: 'number', min: '1', value: '6' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-waiting-room' }, 'Save waiting room')));
  const field = (id) => settings.querySelector(`#${id}`);
  settings.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      admission_rate_per_minute: Number(field('wr-rate').value), admitted_session_seconds: Number(field('wr-session').value),
      hold_seconds: Number(field('wr-hold').value), max_tickets_per_user: Number(field('wr-max').value),
    };
    if (field('wr-prequeue').value) body.prequeue_opens_at = new Date(field('wr-prequeue').value).toISOString();
    try {
      await api(`/api/v1/admin/events/${eventId}/waiting-room`, { method: 'PUT', body });
      announce('Waiting room saved.', 'ok');
    } catch (error) {
      announce(explain(error), 'error');
    }
  });

  // --- presale ---
  const presale = h('form', { class: 'card', id: 'presale-form' }, h('h2', {}, 'Presale'),
    h('p', { class: 'hint' }, 'Before the general sale, only fans with a code join the presale line and buy. Codes are '
      + 'shown once, here: the platform keeps them hashed. Saving again issues new codes (the old ones stop working).'),
    h('div', { class: 'field-row' },
      h('div', {}, h('label', { for: 'ps-starts' }, 'Starts (your time)'), input('ps-starts', { type: 'datetime-local', step: '1' })),
      h('div', {}, h('label', { for: 'ps-ends' }, 'Ends (your time)'), input('ps-ends', { type: 'datetime-local', step: '1' })),
      h('div', {}, h('label', { for: 'ps-rate' }, 'Admitted per minute'), input('ps-rate', { type: 'number', min: '1', value: '300' })),
      h('div', {}, h('label', { for: 'ps-count' }, 'Codes'), input('ps-count', { type: 'number', min: '1', max: '100000', value: '100' })),
      h('div', {}, h('label', { for: 'ps-uses' }, 'Fans per code'), input('ps-uses', { type: 'number', min: '1', value: '1' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-presale' }, 'Save presale and issue codes')),
    h('p', { id: 'presale-summary', class: 'muted' }),
    h('label', { for: 'presale-codes', hidden: true, id: 'presale-codes-label' }, 'Codes to hand out'),
    h('textarea', { id: 'presale-codes', readonly: true, rows: '6', hidden: true }));
  const ps = (id) => presale.querySelector(`#${id}`);
  const summarize = (data) => {
    ps('presale-summary').textContent = `${dateTime(data.starts_at)} to ${dateTime(data.ends_at)} · `
      + `${data.admission_rate_per_minute} per minute · ${data.code_count} codes, ${data.codes_used} used`;
  };
  presale.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      starts_at: new Date(ps('ps-starts').value).toISOString(), ends_at: new Date(ps('ps-ends').value).toISOString(),
      admission_rate_per_minute: Number(ps('ps-rate').value), code_count: Number(ps('ps-count').value),
      max_uses_per_code: Number(ps('ps-uses').value),
    };
    try {
      const { data } = await api(`/api/v1/admin/events/${eventId}/presale`, { method: 'PUT', body });
      summarize(data);
      ps('presale-codes').value = data.codes.join('\n');
      ps('presale-codes').hidden = false;
      ps('presale-codes-label').hidden = false;
      announce(`Presale saved: ${data.codes.length} codes issued.`, 'ok');
    } catch (error) {
      announce(explain(error), 'error');
    }
  });

  // --- cancel ---
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-event' }, 'Cancel this event');
  cancel.addEventListener('click', async () => {
    if (!confirm('Cancel this event? Every paid booking is refunded and the sale stops.')) return;
    try {
      await api(`/api/v1/admin/events/${eventId}`, { method: 'DELETE' });
      announce('The event is cancelled: paid bookings are being refunded.', 'ok');
      cancel.disabled = true;
    } catch (error) {
      announce(explain(error), 'error');
    }
  });

  page(title, facts, report, settings, presale,
    h('section', { class: 'card' }, h('h2', {}, 'Cancel'), h('p', {}, 'Cancelling refunds every paid booking and closes the waiting room.'), cancel));

  api(`/api/v1/admin/events/${eventId}/waiting-room`).then(({ data }) => {
    if (data.prequeue_opens_at) field('wr-prequeue').value = localInputValue(new Date(data.prequeue_opens_at));
    field('wr-rate').value = data.admission_rate_per_minute;
    field('wr-session').value = data.admitted_session_seconds;
    field('wr-hold').value = data.hold_seconds;
    field('wr-max').value = data.max_tickets_per_user;
  }).catch(() => {});
  api(`/api/v1/admin/events/${eventId}/presale`).then(({ data }) => {
    ps('ps-starts').value = localInputValue(new Date(data.starts_at));
    ps('ps-ends').value = localInputValue(new Date(data.ends_at));
    ps('ps-rate').value = data.admission_rate_per_minute;
    ps('ps-uses').value = data.max_uses_per_code;
    summarize(data);
  }).catch(() => {});

  loop(async () => {
    try {
      const [{ data: sales }, progress] = await Promise.all([
        api(`/api/v1/admin/events/${eventId}/sales`),
        api(`/api/v1/waiting-room/${eventId}/progress`, { auth: false }).then((r) => r.data).catch(() => null),
      ]);
      report.querySelector('#sales-status').replaceChildren(badge(sales.status));
      set('sales-sold', sales.sold);
      set('sales-held', sales.held);
      set('sales-available', `${sales.available} / ${sales.seat_count}`);
      set('sales-gross', money(sales.gross_cents));
      set('sales-refunded', money(sales.refunded_cents));
      set('sales-checked-in', sales.checked_in);
      set('queue-waiting', sales.queue?.waiting ?? '—');
      set('queue-admitted', sales.queue?.admitted ?? '—');
      set('presale-used', sales.queue?.presale?.codes_used ?? '—');
      set('waitlist-waiting', sales.waitlist?.waiting ?? '—');
      set('waitlist-offered', sales.waitlist?.offered ?? '—');
      if (progress) {
        report.querySelector('#queue-status').replaceChildren(badge(progress.status));
        set('queue-serving', progress.serving);
        set('queue-rate', progress.admission_rate_per_minute);
      }
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
      cancel.disabled = sales.status === 'CANCELLED';
      return POLL_MS;
    } catch (error) {
      updated.textContent = explain(error);
      return Math.max(POLL_MS, (error.retryAfter ?? 5) * 1000);
    }
  });
}
