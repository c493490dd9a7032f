// Who is signed in: a bearer token kept in sessionStorage (this tab only) with its expiry.
// Local stack: the gateway's token endpoint (a user picker). Production: OIDC authorization code + PKCE.
const KEY = 'surge.session';
const PKCE_KEY = 'surge.pkce';

export function session() {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const value = JSON.parse(raw);
  if (Date.now() >= value.expiresAt - 10_000) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return value;
}

export const isAdmin = () => (session()?.roles || []).includes('admin');

export function signOut() {
  sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event('session-changed'));
}

function keep(accessToken, expiresInSeconds) {
  const claims = decodeClaims(accessToken);
  const expiresAt = claims.exp ? claims.exp * 1000 : Date.now() + expiresInSeconds * 1000;
  const value = { accessToken, expiresAt, userId: claims.sub, roles: claims.roles || [] };
  sessionStorage.setItem(KEY, JSON.stringify(value));
  window.dispatchEvent(new Event('session-changed'));
  return value;
}

/** The token's claims, for display only: the gateway verifies the signature. */
function decodeClaims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

/** Local stack only: POST /api/v1/auth/token. */
export async function signInLocally(userId, admin) {
  const response = await fetch('/api/v1/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user_id: userId, roles: admin ? ['admin'] : [] }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `sign-in refused (${response.status})`);
  return keep(body.access_token, body.expires_in);
}

// ---- OIDC authorization code with PKCE (RFC 7636), a public client: no secret in the browser ----

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function discovery(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error('the identity provider cannot be reached');
  return response.json();
}

const redirectUri = () => `${location.origin}/`;

/** Sends the browser to the identity provider; it comes back to / with ?code=&state=. */
export async function signInWithProvider(oidc, returnTo) {
  const provider = await discovery(oidc.issuer);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code', client_id: oidc.client_id, redirect_uri: redirectUri(), scope: oidc.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  if (oidc.audience) params.set('audience', oidc.audience);
  location.assign(`${provider.authorization_endpoint}?${params}`);
}

/** On the way back from the provider: swaps the code for a token. Returns the hash to go on to, or null. */
export async function completeProviderSignIn(oidc) {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', '/' + (pending?.returnTo || '#/'));
  if (query.has('error')) throw new Error(`sign-in failed: ${query.get('error_description') || query.get('error')}`);
  if (!pending || pending.state !== query.get('state')) throw new Error('sign-in failed: unexpected answer (state)');
  const provider = await discovery(oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.client_id, code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`sign-in failed: ${body.error_description || body.error || response.status}`);
  keep(body.access_token, body.expires_in);
  return pending.returnTo || '#/';
}
