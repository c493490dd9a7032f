// The one way the app talks to the platform: same-origin fetch, JSON in and out, RFC 9457 problems as ApiError,
// 429/503 waited out as Retry-After says (only where a retry is safe).
import { session } from './auth.js';

const MAX_RETRIES = 3;

/** A refusal of the API: status, the problem's stable code and its detail. */
export class ApiError extends Error {
  constructor(status, problem, headers) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || `HTTP_${status}`;
    this.problem = problem;
    this.retryAfter = retryAfterSeconds(headers);
  }
}

export function retryAfterSeconds(headers) {
  const value = headers?.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/** max-age of a Cache-Control header, in seconds (null when there is none). */
export function maxAgeSeconds(headers) {
  const match = /max-age=(\d+)/.exec(headers?.get('Cache-Control') || '');
  return match ? Number(match[1]) : null;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the API. Options: method, body (JSON), auth (send the bearer token; default true when signed in),
 * headers, raw (return the Response), retry (wait out 429/503; default for GET and for requests carrying an
 * Idempotency-Key, which makes a repeat safe; a 429 is never processed, so it is always retried).
 * Returns {status, data, headers}.
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session()?.accessToken;
  if (options.auth !== false && token) headers.Authorization = `Bearer ${token}`;
  const safe = options.retry ?? (method === 'GET' || 'Idempotency-Key' in headers);

  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: options.cache || 'default',
    });
    const waitable = response.status === 429 || (response.status === 503 && safe);
    if (waitable && attempt < MAX_RETRIES) {
      const seconds = retryAfterSeconds(response.headers) ?? 2 ** attempt;
      options.onWait?.(seconds);
      await sleep(Math.min(seconds, 30) * 1000);
      continue;
    }
    if (options.raw && response.ok) return response;
    if (response.status === 304) return { status: 304, data: null, headers: response.headers };
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, data || {}, response.headers);
    return { status: response.status, data, headers: response.headers };
  }
}

/** A fresh Idempotency-Key (one per attempt: the caller keeps it for every retry of that attempt). */
export function newIdempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
