// What every logged-in page does: the connection, the logout button, live personal notifications.
import { api, h, t } from './api.js';
import { start, subscribe } from './connection.js';

export function startPage() {
  start();
  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      await api('POST', '/api/auth/logout').catch(() => {});
      location.assign('/login');
    });
  }
  subscribe('/user/queue/notifications', (notification) => toast(notification.title, notification.text));
  subscribe('/topic/settings', (settings) => applySettings(settings.values));
}

/** Cluster settings an operator changed: the banner shows at once, the autosave interval from the next page. */
function applySettings(values) {
  const banner = document.getElementById('announcement-banner');
  if (banner) {
    banner.textContent = values['announcement.banner'] || '';
    banner.hidden = !banner.textContent;
  }
  window.LECTERN.autosaveSeconds = Number(values['exam.autosave-interval-seconds']) || window.LECTERN.autosaveSeconds;
}

/** A short message in the live region at the top of the page (read out by screen readers). */
export function toast(title, text) {
  const region = document.getElementById('toasts');
  if (!region) return;
  const item = h('div', { class: 'toast', role: 'status' }, h('strong', {}, title), ' ', text,
    h('button', { type: 'button', class: 'link', 'aria-label': t('close'), onclick: () => item.remove() }, '×'));
  region.prepend(item);
}
