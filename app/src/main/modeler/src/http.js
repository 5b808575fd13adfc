// Calls to /api/models with the page's session. JSON goes through page.js's api(); the model resources travel
// as raw XML/JSON text, which api() does not send or read, so text() and sendText() do that with the same
// CSRF header and the same error shape (status + problem details on the error).
import { api, csrfToken } from '/js/page.js';

export { api };

export const MEDIA_TYPES = { bpmn: 'application/xml', dmn: 'application/xml', form: 'application/json' };

async function failure(response, method, path) {
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('Not logged in');
  }
  const problem = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
  return Object.assign(new Error(problem?.detail || problem?.title || `${method} ${path}: HTTP ${response.status}`),
    { status: response.status, problem });
}

/** GET a model resource as text; its version from X-Model-Version. */
export async function text(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/xml, application/json' } });
  if (!response.ok) throw await failure(response, 'GET', path);
  return { text: await response.text(), version: Number(response.headers.get('X-Model-Version')) || null };
}

/** POST a model resource (raw XML/JSON) to path; the JSON answer. */
export async function sendText(path, type, body, headers = {}) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', body,
    headers: { 'Content-Type': MEDIA_TYPES[type], Accept: 'application/json', 'X-LEADFLOW-XSRF-TOKEN': csrfToken(), ...headers }
  });
  if (!response.ok) throw await failure(response, 'POST', path);
  return response.status === 204 ? null : response.json();
}

/** The message of a failed call for the user: the problem's detail, or what could not be reached. */
export function reason(error) {
  if (error.status === 403) return 'Your groups do not allow this (process owners and admins only).';
  if (error.status === 404) return error.problem?.detail || 'Not found.';
  return error.problem?.detail || error.message || String(error);
}
