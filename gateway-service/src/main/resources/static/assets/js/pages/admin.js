// Organizer: create a venue (sections of rows x seats), then an event in it with a price per section.
import { api } from '../api.js';
import { h, page, announce, explain, go, localInputValue } from '../ui.js';

const field = (id, label, input, hint) => h('div', {},
  h('label', { for: id }, label), input, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);

export function adminPage() {
  // --- open an existing event ---
  const openId = h('input', { type: 'number', id: 'open-event-id', min: '1', required: true });
  const openForm = h('form', { class: 'card', id: 'open-event' }, h('h2', {}, 'Manage an event'),
    field('open-event-id', 'Event id', openId),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Open')));
  openForm.addEventListener('submit', (e) => { e.preventDefault(); go(`#/admin/events/${openId.value}`); });

  // --- venue ---
  const sections = h('div', { id: 'venue-sections' });
  let sectionCount = 0;
  const addSection = (name = '', rows = 5, seats = 10) => {
    const n = ++sectionCount;
    const row = h('fieldset', { class: 'venue-section' }, h('legend', {}, `Section ${n}`),
      h('div', { class: 'field-row' },
        field(`section-${n}-name`, 'Name', h('input', { type: 'text', id: `section-${n}-name`, name: 'section_name', required: true, maxlength: '50', value: name })),
        field(`section-${n}-rows`, 'Rows', h('input', { type: 'number', id: `section-${n}-rows`, name: 'rows', min: '1', max: '2000', required: true, value: rows })),
        field(`section-${n}-seats`, 'Seats per row', h('input', { type: 'number', id: `section-${n}-seats`, name: 'seats_per_row', min: '1', max: '2000', required: true, value: seats }))));
    sections.append(row);
  };
  addSection('A', 4, 10);
  const venueForm = h('form', { class: 'card', id: 'venue-form' }, h('h2', {}, 'Create a venue'),
    field('venue-name', 'Venue name', h('input', { type: 'text', id: 'venue-name', required: true, maxlength: '200' })),
    h('div', { class: 'field-row' },
      field('venue-city', 'City', h('input', { type: 'text', id: 'venue-city', required: true, maxlength: '100' })),
      field('venue-country', 'Country code', h('input', { type: 'text', id: 'venue-country', required: true, maxlength: '2', pattern: '[A-Za-z]{2}', value: 'PT' }))),
    sections,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'add-section', onclick: () => addSection() }, 'Add a section'),
      h('button', { type: 'submit', id: 'create-venue' }, 'Create venue')));
  venueForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const sectionValues = [...sections.querySelectorAll('.venue-section')].map((fs) => ({
      name: fs.querySelector('[name=section_name]').value.trim(),
      rows: Number(fs.querySelector('[name=rows]').value),
      seats_per_row: Number(fs.querySelector('[name=seats_per_row]').value),
    }));
    try {
      const { data } = await api('/api/v1/admin/venues', { method: 'POST', body: {
        name: venueForm.querySelector('#venue-name').value.trim(), city: venueForm.querySelector('#venue-city').value.trim(),
        country: venueForm.querySelector('#venue-country').value.trim().toUpperCase(), sections: sectionValues } });
      announce(`Venue ${data.venue_id} created.`, 'ok');
      venueCreated.textContent = `Venue created: id ${data.venue_id}`;
      eventForm.querySelector('#event-venue-id').value = data.venue_id;
      priceCount = 0; // the venue's sections replace the form's rows: number them from 1 again
      prices.replaceChildren(...sectionValues.map((s) => priceRow(s.name)));
      eventForm.querySelector('#event-name').focus();
    } catch (error) {
      announce(explain(error), 'error');
    }
  });
  const venueCreated = h('p', { id: 'venue-created', 'aria-live': 'polite', class: 'muted' });

  // --- event ---
  let priceCount = 0;
  const priceRow = (section) => {
    const n = ++priceCount;
    return h('div', { class: 'field-row price-tier' },
      field(`price-${n}-section`, 'Section', h('input', { type: 'text', id: `price-${n}-section`, name: 'tier_section', required: true, value: section })),
      field(`price-${n}-amount`, 'Price (EUR)', h('input', { type: 'number', id: `price-${n}-amount`, name: 'tier_price', min: '0', step: '0.01', required: true, value: '50.00' })));
  };
  const prices = h('div', { id: 'price-tiers' }, priceRow('A'));
  const soon = new Date(Date.now() + 10 * 60_000);
  soon.setSeconds(0, 0);
  const later = new Date(Date.now() + 30 * 86_400_000);
  later.setHours(20, 0, 0, 0);
  const eventForm = h('form', { class: 'card', id: 'event-form' }, h('h2', {}, 'Create an event'),
    field('event-name', 'Event name', h('input', { type: 'text', id: 'event-name', required: true, maxlength: '200' })),
    h('div', { class: 'field-row' },
      field('event-performer', 'Performer', h('input', { type: 'text', id: 'event-performer', required: true, maxlength: '200' })),
      field('event-category', 'Category', h('select', { id: 'event-category' },
        ['concert', 'sports', 'theatre', 'comedy', 'festival'].map((c) => h('option', { value: c }, c))))),
    field('event-venue-id', 'Venue id', h('input', { type: 'number', id: 'event-venue-id', min: '1', required: true })),
    h('div', { class: 'field-row' },
      field('event-on-sale-at', 'Sale opens (your time)', h('input', { type: 'datetime-local', step: '1', id: 'event-on-sale-at', required: true, value: localInputValue(soon) })),
      field('event-starts-at', 'Show starts (your time)', h('input', { type: 'datetime-local', step: '1', id: 'event-starts-at', required: true, value: localInputValue(later) }))),
    h('fieldset', {}, h('legend', {}, 'Prices per section'), prices),
    h('label', { class: 'inline', for: 'event-publish' }, h('input', { type: 'checkbox', id: 'event-publish', checked: true }), 'Publish now (searchable, sells at the opening)'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'create-event' }, 'Create event')));
  eventForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id) => eventForm.querySelector(id).value;
    const body = {
      name: value('#event-name').trim(), performer: value('#event-performer').trim(), category: value('#event-category'),
      venue_id: Number(value('#event-venue-id')),
      on_sale_at: new Date(value('#event-on-sale-at')).toISOString(), starts_at: new Date(value('#event-starts-at')).toISOString(),
      price_tiers: [...prices.querySelectorAll('.price-tier')].map((row) => ({
        section: row.querySelector('[name=tier_section]').value.trim(),
        price_cents: Math.round(Number(row.querySelector('[name=tier_price]').value) * 100) })),
      publish: eventForm.querySelector('#event-publish').checked,
    };
    try {
      const { data } = await api('/api/v1/admin/events', { method: 'POST', body });
      announce(`Event ${data.event_id} created. Now set its waiting room.`, 'ok');
      go(`#/admin/events/${data.event_id}`);
    } catch (error) {
      announce(explain(error), 'error');
    }
  });

  page('Organizer', venueForm, venueCreated, eventForm, openForm);
}
