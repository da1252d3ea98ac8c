// An instructor prepares an exam: exercise groups with their exercises, registered students (CSV or logins),
// generated student exams; the monitoring page is one link away. Groups and exercises can be edited and deleted
// until the exam starts (deleted only until student exams are generated); the node answers 409 with its reason.
import { api, dateTime, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { deleteConfirmed, editableForm, number, submit, value } from './staff.js';

startPage();
const { examId } = page();

const exam = await get(`/api/exams/${examId}`);
document.getElementById('exam-title').textContent = t('prepare.titleOf', exam.title);
document.getElementById('exam-summary').textContent = t('prepare.summary', dateTime(exam.startDate), dateTime(exam.endDate),
  Math.round(exam.workingTimeSeconds / 60));

function exerciseForm(group) {
  const id = `group-${group.position}`;
  const form = h('form', { class: 'exercise-form', novalidate: true },
    h('h4', {}, t('prepare.addExercise')),
    h('label', { for: `${id}-type` }, t('manage.exerciseType')),
    h('select', { id: `${id}-type` }, ...['TEXT', 'MODELING', 'FILE_UPLOAD'].map((type) => h('option', { value: type }, t(`type.${type}`)))),
    h('label', { for: `${id}-exercise-title` }, t('manage.titleField')),
    h('input', { id: `${id}-exercise-title`, required: true, maxlength: 200 }),
    h('label', { for: `${id}-statement` }, t('manage.statement')),
    h('textarea', { id: `${id}-statement`, rows: 3 }),
    h('label', { for: `${id}-points` }, t('manage.points')),
    h('input', { id: `${id}-points`, type: 'number', min: 0, step: '0.01', value: 10 }),
    h('div', { id: `${id}-file-fields`, hidden: true },
      h('label', { for: `${id}-extensions` }, t('prepare.extensions')),
      h('input', { id: `${id}-extensions`, placeholder: 'pdf,png' })),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: `${id}-add-exercise` }, t('prepare.addExerciseButton')),
      h('button', { type: 'button', id: `${id}-cancel`, class: 'cancel-edit', hidden: true }, t('staff.cancelEdit'))),
    h('p', { id: `${id}-status`, class: 'status', role: 'status', 'aria-live': 'polite' }));
  const typeSelect = form.querySelector('select');
  const fileFields = form.querySelector(`#${id}-file-fields`);
  const showFileFields = () => {
    fileFields.hidden = typeSelect.value !== 'FILE_UPLOAD';
  };
  typeSelect.addEventListener('change', showFileFields);
  const editable = editableForm(form, () => {
    typeSelect.disabled = false;
    showFileFields();
  });
  form.edit = (exercise) => {
    editable.reset();
    typeSelect.value = exercise.type;
    typeSelect.disabled = true;
    showFileFields();
    form.querySelector(`#${id}-extensions`).value = exercise.fileExtensions || '';
    form.querySelector(`#${id}-exercise-title`).value = exercise.title;
    form.querySelector(`#${id}-statement`).value = exercise.problemStatement || '';
    form.querySelector(`#${id}-points`).value = exercise.maxPoints;
    editable.edit(exercise.id, exercise.title, `${id}-exercise-title`);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { type: value(`${id}-type`), title: value(`${id}-exercise-title`),
      problemStatement: value(`${id}-statement`), maxPoints: number(`${id}-points`) };
    if (body.type === 'FILE_UPLOAD') body.fileExtensions = value(`${id}-extensions`);
    const editing = editable.id;
    const saved = await submit(`${id}-status`, () => (editing
      ? api('PUT', `/api/exercise-groups/${group.id}/exercises/${editing}`, body)
      : api('POST', `/api/exercise-groups/${group.id}/exercises`, body)),
    (exercise) => t(editing ? 'manage.exerciseSaved' : 'manage.exerciseCreated', exercise.title));
    if (saved) await loadGroups(`${id}-status`, document.getElementById(`${id}-status`).textContent);
  });
  return form;
}

function editButton(id, title, onclick) {
  return h('button', { type: 'button', id, 'aria-label': t('staff.editLabel', title), onclick }, t('staff.edit'));
}

function deleteButton(id, title, url) {
  return h('button', { type: 'button', id, 'aria-label': t('staff.deleteLabel', title), onclick: async () => {
    if (await deleteConfirmed('groups-status', t('staff.deleteQuestion', title), url, t('staff.deleted', title))) {
      await loadGroups();
    }
  } }, t('staff.delete'));
}

