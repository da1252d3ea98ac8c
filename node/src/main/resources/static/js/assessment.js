// Tutors and instructors assess text, modeling and file-upload submissions: the list of what there is to assess,
// one submission's latest content (a download for files), score and feedback items, saved as the manual result.
import { api, dateTime, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { submit } from './staff.js';

startPage();
const { exerciseId } = page();
const panel = document.getElementById('assess-panel');
const items = document.getElementById('feedback-items');
let current = null;
let itemCount = 0;

const exercise = await get(`/api/exercises/${exerciseId}`);
document.getElementById('exercise-title').textContent = t('assess.titleOf', exercise.title);
document.getElementById('exercise-summary').textContent = `${t(`type.${exercise.type}`)} · ${t('points', exercise.maxPoints)}`;
document.getElementById('score').max = exercise.maxPoints;

async function loadSubmissions() {
  const rows = await get(`/api/exercises/${exerciseId}/submissions?size=500`);
  const body = document.getElementById('submission-rows');
  body.replaceChildren(...rows.content.map((row) => {
    const who = row.team ? t('team.named', row.team) : row.student;
    return h('tr', { dataset: { student: row.student || '', team: row.team || '', submissionId: row.submissionId || '' } },
      h('td', {}, who),
      h('td', {}, row.submissionId ? t('assess.version', row.version, dateTime(row.savedAt)) : t('assess.nothing')),
      h('td', { class: 'assessed' }, row.assessed ? t('assess.assessed', row.score, exercise.maxPoints) : t('assess.open')),
      h('td', {}, row.submissionId
        ? h('button', { type: 'button', 'aria-label': t('assess.openLabel', who), onclick: () => open(row.submissionId, who) }, t('staff.assess'))
        : ''));
  }));
  if (rows.content.length === 0) body.replaceChildren(h('tr', {}, h('td', { colspan: 4 }, t('assess.none'))));
}

function addItem(item = {}) {
  itemCount += 1;
  const id = `fb${itemCount}`;
  const row = h('fieldset', { class: 'feedback-item', id },
    h('legend', {}, t('assess.item', itemCount)),
    h('label', { for: `${id}-reference` }, t('assess.reference')),
    h('input', { id: `${id}-reference`, class: 'fb-reference', value: item.reference || '' }),
    h('label', { for: `${id}-text` }, t('assess.feedbackText')),
    h('textarea', { id: `${id}-text`, class: 'fb-text', rows: 2 }, item.text || ''),
    h('label', { for: `${id}-credits` }, t('assess.credits')),
    h('input', { id: `${id}-credits`, class: 'fb-credits', type: 'number', step: '0.01', value: item.credits ?? '' }),
    h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, t('assess.removeItem')));
  items.append(row);
  return row;
}

async function open(submissionId, who) {
  const submission = await get(`/api/submissions/${submissionId}`);
  current = submission;
  panel.hidden = false;
  document.getElementById('submission-heading').textContent = t('assess.submissionOf', who);
  document.getElementById('submission-meta').textContent = t('assess.version', submission.version, dateTime(submission.savedAt));
  const content = document.getElementById('submission-content');
  const file = document.getElementById('submission-file');
  content.textContent = submission.text ?? '';
  content.hidden = submission.fileName != null;
  file.hidden = submission.fileName == null;
  if (submission.fileName != null) {
    file.href = `/api/submissions/${submission.id}/file`;
    file.setAttribute('download', submission.fileName);
    file.textContent = t('assess.download', submission.fileName, submission.fileSizeBytes);
  }
  document.getElementById('assessment-form').reset();
  items.replaceChildren();
  itemCount = 0;
  addItem();
  document.getElementById('assessment-status').textContent = '';
  document.getElementById('submission-heading').focus();
}

document.getElementById('add-feedback').addEventListener('click', () => addItem().querySelector('input').focus());
document.getElementById('assessment-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const feedback = [...items.querySelectorAll('.feedback-item')].map((row) => ({
    reference: row.querySelector('.fb-reference').value.trim() || null,
    text: row.querySelector('.fb-text').value.trim(),
    credits: Number(row.querySelector('.fb-credits').value || 0),
  })).filter((item) => item.text !== '' || item.credits !== 0);
  const body = { score: Number(document.getElementById('score').value || 0), feedback };
  const saved = await submit('assessment-status', () => api('PUT', `/api/submissions/${current.id}/assessment`, body),
    (result) => t('assess.saved', result.score, result.maxScore));
  if (saved) await loadSubmissions();
});

await loadSubmissions();
