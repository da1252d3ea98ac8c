// Exam monitoring, live: registered / started / submitted, saves per minute; announcements; one student's time.
import { api, ApiError, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { subscribe } from './connection.js';

startPage();
const { examId } = page();
const statusLine = document.getElementById('monitor-status');

const exam = await get(`/api/exams/${examId}`);
document.getElementById('exam-title').textContent = `${t('monitor.title')}: ${exam.title}`;

function showFigures(figures) {
  const figure = (id, label, value) => h('div', { id }, h('strong', {}, String(value)), label);
  document.getElementById('figures').replaceChildren(
    figure('figure-registered', t('monitor.registered'), figures.registered),
    figure('figure-started', t('monitor.started'), figures.started),
    figure('figure-submitted', t('monitor.submitted'), figures.submitted),
    figure('figure-saves', t('monitor.savesLastMinute'), figures.savesLastMinute));
}

async function load() {
  showFigures(await get(`/api/exams/${examId}/figures`));
}

async function attempt(action) {
  try {
    await action();
    statusLine.textContent = t('monitor.done');
  } catch (e) {
    statusLine.textContent = e instanceof ApiError ? t('save.failed', e.message) : t('connection.lost');
  }
}

document.getElementById('announce-form').addEventListener('submit', () => attempt(async () => {
  const text = document.getElementById('announcement');
  await api('POST', `/api/exams/${examId}/announcements`, { text: text.value });
  text.value = '';
}));

document.getElementById('extend-form').addEventListener('submit', () => attempt(async () => {
  const login = document.getElementById('extend-login').value.trim();
  const minutes = Number(document.getElementById('extend-minutes').value);
  const exams = await get(`/api/exams/${examId}/student-exams?size=500`);
  const studentExam = exams.content.find((row) => row.login === login);
  if (!studentExam) throw new ApiError(404, login);
  await api('PUT', `/api/exams/${examId}/student-exams/${studentExam.id}/working-time`, { workingTimeSeconds: minutes * 60 });
}));

subscribe(`/topic/exams/${examId}/staff`, showFigures, load);
await load();
