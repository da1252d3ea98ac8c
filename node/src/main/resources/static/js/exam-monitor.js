// Exam monitoring, live: registered / started / submitted, saves per minute; announcements (sent ones listed with
// "Edit" to correct the text and "Delete" to retract it; students see either at once); one student's time.
import { api, ApiError, get, h, page, t, time } from './api.js';
import { startPage } from './common.js';
import { subscribe } from './connection.js';
import { deleteConfirmed, editableForm, submit, value } from './staff.js';

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

/** An announcement's text cut to fit a heading, a button's label or the delete question. */
function excerpt(text) {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const announceForm = editableForm('announce-form');

function editAnnouncement(announcement) {
  announceForm.reset();
  document.getElementById('announcement').value = announcement.text;
  announceForm.edit(announcement.id, excerpt(announcement.text), 'announcement');
}

async function loadAnnouncements() {
  const announcements = await get(`/api/exams/${examId}/announcements`);
  document.getElementById('no-announcements').hidden = announcements.length > 0;
  document.getElementById('announcement-list').replaceChildren(...announcements.reverse().map((a) => {
    const label = excerpt(a.text);
    return h('li', { id: `sent-announcement-${a.id}`, dataset: { announcementId: a.id } },
      h('small', {}, time(a.createdAt), a.editedAt ? ` ${t('exam.announcementCorrected', time(a.editedAt))}` : ''), ' ',
      h('span', { class: 'announcement-text' }, a.text), ' ',
      h('span', { class: 'buttons' },
        h('button', { type: 'button', id: `edit-announcement-${a.id}`, 'aria-label': t('staff.editLabel', label),
          onclick: () => editAnnouncement(a) }, t('staff.edit')),
        h('button', { type: 'button', id: `delete-announcement-${a.id}`, 'aria-label': t('staff.deleteLabel', label),
          onclick: async () => {
            if (await deleteConfirmed('announce-status', t('staff.deleteQuestion', label),
              `/api/exams/${examId}/announcements/${a.id}`, t('monitor.retracted', label))) {
              if (announceForm.id === a.id) announceForm.reset();
              await loadAnnouncements();
            }
          } }, t('staff.delete'))));
  }));
}

document.getElementById('announce-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { text: value('announcement') };
  const editing = announceForm.id;
  const saved = await submit('announce-status', () => (editing
    ? api('PUT', `/api/exams/${examId}/announcements/${editing}`, body)
    : api('POST', `/api/exams/${examId}/announcements`, body)),
  t(editing ? 'monitor.corrected' : 'monitor.sent'));
  if (saved) {
    announceForm.reset();
    await loadAnnouncements();
  }
});

document.getElementById('extend-form').addEventListener('submit', () => attempt(async () => {
  const login = document.getElementById('extend-login').value.trim();
  const minutes = Number(document.getElementById('extend-minutes').value);
  const exams = await get(`/api/exams/${examId}/student-exams?size=500`);
  const studentExam = exams.content.find((row) => row.login === login);
  if (!studentExam) throw new ApiError(404, login);
  await api('PUT', `/api/exams/${examId}/student-exams/${studentExam.id}/working-time`, { workingTimeSeconds: minutes * 60 });
}));

subscribe(`/topic/exams/${examId}/staff`, showFigures, load);
await Promise.all([load(), loadAnnouncements()]);
