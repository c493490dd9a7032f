// Home: as-you-type search over the public, typo-tolerant search API.
import { api } from '../api.js';
import { h, page, money, dateTime, announce, explain, onLeave } from '../ui.js';

const DEBOUNCE_MS = 250;

export function searchPage(params) {
  const input = h('input', { type: 'search', id: 'search-input', name: 'q', autocomplete: 'off',
    placeholder: 'Artist, event, venue or city', 'aria-describedby': 'search-hint', 'aria-controls': 'search-results' });
  const results = h('ul', { class: 'results', id: 'search-results', 'aria-label': 'Events' });
  const count = h('p', { class: 'muted', id: 'search-count', 'aria-live': 'polite' });
  const form = h('form', { role: 'search', onsubmit: (e) => { e.preventDefault(); run(); } },
    h('label', { for: 'search-input' }, 'Search events'), input,
    h('p', { class: 'hint', id: 'search-hint' }, 'Results appear as you type; small typos are fine.'));
  page('Find your event', form, count, results);

  let timer;
  let latest = 0;
  onLeave(() => clearTimeout(timer));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
    history.replaceState(null, '', `#/?q=${encodeURIComponent(input.value)}`);
  });

  async function run() {
    const q = input.value.trim();
    const mine = ++latest;
    try {
      const { data } = await api(`/api/v1/events/search?q=${encodeURIComponent(q)}&size=20`, { auth: false });
      if (mine !== latest) return; // an older answer arriving late never replaces a newer one
      count.textContent = q ? `${data.total} event${data.total === 1 ? '' : 's'} for “${q}”` : `${data.total} upcoming events`;
      results.replaceChildren(...data.results.map(resultItem));
    } catch (error) {
      if (mine === latest) announce(explain(error), 'error');
    }
  }

  input.value = params.get('q') || '';
  run();
  input.focus();
}

function resultItem(event) {
  return h('li', { class: 'result' }, h('a', { href: `#/events/${event.event_id}`, 'data-event-id': event.event_id },
    h('div', { class: 'name' }, event.name),
    h('div', {}, `${event.performer} · ${event.venue}, ${event.city}`),
    h('div', { class: 'muted' }, `${dateTime(event.starts_at)} · on sale ${dateTime(event.on_sale_at)} · from ${money(event.min_price_cents)}`)));
}
