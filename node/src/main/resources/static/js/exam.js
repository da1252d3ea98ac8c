import { api, ApiError, dateTime, get, h, newKey, page, t, time } from './api.js';
import { startPage, toast } from './common.js';
import { flush, hasUnsent, onSave, pendingSave, reportUnreachable, save, subscribe } from './connection.js';
import { hint, saveBody, showSaveState, textOfBody } from './editors.js';

startPage();
const { examId } = page();
const login = document.body.dataset.login;
const autosaveMs = (window.LECTERN.autosaveSeconds || 30) * 1000;
const answer = document.getElementById('answer');
const status = document.getElementById('save-status');
let exam = null;
let current = 0;
let lastSavedText = new Map(); // exercise id -> text last handed to the outbox or loaded from the node

const slot = (exerciseId) => `exam-${examId}-${exerciseId}`;
const draftKey = (exerciseId) => `lectern.draft.${login}.${slot(exerciseId)}`;

async function load() {
  try {
    exam = await get(`/api/exams/${examId}/student-exam`);
  } catch (e) {
    if (e instanceof ApiError) {
      document.getElementById('exam-done').hidden = false;
      document.getElementById('exam-done').textContent = t('exam.unavailable');
      return;
    }
    reportUnreachable();
    throw e;
  }
  document.getElementById('exam-title').textContent = exam.title;
  document.title = `${exam.title} · Lectern`;
  render();
}

function render() {
  const started = Boolean(exam.startedAt);
  document.getElementById('exam-start').hidden = started || exam.submitted;
  document.getElementById('exam-working-time').textContent = t('exam.workingTime', Math.round(exam.workingTimeSeconds / 60));
  document.getElementById('exam-body').hidden = !started || exam.submitted;
  if (exam.submitted) {
    const done = document.getElementById('exam-done');
    done.hidden = false;
    done.textContent = t('exam.handedIn', dateTime(exam.submittedAt));
    return;
  }
  if (!started) return;
  for (const exercise of exam.exercises) {
    // One indicator for the whole exam: the latest news of any answer's save.
    onSave(slot(exercise.id), (state, detail) => showSaveState(status, state, detail, time));
    if (!lastSavedText.has(exercise.id)) {
      lastSavedText.set(exercise.id, exercise.latestSave && exercise.type !== 'FILE_UPLOAD'
        ? textOfBody(exercise.type, JSON.parse(bodyOf(exercise))) : '');
    }
  }
  document.getElementById('exercise-nav').replaceChildren(...exam.exercises.map((exercise, index) => h('li', {},
    h('button', { type: 'button', class: 'link', 'aria-current': index === current ? 'step' : false,
      dataset: { exerciseId: exercise.id }, onclick: () => navigate(index) }, `${exercise.position}. ${exercise.title}`))));
  show();
}

function bodyOf(exercise) {
  const content = exercise.latestSave.content;
  return JSON.stringify(exercise.type === 'MODELING' ? { model: JSON.parse(content) } : { text: content });
}

/** What the editor shows for an exercise: an unsent save, else an unsaved draft, else what the node has. */
function textFor(exercise) {
  const unsent = pendingSave(slot(exercise.id));
  if (unsent) return textOfBody(exercise.type, unsent);
  const draft = localStorage.getItem(draftKey(exercise.id));
  if (draft !== null) return draft;
  return lastSavedText.get(exercise.id);
}

function show() {
  const exercise = exam.exercises[current];
  document.getElementById('exercise-title').textContent = `${exercise.position}. ${exercise.title} (${t('points', exercise.maxPoints)})`;
  document.getElementById('exercise-statement').textContent = exercise.problemStatement || '';
  const isFile = exercise.type === 'FILE_UPLOAD';
  document.getElementById('text-answer').hidden = isFile;
  document.getElementById('file-answer').hidden = !isFile;
  if (isFile) showFile(exercise);
  document.getElementById('answer-hint').textContent = hint(exercise.type);
  answer.value = isFile ? '' : textFor(exercise);
  answer.dataset.exerciseId = exercise.id;
  document.getElementById('previous').disabled = current === 0;
  document.getElementById('next').disabled = current === exam.exercises.length - 1;
  document.querySelectorAll('#exercise-nav button').forEach((button, index) =>
    button.toggleAttribute('aria-current', index === current));
  if (!status.dataset.state) {
    if (hasUnsent()) showSaveState(status, 'retrying', {}, time);
    else if (exercise.latestSave) showSaveState(status, 'saved', { savedAt: exercise.latestSave.savedAt }, time);
  }
}

