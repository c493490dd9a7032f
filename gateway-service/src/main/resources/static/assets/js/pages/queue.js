// The waiting room: join (a pre-queue before the sale opens), then poll the public progress, the same answer for
// every fan, at the pace its Cache-Control allows; collect the admission token from status once our number is served.
import { api, maxAgeSeconds } from '../api.js';
import { keepAdmissionToken } from '../admission.js';
import { h, page, badge, announce, explain, loop, go, dateTime, liveness } from '../ui.js';
import { presaleCode, forgetPresaleCode } from './event.js';

const MIN_POLL_MS = 1000;
const MAX_POLL_MS = 10_000;
const PRESALE_POLL_MS = 2000;

export async function queuePage(eventId) {
  const state = h('p', { id: 'queue-state' });
  const notice = h('div', { id: 'prequeue-notice', class: 'notice', hidden: true });
  const position = h('p', { class: 'big', id: 'queue-position' });
  const detail = h('p', { id: 'queue-detail', class: 'muted' });
  const bar = h('progress', { class: 'progress', id: 'queue-progress', max: '100', value: '0', 'aria-labelledby': 'queue-progress-label' });
  const eventName = h('p', { class: 'muted' });
  page('Waiting room', eventName, h('section', { class: 'card', 'aria-live': 'polite' }, state, notice, position,
    h('p', { id: 'queue-progress-label' }, 'Your progress in the line'), bar, detail),
  h('p', { class: 'hint' }, 'Keep this page open: you move on to the seat map by yourself when it is your turn.'));

  api(`/api/v1/events/${eventId}`, { auth: false })
    .then(({ data }) => { eventName.textContent = `${data.name} · sale opens ${dateTime(data.on_sale_at)}`; })
    .catch(() => {});

  const alive = liveness();
  let entry;
  try {
    const code = presaleCode(eventId);
    ({ data: entry } = await api(`/api/v1/waiting-room/${eventId}/join`,
      { method: 'POST', body: code ? { presale_code: code } : {}, retry: true }));
  } catch (error) {
    if (['INVALID_PRESALE_CODE', 'PRESALE_CODE_EXHAUSTED'].includes(error.code)) forgetPresaleCode(eventId);
    state.replaceChildren(badge('CLOSED'), ' ', explain(error));
    announce(explain(error), 'error');
    return;
  }
  if (!alive() || admitted(entry)) return;

  let firstGap = null; // how far we stood from the front when first placed: the bar's 0 %
  render(entry, null);

  loop(async () => {
    if (entry.line === 'PRESALE') {
      // the presale line has its own pace: the public progress is the general line's, so ask status itself
      try {
        ({ data: entry } = await api(`/api/v1/waiting-room/${eventId}/status`));
      } catch (error) {
        detail.textContent = explain(error);
        return Math.min(MAX_POLL_MS, (error.retryAfter ?? 2) * 1000);
      }
      if (admitted(entry)) return null;
      render(entry, null);
      return entry.status === 'CLOSED' ? null : PRESALE_POLL_MS;
    }
    let progress;
    let headers;
    try {
      ({ data: progress, headers } = await api(`/api/v1/waiting-room/${eventId}/progress`, { auth: false }));
    } catch (error) {
      detail.textContent = explain(error);
      return Math.min(MAX_POLL_MS, (error.retryAfter ?? 2) * 1000);
    }
    const wait = Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, (maxAgeSeconds(headers) ?? 1) * 1000));
    if (progress.status === 'CLOSED') {
      render({ status: 'CLOSED' }, progress);
      return null;
    }
    const placed = entry.queue_number != null;
    const served = placed && entry.queue_number <= progress.serving;
    // status is asked only when it can tell something new: our number after the sale opened, or our token
    if ((!placed && progress.status !== 'PRE_QUEUE') || served) {
      try {
        ({ data: entry } = await api(`/api/v1/waiting-room/${eventId}/status`));
      } catch (error) {
        detail.textContent = explain(error);
        return Math.min(MAX_POLL_MS, (error.retryAfter ?? 2) * 1000);
      }
      if (admitted(entry)) return null;
      if (entry.status === 'CLOSED') {
        render(entry, progress);
        return null;
      }
    }
    render(entry, progress);
    return wait;
  });

  function admitted(current) {
    if (current.status !== 'ADMITTED' || !current.admission_token) return false;
    keepAdmissionToken(eventId, current.admission_token);
    state.replaceChildren(badge('ADMITTED'), ' It is your turn!');
    bar.value = 100;
    announce('It is your turn: choose your seats.', 'ok');
    go(`#/events/${eventId}/seats`);
    return true;
  }

  function render(current, progress) {
    const status = progress?.status === 'SOLD_OUT' ? 'SOLD_OUT' : current.status;
    notice.hidden = status !== 'PRE_QUEUE';
    if (status === 'PRE_QUEUE') {
      state.replaceChildren(badge('PRE_QUEUE'), current.line === 'PRESALE' ? ' You are in the presale pre-queue.'
        : ' You are in the pre-queue.');
      notice.textContent = 'The sale has not opened yet. When it does, everyone in the pre-queue gets a random place '
        + 'in line, so there is no need to hurry or refresh. Keep this page open.';
      position.textContent = '';
      detail.textContent = 'Waiting for the sale to open…';
      return;
    }
    if (status === 'CLOSED') {
      state.replaceChildren(badge('CLOSED'), current.reason === 'EVENT_CANCELLED'
        ? ' This event has been cancelled.' : ' The sale has closed.');
      position.textContent = '';
      detail.textContent = '';
      return;
    }
    if (status === 'SOLD_OUT') {
      state.replaceChildren(badge('SOLD_OUT'), ' Every seat is held or sold right now.');
      detail.textContent = 'Seats that come back (holds that expire) reopen the line: keep this page open.';
      return;
    }
    if (current.queue_number == null) return;
    const serving = progress?.serving ?? current.queue_number - (current.position ?? 0);
    const ahead = Math.max(0, current.queue_number - serving);
    if (firstGap === null) firstGap = Math.max(ahead, 1);
    state.replaceChildren(badge('QUEUED'), ` Your number is ${current.queue_number}`
      + (current.line === 'PRESALE' ? ' in the presale line.' : '.'));
    position.textContent = ahead === 0 ? 'You are next' : `${ahead} ahead of you`;
    const rate = progress?.admission_rate_per_minute;
    const eta = rate ? Math.ceil((ahead * 60) / rate) : current.eta_seconds;
    detail.textContent = eta == null ? 'Estimating your wait…'
      : `About ${eta < 60 ? `${eta} seconds` : `${Math.ceil(eta / 60)} minutes`} to go · now serving ${serving}`;
    bar.value = Math.round(100 * (1 - ahead / firstGap));
    bar.setAttribute('aria-valuetext', `${bar.value} percent`);
  }
}
