// REST calls of the pages: same-origin cookie login, the client header the node requires for cookie-authenticated
// changes (CSRF), problem details turned into errors, a lost login sent back to the login page.
export const CLIENT_HEADER = 'X-Lectern-Client';

export class ApiError extends Error {
  constructor(status, detail, problem = null) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function loginPage() {
  const next = encodeURIComponent(location.pathname + location.search);
  location.assign(`/login?next=${next}`);
}

export async function api(method, url, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { [CLIENT_HEADER]: 'web', Accept: 'application/json', ...headers } };
  if (body instanceof FormData || body instanceof Blob) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 401) {
    loginPage();
    throw new ApiError(401, 'login');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json && json.detail, json);
  }
  return json;
}

export const get = (url) => api('GET', url);

/** A new idempotency key: one per intended save (crypto.randomUUID needs a secure context, this does not). */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const texts = (window.LECTERN && window.LECTERN.texts) || {};

/** A text of the message bundle (js.* keys), with {0}, {1} … replaced. */
export function t(key, ...args) {
  const text = texts[key] || key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }) : '';
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString([], { hour12: false }) : '–';
}

/** Builds an element: h('a', {href: '/x', class: 'c'}, 'text', child). Text is always set as text, never HTML. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function page() {
  return document.querySelector('main').dataset;
}