/** Hands the current answer to the outbox if it changed since the last save. */
function saveCurrent() {
  if (!exam || !exam.startedAt || exam.submitted) return Promise.resolve();
  const exercise = exam.exercises[current];
  if (exercise.type === 'FILE_UPLOAD') return Promise.resolve(); // a file is sent when chosen, not autosaved
  const text = answer.value;
  if (text === lastSavedText.get(exercise.id) && !pendingSave(slot(exercise.id))) return Promise.resolve();
  lastSavedText.set(exercise.id, text);
  localStorage.removeItem(draftKey(exercise.id));
  return save(slot(exercise.id), 'PUT', `/api/exams/${examId}/exercises/${exercise.id}/submission`, saveBody(exercise.type, text));
}

function navigate(index) {
  saveCurrent();
  current = index;
  show();
  focusEditor();
}

function focusEditor() {
  (exam.exercises[current].type === 'FILE_UPLOAD' ? fileInput : answer).focus();
}

// ---- file upload exercises: the file is sent directly (it does not fit the outbox in local storage) ----
const fileInput = document.getElementById('exam-file');

function showFile(exercise) {
  const extensions = (exercise.fileExtensions || '').split(',').filter(Boolean);
  fileInput.value = '';
  fileInput.accept = extensions.map((extension) => `.${extension}`).join(',');
  document.getElementById('exam-file-hint').textContent = t('exam.fileTypes', extensions.join(', '));
  document.getElementById('exam-file-current').textContent = exercise.latestSave && exercise.latestSave.fileName
    ? t('exam.currentFile', exercise.latestSave.fileName) : t('exam.noFile');
}

document.getElementById('exam-upload').addEventListener('click', async () => {
  const exercise = exam.exercises[current];
  const file = fileInput.files[0];
  if (!file) return;
  const data = new FormData();
  data.append('file', file);
  showSaveState(status, 'saving', {}, time);
  try {
    const saved = await api('POST', `/api/exams/${examId}/exercises/${exercise.id}/submission/file`, data,
      { 'Idempotency-Key': newKey() });
    exercise.latestSave = { submissionId: saved.submissionId, version: saved.version, savedAt: saved.savedAt, fileName: file.name };
    showSaveState(status, 'saved', saved, time);
    showFile(exercise);
  } catch (e) {
    if (e instanceof ApiError) showSaveState(status, 'failed', { detail: e.message }, time);
    else { reportUnreachable(); showSaveState(status, 'retrying', {}, time); }
  }
});

answer.addEventListener('input', () => {
  const exercise = exam.exercises[current];
  localStorage.setItem(draftKey(exercise.id), answer.value);
  showSaveState(status, 'unsaved', {}, time);
});
document.getElementById('previous').addEventListener('click', () => navigate(current - 1));
document.getElementById('next').addEventListener('click', () => navigate(current + 1));
document.addEventListener('visibilitychange', () => { if (document.hidden) saveCurrent(); });
setInterval(saveCurrent, autosaveMs);

document.getElementById('start-exam').addEventListener('click', async () => {
  exam = await api('POST', `/api/exams/${examId}/student-exam/start`);
  render();
  focusEditor();
});

// ---- hand-in: only once every save is answered; retried while the node cannot be reached ----
const dialog = document.getElementById('hand-in-dialog');
document.getElementById('hand-in').addEventListener('click', () => dialog.showModal());
document.getElementById('hand-in-cancel').addEventListener('click', () => dialog.close());
document.getElementById('hand-in-confirm').addEventListener('click', async () => {
  dialog.close();
  await saveCurrent();
  handIn(0);
});

