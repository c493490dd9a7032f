// Sign-in. Local stack: pick or type a user id (and whether it is an organizer). Production: the identity provider.
import { config } from '../config.js';
import { session, signInLocally, signInWithProvider } from '../auth.js';
import { h, page, announce, go } from '../ui.js';

const SUGGESTED = ['fan-1', 'fan-2', 'fan-3', 'organizer-1'];

export function signInPage(params) {
  const next = params.get('next') || '#/';
  const current = session();
  const signedIn = current ? h('p', { class: 'muted' }, `You are signed in as ${current.userId}.`) : null;

  if (config().sign_in !== 'local') {
    const button = h('button', { type: 'button', id: 'provider-signin' }, 'Sign in with your account');
    button.addEventListener('click', async () => {
      button.disabled = true;
      announce('Taking you to sign in…');
      try {
        await signInWithProvider(config().oidc, next);
      } catch (error) {
        button.disabled = false;
        announce(error.message, 'error');
      }
    });
    page('Sign in', signedIn, h('div', { class: 'card' },
      h('p', {}, 'You sign in with your account at our identity provider, then come straight back here.'), button));
    return;
  }

  const userId = h('input', { type: 'text', id: 'user-id', name: 'user_id', list: 'users', required: true,
    autocomplete: 'username', pattern: '[A-Za-z0-9._@:-]{1,64}', value: current?.userId || '' });
  const admin = h('input', { type: 'checkbox', id: 'admin', name: 'admin' });
  const form = h('form', { class: 'card', id: 'signin-form' },
    h('p', { class: 'notice' }, 'Local stack: no password. Choose who you are; the gateway issues a test token.'),
    h('label', { for: 'user-id' }, 'User id'),
    userId,
    h('datalist', { id: 'users' }, SUGGESTED.map((id) => h('option', { value: id }))),
    h('p', { class: 'hint', id: 'user-id-hint' }, 'Letters, digits and . _ @ : - (for example fan-1).'),
    h('label', { class: 'inline', for: 'admin' }, admin, 'Organizer (admin role)'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'signin-submit' }, 'Sign in')));
  userId.setAttribute('aria-describedby', 'user-id-hint');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const signed = await signInLocally(userId.value.trim(), admin.checked);
      announce(`Signed in as ${signed.userId}${signed.roles.includes('admin') ? ' (organizer)' : ''}.`, 'ok');
      go(next);
    } catch (error) {
      announce(error.message, 'error');
    }
  });
  page('Sign in', signedIn, form);
}
