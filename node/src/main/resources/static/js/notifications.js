import { dateTime, get, h } from './api.js';
import { startPage } from './common.js';
import { subscribe } from './connection.js';

startPage();
const list = document.getElementById('notification-list');

async function load() {
  const page = await get('/api/notifications?size=100');
  list.replaceChildren(...page.content.map((n) => item(n.title, n.text, n.createdAt)));
}

function item(title, text, at) {
  return h('li', { class: 'card' }, h('strong', {}, title), h('p', {}, text), h('small', {}, dateTime(at)));
}

subscribe('/user/queue/notifications', (n) => list.prepend(item(n.title, n.text, new Date(n.sentAtMillis).toISOString())), load);
await load();