function groupCard(group) {
  const form = exerciseForm(group);
  const prefix = `group-${group.position}`;
  return h('section', { class: 'card group', id: prefix, dataset: { groupId: group.id } },
    h('h3', {}, `${group.position}. ${group.title}`, ' ', h('span', { class: 'badge' }, t(group.mandatory ? 'prepare.isMandatory' : 'prepare.isOptional'))),
    h('p', { class: 'buttons' },
      editButton(`${prefix}-edit`, group.title, () => editGroup(group)),
      deleteButton(`${prefix}-delete`, group.title, `/api/exercise-groups/${group.id}`)),
    group.exercises.length === 0 ? h('p', { class: 'hint' }, t('prepare.noExercises'))
      : h('ul', { class: 'list' }, ...group.exercises.map((exercise) => h('li', { dataset: { exerciseId: exercise.id } },
        exercise.title, ' ', h('small', {}, t(`type.${exercise.type}`), ' · ', t('points', exercise.maxPoints)), ' ',
        h('a', { href: `/exercises/${exercise.id}/assessment` }, t('staff.assess')), ' ',
        editButton(`exercise-${exercise.id}-edit`, exercise.title, () => form.edit(exercise)), ' ',
        deleteButton(`exercise-${exercise.id}-delete`, exercise.title,
          `/api/exercise-groups/${group.id}/exercises/${exercise.id}`)))),
    form);
}

/** Reloads the groups; a status line inside them (rebuilt) keeps the text it had. */
async function loadGroups(statusId, statusText) {
  const groups = await get(`/api/exams/${examId}/exercise-groups`);
  document.getElementById('groups').replaceChildren(...groups.map(groupCard));
  const status = statusId && document.getElementById(statusId);
  if (status) {
    status.dataset.state = 'done';
    status.textContent = statusText;
  }
}

async function loadRegistrations() {
  const registrations = await get(`/api/exams/${examId}/registrations?size=500`);
  document.getElementById('registration-rows').replaceChildren(...registrations.content.map((row) => h('tr', {},
    h('td', {}, row.login), h('td', {}, row.name), h('td', {}, t(`registration.${row.status}`)),
    h('td', {}, unregisterButton(row)))));
}

/** Takes a student off the exam; the node refuses (409, shown) once they have started. */
function unregisterButton(row) {
  return h('button', { type: 'button', id: `unregister-${row.login}`, 'aria-label': t('prepare.unregisterLabel', row.login),
    onclick: async () => {
      if (await deleteConfirmed('register-status', t('prepare.unregisterQuestion', row.login),
        `/api/exams/${examId}/registrations/${encodeURIComponent(row.login)}`, t('prepare.unregistered', row.login))) {
        await loadRegistrations();
      }
    } }, t('prepare.unregister'));
}

const groupForm = editableForm('group-form');

function editGroup(group) {
  groupForm.reset();
  document.getElementById('group-title').value = group.title;
  document.getElementById('group-mandatory').checked = group.mandatory;
  groupForm.edit(group.id, group.title, 'group-title');
}

document.getElementById('group-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { title: value('group-title'), mandatory: document.getElementById('group-mandatory').checked };
  const editing = groupForm.id;
  const group = await submit('group-status', () => (editing
    ? api('PUT', `/api/exercise-groups/${editing}`, body)
    : api('POST', `/api/exams/${examId}/exercise-groups`, body)),
  (saved) => t(editing ? 'prepare.groupSaved' : 'prepare.groupAdded', saved.title));
  if (group) {
    groupForm.reset();
    await loadGroups();
  }
});

/** The logins of a CSV file: the column headed "login", or the first column when no header names it. */
function loginsOfCsv(text) {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '').map(fields);
  if (rows.length === 0) return [];
  const column = rows[0].findIndex((name) => name.trim().toLowerCase() === 'login');
  return (column >= 0 ? rows.slice(1).map((row) => row[column]) : rows.map((row) => row[0]))
    .map((login) => (login || '').trim()).filter(Boolean);
}

function fields(line) {
  const result = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i += 1; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { result.push(field); field = ''; }
    else field += c;
  }
  result.push(field);
  return result;
}

document.getElementById('register-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('register-file').files[0];
  const logins = file ? loginsOfCsv(await file.text())
    : document.getElementById('register-logins').value.split(/[\s,;]+/).filter(Boolean);
  const registered = await submit('register-status', () => api('POST', `/api/exams/${examId}/registrations`, { logins }),
    (counts) => t('prepare.registered', counts.registered, counts.alreadyRegistered));
  if (registered) {
    event.target.reset();
    await loadRegistrations();
  }
});

document.getElementById('generate').addEventListener('click', async () => {
  const generated = await submit('generate-status', () => api('POST', `/api/exams/${examId}/student-exams/generate`),
    (counts) => t('prepare.generated', counts.created));
  if (generated) await loadRegistrations();
});

await Promise.all([loadGroups(), loadRegistrations()]);
