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

// A 503 means "busy, come back later" (a node shedding load, or HAProxy's queue full): sent again up to this many
// times, about two minutes of waiting in all, before it is shown as an error. A login waits as long as it takes
// (the waiting room of the exam start), see fetchObeyingBusy's `patient`.
const BUSY_RETRIES = 6;
const FIRST_BUSY_DELAY_MS = 1000;
const MAX_BUSY_DELAY_MS = 30000;

/**
 * The wait before retry number `attempt` (0 first) after a 503: at least what Retry-After says (delta-seconds) and
 * at least a back-off doubling from 1 s to 30 s, plus up to half again at random, so that a lecture hall of
 * refused browsers does not come back in step. The benchmark's RetryPolicy computes the same.
 */
export function busyDelay(retryAfter, attempt) {
  const seconds = Number.parseInt(retryAfter, 10);
  const told = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 0;
  const backoff = Math.min(MAX_BUSY_DELAY_MS, FIRST_BUSY_DELAY_MS * 2 ** attempt);
  const wait = Math.max(told, backoff);
  return Math.round(wait + wait * 0.5 * Math.random());
}

/**
 * fetch, sending the request again after a 503 as busyDelay says; any other answer is returned as it is. `patient`
 * sends it again for as long as the answer is 503 (never more often than busyDelay allows); `onBusy(attempt)` is
 * told of each wait, for the page to say so.
 */
export async function fetchObeyingBusy(url, init, { patient = false, onBusy = () => {} } = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, init);
    if (response.status !== 503 || (!patient && attempt >= BUSY_RETRIES)) {
      return response;
    }
    onBusy(attempt);
    const delay = busyDelay(response.headers.get('Retry-After'), attempt);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

export async function api(method, url, body, headers = {}) {
  const init = { method, credentials: 'same-origin', headers: { [CLIENT_HEADER]: 'web', Accept: 'application/json', ...headers } };
  if (body instanceof FormData || body instanceof Blob) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetchObeyingBusy(url, init);
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

/** A result's feedback items as a list: "reference: text (credits)", for the student's course and exercise pages. */
export function feedbackList(result, id) {
  return h('ul', { class: 'list feedback', id }, ...(result.feedback || []).map((item) => h('li', {},
    item.reference ? h('strong', {}, `${item.reference}: `) : null, item.text, ' ', h('small', {}, t('result.credits', item.credits)))));
}
