// Shared by leadflow's pages: the session's CSRF token, JSON calls to /api with the session, logout.
// The token is in the cookie LEADFLOW-XSRF-TOKEN (set by the server on every page request); writes
// send it back in the header X-LEADFLOW-XSRF-TOKEN (fetch) or the form field _csrf (forms).

export function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('LEADFLOW-XSRF-TOKEN='));
  return match ? decodeURIComponent(match.split('=')[1]) : '';
}

/** Puts the CSRF token into every form's _csrf field (login, logout). */
export function fillCsrfFields(root = document) {
  for (const field of root.querySelectorAll('input[name="_csrf"]')) field.value = csrfToken();
}

/**
 * GET/POST/... /api/... with the session; a lost session sends the user to the login. `body` goes as JSON,
 * `csv` (text) as text/csv.
 */
export async function api(path, { method = 'GET', body, csv } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csv !== undefined) headers['Content-Type'] = 'text/csv';
  if (method !== 'GET' && method !== 'HEAD') headers['X-LEADFLOW-XSRF-TOKEN'] = csrfToken();
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: csv !== undefined ? csv : body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('Not logged in');
  }
  const json = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    // the status and the problem details (field errors, ...) travel with the error for the page to show
    throw Object.assign(new Error(json?.detail || `${method} ${path}: HTTP ${response.status}`),
      { status: response.status, problem: json });
  }
  return json;
}

/** Text into an element, never HTML. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

fillCsrfFields();
