// Small DOM helpers shared by the pages: element building (never innerHTML with data), the status line,
// formatting, and the wording of the API's refusals.

/** h('p', {class: 'x'}, 'text', child) -> element. Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces the page: a heading (focused, for screen readers and keyboards) and its content. */
export function page(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
  document.title = `${title} · Surge Tickets`;
  heading.focus({ preventScroll: true });
  return main;
}

let announcedAt = 0;

/** The polite live region under the header. kind: info | ok | error. */
export function announce(message, kind = 'info') {
  const status = document.getElementById('status');
  status.replaceChildren(message ? h('p', { class: kind }, message) : '');
  announcedAt = Date.now();
}

/** On a new page: clears what was said on an earlier one, not what was said on the way here. */
export function clearStaleAnnouncement() {
  if (Date.now() - announcedAt > 1500) announce('');
}

export const money = (cents) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' })
  .format((cents || 0) / 100);

export const dateTime = (iso) => (iso ? new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC',
}).format(new Date(iso)) + ' UTC' : '—');

export const badge = (status) => h('span', { class: `badge ${status}` }, String(status).replace('_', ' '));

/** mm:ss (or h:mm:ss) until an instant, never negative. */
export function remaining(untilIso) {
  const seconds = Math.max(0, Math.round((Date.parse(untilIso) - Date.now()) / 1000));
  const hms = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const text = hms.map((n) => String(n).padStart(2, '0'));
  return { seconds, text: hms[0] ? text.join(':') : text.slice(1).join(':') };
}

const MESSAGES = {
  UNAUTHORIZED: 'Please sign in again: your session has ended.',
  FORBIDDEN: 'Your account may not do this.',
  RATE_LIMITED: 'Too many requests: slowing down, please wait a moment.',
  SEATS_UNAVAILABLE: 'Some of those seats were just taken by someone else. Pick others.',
  HOLD_EXPIRED: 'Your hold has expired and the seats went back on sale.',
  PAYMENT_DECLINED: 'Your card was declined. The seats stay held until the countdown ends: try another card.',
  ADMISSION_REQUIRED: 'You need to pass the waiting room first.',
  ADMISSION_EXPIRED: 'Your turn in the waiting room has ended. Join the queue again.',
  ADMISSION_INVALID: 'Your waiting-room pass is not valid. Join the queue again.',
  ADMISSION_WRONG_EVENT: 'Your waiting-room pass is for another event.',
  ADMISSION_WRONG_USER: 'Your waiting-room pass belongs to another account.',
  EVENT_CANCELLED: 'This event has been cancelled.',
  SALE_CLOSED: 'The sale for this event has closed.',
  TICKET_LIMIT_EXCEEDED: 'That is more tickets than one fan may buy for this event.',
  REFUND_WINDOW_CLOSED: 'Refunds for this event are closed.',
  INVALID_PRESALE_CODE: 'That presale code is not valid for this event.',
  PRESALE_CODE_EXHAUSTED: 'That presale code has already been used as many times as it may be.',
  EVENT_NOT_SOLD_OUT: 'Seats are still on sale: get tickets through the waiting room instead.',
  BOOKING_NOT_CONFIRMED: 'Tickets come once the booking is paid.',
  SERVICE_UNAVAILABLE: 'The platform is busy. Please try again in a moment.',
  UPSTREAM_TIMEOUT: 'The platform took too long to answer. Please try again.',
  PAYLOAD_TOO_LARGE: 'That request is too large.',
  VALIDATION_FAILED: 'Some of the values are not valid.',
};

/** What to tell a person about an error (an ApiError or a network failure). */
export function explain(error) {
  if (!error?.code) return 'The platform cannot be reached. Check your connection and try again.';
  if (error.code === 'IDEMPOTENCY_KEY_IN_USE' || (error.status === 409 && /in progress|running/i.test(error.message))) {
    return 'That payment is still being processed. Please wait.';
  }
  const known = MESSAGES[error.code];
  if (error.code === 'VALIDATION_FAILED' && error.message) return `${known} ${error.message}`;
  return known || error.message || `Something went wrong (${error.code}).`;
}

/** Timers and pollers of the current page, all stopped when the route changes. */
const stoppers = new Set();
export function onLeave(stop) {
  stoppers.add(stop);
}
export function leavePage() {
  for (const stop of stoppers) stop();
  stoppers.clear();
}
/** A function telling whether the page that called it is still shown (an answer arriving later must not draw). */
export function liveness() {
  let alive = true;
  onLeave(() => { alive = false; });
  return () => alive;
}
export function every(ms, fn) {
  const id = setInterval(fn, ms);
  onLeave(() => clearInterval(id));
  return id;
}
/** A loop that runs fn, then waits the milliseconds it returns, until the page is left or fn returns null. */
export function loop(fn) {
  let stopped = false;
  let timer;
  onLeave(() => { stopped = true; clearTimeout(timer); });
  const step = async () => {
    if (stopped) return;
    const wait = await fn();
    if (!stopped && wait != null) timer = setTimeout(step, wait);
  };
  step();
  return () => { stopped = true; clearTimeout(timer); };
}

/** Local date-time input value (yyyy-MM-ddTHH:mm:ss) for a Date. */
export function localInputValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Navigates to a route (re-renders when it is already there). */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
