// The deployment's settings, served by the gateway per profile: {"sign_in": "local"} or
// {"sign_in": "oidc", "oidc": {"issuer", "client_id", "scope", "audience"}}.
let loaded = { sign_in: 'oidc' };

export async function loadConfig() {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' } });
  if (response.ok) loaded = await response.json();
  return loaded;
}

export const config = () => loaded;
