import { fetchObeyingBusy, t } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const body = { username: form.username.value.trim(), password: form.password.value };
  let response;
  try {
    // At the exam start the whole hall logs in at once: a busy node's 503 is waited out, not shown.
    response = await fetchObeyingBusy('/api/auth/login', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
  } catch (e) {
    error.textContent = t('login.unreachable');
    return;
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
