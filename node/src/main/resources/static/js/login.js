import { fetchObeyingBusy, t } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const status = document.getElementById('login-status');
const submit = document.getElementById('login-submit');
// Behind the balancer a login waits for its turn in a queue of its own, first come first served, without an
// answer (haproxy.cfg, backend logins): after a few seconds the page says so, so that nobody reloads and loses
// their place.
const QUEUED_AFTER_MS = 3000;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (submit.disabled) {
    return;
  }
  error.textContent = '';
  status.textContent = '';
  submit.disabled = true;
  const body = { username: form.username.value.trim(), password: form.password.value };
  let response;
  const queued = setTimeout(() => { status.textContent = t('login.queued'); }, QUEUED_AFTER_MS);
  try {
    // At the exam start the whole hall logs in at once and the nodes check a few passwords at a time: a 503 is
    // a place in the queue, waited out for as long as it takes, never shown as an error.
    response = await fetchObeyingBusy('/api/auth/login', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    }, { patient: true, onBusy: () => { status.textContent = t('login.queued'); } });
  } catch (e) {
    error.textContent = t('login.unreachable');
    return;
  } finally {
    clearTimeout(queued);
    submit.disabled = false;
    status.textContent = '';
  }
  if (response.ok) {
    const next = new URLSearchParams(location.search).get('next');
    // Only a path of this site: never an address elsewhere.
    location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/courses');
  } else if (response.status === 429) {
    error.textContent = t('login.tooMany', response.headers.get('Retry-After') || '60');
  } else if (response.status === 401 || response.status === 400) {
    error.textContent = t('login.wrong');
  } else {
    error.textContent = t('login.unreachable');
  }
});
