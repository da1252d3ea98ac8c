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

// Files previewed in the page: images and plain text. The node serves every upload as an attachment (never rendered
// by the browser itself), so the page fetches it and shows it with a type it chooses: text only as text, images
// as images; anything else (PDF, SVG, archives) is downloaded.
const IMAGE_TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'csv', 'java', 'py', 'c', 'h', 'js', 'json', 'xml', 'tex']);
const PREVIEW_LIMIT_BYTES = 2 * 1024 * 1024;
let previewUrl = null;

async function preview(submission) {
  const box = document.getElementById('file-preview');
  box.replaceChildren();
  box.hidden = true;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  const extension = submission.fileName.split('.').pop().toLowerCase();
  const imageType = IMAGE_TYPES[extension];
  if ((!imageType && !TEXT_EXTENSIONS.has(extension)) || submission.fileSizeBytes > PREVIEW_LIMIT_BYTES) return;
  const response = await fetch(`/api/submissions/${submission.id}/file`, { credentials: 'same-origin' });
  if (!response.ok || current.id !== submission.id) return;
  const bytes = await response.arrayBuffer();
  if (imageType) {
    previewUrl = URL.createObjectURL(new Blob([bytes], { type: imageType }));
    box.append(h('img', { id: 'preview-image', src: previewUrl, alt: t('assess.previewOf', submission.fileName) }));
  } else {
    box.append(h('pre', { id: 'preview-text', class: 'statement', tabindex: 0, 'aria-label': t('assess.previewOf', submission.fileName) },
      new TextDecoder().decode(bytes)));
  }
  box.hidden = false;
}

/** A model (its JSON as saved) as lists of classes and associations; unreadable JSON is shown as it is. */
function showModel(json) {
  let model;
  try {
    model = JSON.parse(json || '{}');
  } catch (e) {
    return false;
  }
  document.getElementById('model-classes').replaceChildren(...(model.classes || []).map((name) => h('li', {}, name)));
  document.getElementById('model-associations').replaceChildren(...(model.associations || [])
    .map((association) => h('li', {}, `${association.from} → ${association.to}`)));
  return true;
}

/** The manual result of this very submission, if it was assessed before: shown to be changed, not retyped. */
async function earlierAssessment(submission) {
  const rows = await get(`/api/exercises/${exerciseId}/results?size=500`);
  const row = rows.content.find((candidate) => candidate.participationId === submission.participationId);
  return row && row.results.find((result) => result.assessmentType === 'MANUAL' && result.submissionId === submission.id);
}

async function open(submissionId, who) {
  const submission = await get(`/api/submissions/${submissionId}`);
  current = submission;
  panel.hidden = false;
  document.getElementById('submission-heading').textContent = t('assess.submissionOf', who);
  document.getElementById('submission-meta').textContent = t('assess.version', submission.version, dateTime(submission.savedAt));
  const content = document.getElementById('submission-content');
  const model = document.getElementById('submission-model');
  const file = document.getElementById('submission-file');
  const isFile = submission.fileName != null;
  model.hidden = isFile || exercise.type !== 'MODELING' || !showModel(submission.text);
  content.textContent = submission.text ?? '';
  content.hidden = isFile || !model.hidden;
  file.hidden = !isFile;
  document.getElementById('file-preview').hidden = true;
  if (isFile) {
    file.href = `/api/submissions/${submission.id}/file`;
    file.setAttribute('download', submission.fileName);
    file.textContent = t('assess.download', submission.fileName, submission.fileSizeBytes);
    preview(submission);
  }
  document.getElementById('assessment-form').reset();
  items.replaceChildren();
  itemCount = 0;
  const earlier = await earlierAssessment(submission);
  if (earlier) {
    document.getElementById('score').value = earlier.score;
    earlier.feedback.forEach((item) => addItem(item));
  } else {
    addItem();
  }
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