async function handIn(attempt) {
  await flush();
  if (hasUnsent()) {
    status.textContent = t('exam.handInWaiting');
    setTimeout(() => handIn(attempt + 1), Math.min(1000 * 2 ** attempt, 10000));
    return;
  }
  try {
    exam = await api('POST', `/api/exams/${examId}/student-exam/hand-in`);
    render();
  } catch (e) {
    if (e instanceof ApiError) {
      toast(t('exam.handInFailed'), e.message);
    } else {
      reportUnreachable();
      status.textContent = t('exam.handInWaiting');
      setTimeout(() => handIn(attempt + 1), Math.min(1000 * 2 ** attempt, 10000));
    }
  }
}

// ---- time ----
function tick() {
  if (!exam || !exam.individualEnd || exam.submitted) return;
  const left = Math.round((new Date(exam.individualEnd) - Date.now()) / 1000);
  const timer = document.getElementById('exam-timer');
  if (left > 0) {
    timer.textContent = t('exam.timeLeft', `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
  } else if (left > -exam.gracePeriodSeconds) {
    timer.textContent = t('exam.grace');
  } else {
    timer.textContent = t('exam.over');
    answer.disabled = true;
    document.getElementById('exam-upload').disabled = true;
  }
}
setInterval(tick, 1000);

// ---- live: announcements (new, corrected, retracted), working time ----
// Each announcement is shown once, as element announcement-{id}, newest first. The list loaded over REST and the
// live events may overlap in either order, so the newer version of an announcement wins and a retracted one stays
// gone.
const announcementList = document.getElementById('announcements');
const shownVersions = new Map(); // announcement id -> time (ms) of the version shown: corrected, else created
const retracted = new Set();

function showAnnouncement(a) {
  const version = Date.parse(a.editedAt || a.createdAt);
  if (retracted.has(a.id) || shownVersions.get(a.id) > version) return;
  shownVersions.set(a.id, version);
  const element = h('p', { class: 'announcement', id: `announcement-${a.id}`, dataset: { announcementId: a.id } },
    h('strong', {}, t('exam.announcement')), ` ${time(a.createdAt)} `, a.text,
    a.editedAt ? h('small', {}, ` ${t('exam.announcementCorrected', time(a.editedAt))}`) : null);
  const shown = document.getElementById(element.id);
  if (shown) shown.replaceWith(element);
  else announcementList.prepend(element);
}

function retractAnnouncement(id) {
  retracted.add(id);
  document.getElementById(`announcement-${id}`)?.remove();
}

/**
 * Shows the announcements as the node has them now. One shown before asking that the node no longer has was
 * retracted; one that arrived live meanwhile is newer than the answer and stays.
 */
async function loadAnnouncements() {
  const shownBefore = [...shownVersions.keys()];
  const current = await get(`/api/exams/${examId}/announcements`);
  const ids = new Set(current.map((a) => a.id));
  shownBefore.filter((id) => !ids.has(id)).forEach(retractAnnouncement);
  current.forEach(showAnnouncement);
}

async function reloadTimes() {
  const fresh = await get(`/api/exams/${examId}/student-exam`);
  exam.workingTimeSeconds = fresh.workingTimeSeconds;
  exam.individualEnd = fresh.individualEnd;
  tick();
}

subscribe(`/topic/exams/${examId}/students`, (event) => {
  if (String(event.examId) !== examId) return;
  const announcement = { id: event.announcementId, text: event.text, createdAt: event.createdAt, editedAt: event.editedAt };
  if (event.type === 'EXAM_ANNOUNCEMENT' || event.type === 'EXAM_ANNOUNCEMENT_CHANGED') showAnnouncement(announcement);
  if (event.type === 'EXAM_ANNOUNCEMENT_RETRACTED') retractAnnouncement(event.announcementId);
  if (event.type === 'EXAM_WORKING_TIME_CHANGED') {
    toast(t('exam.workingTimeChanged'), t('exam.workingTime', Math.round(event.workingTimeSeconds / 60)));
    reloadTimes();
  }
}, () => {
  if (!exam) return;
  reloadTimes();
  loadAnnouncements();
});
subscribe('/user/queue/notifications', (notification) => {
  if (notification.title === 'Working time changed') reloadTimes();
});

await load();
if (exam) await loadAnnouncements();
