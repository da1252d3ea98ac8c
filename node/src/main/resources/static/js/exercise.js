// A course exercise (text, modeling, file upload); in team mode also who is online and the teammates' edits, live.
import { api, ApiError, dateTime, feedbackList, get, h, newKey, page, t, time } from './api.js';
import { startPage } from './common.js';
import { isConnected, onSave, pendingSave, reportUnreachable, save, send, subscribe } from './connection.js';
import { hint, saveBody, showSaveState, textOfBody } from './editors.js';

startPage();
const { exerciseId, type, mode } = page();
const status = document.getElementById('save-status');
const answer = document.getElementById('answer');
const slot = `exercise-${exerciseId}`;
onSave(slot, (state, detail) => showSaveState(status, state, detail, time));

const exercise = await get(`/api/exercises/${exerciseId}`);
document.getElementById('exercise-title').textContent = exercise.title;
document.getElementById('exercise-statement').textContent = exercise.problemStatement || '';
document.getElementById('exercise-due').textContent = t('exercise.due', dateTime(exercise.dueDate));
document.title = `${exercise.title} · Lectern`;

function contentText(submission) {
  if (!submission) return '';
  return type === 'MODELING' ? textOfBody(type, { model: submission.model }) : submission.text || '';
}

const participation = await api('POST', `/api/exercises/${exerciseId}/participation`);
const latest = participation.latestSubmission;
if (answer) {
  document.getElementById('answer-hint').textContent = hint(type);
  const unsent = pendingSave(slot);
  answer.value = unsent ? textOfBody(type, unsent) : contentText(latest);
  if (latest) showSaveState(status, 'saved', { savedAt: latest.savedAt }, time);
  const saveNow = () => save(slot, 'PUT', `/api/exercises/${exerciseId}/submission`, saveBody(type, answer.value));
  document.getElementById('save').addEventListener('click', saveNow);
  // Saved when typing pauses, so that teammates see the edit within seconds.
  let typing = null;
  answer.addEventListener('input', () => {
    showSaveState(status, 'unsaved', {}, time);
    clearTimeout(typing);
    typing = setTimeout(saveNow, 1500);
  });
} else {
  const current = document.getElementById('current-file');
  if (latest && latest.file) current.replaceChildren(h('a', { href: latest.file.url }, latest.file.name));
  document.getElementById('upload-form').addEventListener('submit', async () => {
    const file = document.getElementById('file').files[0];
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    showSaveState(status, 'saving', {}, time);
    try {
      const saved = await api('POST', `/api/exercises/${exerciseId}/submission/file`, data, { 'Idempotency-Key': newKey() });
      showSaveState(status, 'saved', saved, time);
      current.textContent = file.name;
    } catch (e) {
      if (e instanceof ApiError) showSaveState(status, 'failed', { detail: e.message }, time);
      else { reportUnreachable(); showSaveState(status, 'retrying', {}, time); }
    }
  });
}

// The editor or upload form works from here on (tests wait for this rather than for a fixed time).
document.getElementById('content').dataset.ready = 'true';

try {
  const result = await get(`/api/exercises/${exerciseId}/result`);
  const box = document.getElementById('exercise-result');
  box.hidden = false;
  box.replaceChildren(h('p', { id: 'result-score' }, t('result.score', result.score, result.maxScore)),
    feedbackList(result, 'result-feedback'));
} catch (e) {
  // no visible result yet
}

const PRESENCE_REFRESH_MS = 10000;

if (mode === 'TEAM' && participation.teamId) {
  const team = await get(`/api/exercises/${exerciseId}/teams/mine`);
  const online = new Set([document.body.dataset.login]);
  document.getElementById('team-name').textContent = t('team.named', team.name);
  const renderMembers = () => document.getElementById('team-members').replaceChildren(...team.members.map((member) =>
    h('li', { dataset: { login: member.login, online: online.has(member.login) } },
      h('span', { class: online.has(member.login) ? 'dot online' : 'dot', 'aria-hidden': 'true' }),
      ` ${member.name} (${member.login}) — `, online.has(member.login) ? t('team.online') : t('team.offline'))));
  renderMembers();
  const topic = `/topic/teams/${team.id}`;
  subscribe(topic, (event) => {
    if (event.type === 'TEAM_PRESENCE') {
      const known = online.has(event.login);
      if (event.online) online.add(event.login); else online.delete(event.login);
      if (event.online && !known && event.login !== document.body.dataset.login) {
        // A teammate who just arrived learns that we are here too (once: no echo back and forth).
        send(`/app/teams/${team.id}/presence`, { online: true });
      }
      online.add(document.body.dataset.login);
      renderMembers();
    } else if (event.type === 'TEAM_EDIT' && event.author !== document.body.dataset.login && answer) {
      if (event.content !== null && String(event.exerciseId) === exerciseId) {
        answer.value = type === 'MODELING' ? textOfBody(type, { model: JSON.parse(event.content) }) : event.content;
      }
      document.getElementById('team-activity').textContent = t('team.edited', event.author, time(event.savedAt));
    }
  });
  // Say we are here once subscribed (and again after every reconnect: presence is forgotten with the session).
  const announce = () => send(`/app/teams/${team.id}/presence`, { online: true });
  if (isConnected()) announce();
  document.addEventListener('lectern:connected', announce);
  // Presence is soft state, said again every few seconds: a teammate whose page missed the first word (it was
  // still loading, or a message raced its subscription) sees us within that time instead of never.
  setInterval(() => { if (isConnected()) announce(); }, PRESENCE_REFRESH_MS);
}
