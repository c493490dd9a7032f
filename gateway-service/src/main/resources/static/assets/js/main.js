// The app's shell: loads the deployment config, finishes an OIDC sign-in, and routes #/... to a page.
import { loadConfig, config } from './config.js';
import { session, isAdmin, signOut, completeProviderSignIn } from './auth.js';
import { announce, clearStaleAnnouncement, leavePage, h, page, go } from './ui.js';
import { searchPage } from './pages/search.js';
import { eventPage } from './pages/event.js';
import { queuePage } from './pages/queue.js';
import { seatsPage } from './pages/seats.js';
import { bookingPage } from './pages/booking.js';
import { bookingsPage } from './pages/bookings.js';
import { signInPage } from './pages/signin.js';
import { adminPage } from './pages/admin.js';
import { adminEventPage } from './pages/admin-event.js';
import { waitlistPage } from './pages/waitlist.js';

const ROUTES = [
  { pattern: /^\/?$/, page: searchPage, nav: 'search' },
  { pattern: /^\/signin$/, page: signInPage, nav: 'signin' },
  { pattern: /^\/events\/(\d+)$/, page: eventPage, nav: 'search' },
  { pattern: /^\/events\/(\d+)\/queue$/, page: queuePage, nav: 'search', signedIn: true },
  { pattern: /^\/events\/(\d+)\/seats$/, page: seatsPage, nav: 'search', signedIn: true },
  { pattern: /^\/events\/(\d+)\/waitlist$/, page: waitlistPage, nav: 'search', signedIn: true },
  { pattern: /^\/bookings$/, page: bookingsPage, nav: 'bookings', signedIn: true },
  { pattern: /^\/bookings\/([0-9a-fA-F-]{36})$/, page: bookingPage, nav: 'bookings', signedIn: true },
  { pattern: /^\/admin$/, page: adminPage, nav: 'admin', admin: true },
  { pattern: /^\/admin\/events\/(\d+)$/, page: adminEventPage, nav: 'admin', admin: true },
];

function route() {
  leavePage();
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query || '');
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path || '/') })).find((x) => x.m);
  if (!match) {
    page('Page not found', h('p', {}, 'There is nothing here. ', h('a', { href: '#/' }, 'Search events')));
    return;
  }
  highlight(match.r.nav);
  if ((match.r.signedIn || match.r.admin) && !session()) {
    announce('Please sign in first.');
    go(`#/signin?next=${encodeURIComponent(location.hash)}`);
    return;
  }
  if (match.r.admin && !isAdmin()) {
    page('Organizers only', h('p', {}, 'Sign in with an organizer (admin) account to manage events.'));
    return;
  }
  match.r.page(...match.m.slice(1), params);
}

function highlight(nav) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function renderSession() {
  const current = session();
  const link = document.getElementById('signin-link');
  link.textContent = current ? `Sign out (${current.userId})` : 'Sign in';
  link.setAttribute('href', current ? '#/signout' : '#/signin');
  for (const item of document.querySelectorAll('.admin-only')) item.hidden = !isAdmin();
}

async function start() {
  await loadConfig();
  if (config().sign_in === 'oidc') {
    try {
      const next = await completeProviderSignIn(config().oidc);
      if (next) location.hash = next;
    } catch (error) {
      announce(error.message, 'error');
    }
  }
  window.addEventListener('session-changed', renderSession);
  window.addEventListener('hashchange', () => {
    if (location.hash === '#/signout') {
      signOut();
      announce('You are signed out.', 'ok');
      go('#/');
      return;
    }
    clearStaleAnnouncement();
    route();
  });
  renderSession();
  route();
}

start();
