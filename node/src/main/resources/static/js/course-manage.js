// An instructor prepares the course: a quiz with its questions, a text / modeling / file-upload exercise, the teams
// of team exercises, members from CSV (with the node's per-line errors), and a new exam (then prepared on its own
// page). What exists is listed with "Edit" (the create form, filled) and "Delete"; the node decides what may still
// change (409 and its reason).
import { api, ApiError, dateTime, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { deleteConfirmed, editableForm, instant, number, setInstant, submit, value } from './staff.js';

startPage();
const { courseId } = page();

const course = await get(`/api/courses/${courseId}`);
document.getElementById('manage-title').textContent = t('manage.titleOf', course.shortName);

// Quiz questions: each a fieldset with its type, text, points and options; ids q{n}-… for labels and tests.
const questions = document.getElementById('questions');
let questionCount = 0;

function addOption(question, list, option = {}) {
  const n = list.children.length + 1;
  const prefix = `${question}-o${n}`;
  list.append(h('li', { class: 'option-row' },
    h('label', { for: `${prefix}-text` }, t('manage.option', n)),
    h('input', { id: `${prefix}-text`, class: 'option-text', required: true, value: option.text }),
    h('span', { class: 'option' },
      h('input', { id: `${prefix}-correct`, type: 'checkbox', class: 'option-correct', checked: option.correct === true }),
      h('label', { for: `${prefix}-correct` }, t('manage.correct')))));
}

function addQuestion(question = { options: [{}, {}] }) {
  questionCount += 1;
  const id = `q${questionCount}`;
  const options = h('ol', { class: 'options' });
  const typeSelect = h('select', { id: `${id}-type`, class: 'question-type' },
    ...['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_ANSWER'].map((type) => h('option', { value: type }, t(`questionType.${type}`))));
  const fieldset = h('fieldset', { class: 'question', id },
    h('legend', {}, t('manage.question', questionCount)),
    h('label', { for: `${id}-type` }, t('manage.questionType')), typeSelect,
    h('label', { for: `${id}-text` }, t('manage.questionText')),
    h('input', { id: `${id}-text`, class: 'question-text', required: true, value: question.text }),
    h('label', { for: `${id}-points` }, t('manage.points')),
    h('input', { id: `${id}-points`, class: 'question-points', type: 'number', min: 0, step: '0.01', value: question.points ?? 1 }),
    h('p', { class: 'hint', id: `${id}-hint` }, t('manage.optionsHint')),
    options,
    h('button', { type: 'button', id: `${id}-add-option`, onclick: () => addOption(id, options) }, t('manage.addOption')));
  if (question.type) typeSelect.value = question.type;
  questions.append(fieldset);
  question.options.forEach((option) => addOption(id, options, option));
  return fieldset;
}

function quizRequest() {
  return {
    title: value('quiz-title'),
    durationSeconds: number('quiz-duration'),
    releaseDate: instant('quiz-release'),
    questions: [...questions.querySelectorAll('fieldset.question')].map((fieldset) => ({
      type: fieldset.querySelector('.question-type').value,
      text: fieldset.querySelector('.question-text').value.trim(),
      points: Number(fieldset.querySelector('.question-points').value || 0),
      options: [...fieldset.querySelectorAll('.option-row')]
        .map((row) => ({ text: row.querySelector('.option-text').value.trim(), correct: row.querySelector('.option-correct').checked }))
        .filter((option) => option.text !== ''),
    })),
  };
}

function clearQuestions() {
  questions.replaceChildren();
  questionCount = 0;
}

const quizForm = editableForm('quiz-form', () => {
  clearQuestions();
  addQuestion();
});

/** Fills the quiz form with a quiz (staff view) to change it: questions and options as they are. */
async function editQuiz(id) {
  const quiz = await get(`/api/quizzes/${id}`);
  quizForm.reset();
  clearQuestions();
  quiz.questions.forEach((question) => addQuestion(question));
  document.getElementById('quiz-title').value = quiz.title;
  document.getElementById('quiz-duration').value = quiz.durationSeconds;
  setInstant('quiz-release', quiz.releaseDate);
  quizForm.edit(id, quiz.title, 'quiz-title');
}

document.getElementById('add-question').addEventListener('click', () => addQuestion().querySelector('select').focus());
document.getElementById('quiz-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const editing = quizForm.id;
  const quiz = await submit('quiz-status', () => (editing
    ? api('PUT', `/api/quizzes/${editing}`, quizRequest())
    : api('POST', `/api/courses/${courseId}/quizzes`, quizRequest())),
  (saved) => t(editing ? 'manage.quizSaved' : 'manage.quizCreated', saved.title));
  if (quiz) {
    quizForm.reset();
    await loadItems();
  }
});
addQuestion();

// Exercises: one form, the type decides which fields count (file limits for uploads only). Type and mode are fixed
// once created (the node refuses a change), so they are locked while an exercise is edited.
const typeSelect = document.getElementById('exercise-type');
const modeSelect = document.getElementById('exercise-mode');
const showFileFields = () => {
  document.getElementById('file-fields').hidden = typeSelect.value !== 'FILE_UPLOAD';
};
typeSelect.addEventListener('change', showFileFields);
const exerciseForm = editableForm('exercise-form', () => {
  typeSelect.disabled = false;
  modeSelect.disabled = false;
  showFileFields();
});

async function editExercise(id) {
  const exercise = await get(`/api/exercises/${id}`);
  exerciseForm.reset();
  typeSelect.value = exercise.type;
  modeSelect.value = exercise.mode;
  typeSelect.disabled = true;
  modeSelect.disabled = true;
  showFileFields();
  document.getElementById('exercise-title').value = exercise.title;
  document.getElementById('exercise-statement').value = exercise.problemStatement || '';
  document.getElementById('exercise-points').value = exercise.maxPoints;
  setInstant('exercise-release', exercise.releaseDate);
  setInstant('exercise-due', exercise.dueDate);
  setInstant('exercise-assessment-due', exercise.assessmentDueDate);
  document.getElementById('exercise-extensions').value = exercise.fileExtensions || '';
  document.getElementById('exercise-max-size').value = exercise.maxFileSizeBytes ?? '';
  exerciseForm.edit(id, exercise.title, 'exercise-title');
}

document.getElementById('exercise-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    type: typeSelect.value,
    mode: modeSelect.value,
    title: value('exercise-title'),
    problemStatement: value('exercise-statement'),
    maxPoints: number('exercise-points'),
    releaseDate: instant('exercise-release'),
    dueDate: instant('exercise-due'),
    assessmentDueDate: instant('exercise-assessment-due'),
  };
  if (body.type === 'FILE_UPLOAD') {
    body.fileExtensions = value('exercise-extensions');
    body.maxFileSizeBytes = number('exercise-max-size');
  }
  const editing = exerciseForm.id;
  const exercise = await submit('exercise-status', () => (editing
    ? api('PUT', `/api/exercises/${editing}`, body)
    : api('POST', `/api/courses/${courseId}/exercises`, body)),
  (saved) => t(editing ? 'manage.exerciseSaved' : 'manage.exerciseCreated', saved.title));
  if (exercise) {
    exerciseForm.reset();
    await loadItems();
  }
});

// Members from CSV: the file, or the pasted lines; a rejected file lists every bad line the node found.
document.getElementById('csv-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('csv-file').files[0];
  const text = document.getElementById('csv-text').value;
  const errors = document.getElementById('csv-errors');
  errors.replaceChildren();
  const body = file ? new Blob([await file.arrayBuffer()], { type: 'text/csv' }) : new Blob([text], { type: 'text/csv' });
  await submit('csv-status', async () => {
    try {
      return await api('POST', `/api/courses/${courseId}/members/csv`, body);
    } catch (e) {
      if (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors)) {
        errors.replaceChildren(...e.problem.errors.map((line) => h('li', {}, line.column
          ? t('manage.csvLineColumn', line.line, line.column, line.error)
          : t('manage.csvLine', line.line, line.error))));
        throw new ApiError(e.status, t('manage.csvRejected', e.problem.errors.length));
      }
      throw e;
    }
  }, (counts) => t('manage.csvDone', counts.created, counts.enrolled, counts.updated, counts.unchanged));
});

// Exams: created here, prepared (groups, exercises, students) on their own page; edited in the same form.
const examForm = editableForm('exam-form');

async function editExam(id) {
  const exam = await get(`/api/exams/${id}`);
  examForm.reset();
  document.getElementById('exam-title').value = exam.title;
  setInstant('exam-visible', exam.visibleDate);
  setInstant('exam-start', exam.startDate);
  setInstant('exam-end', exam.endDate);
  document.getElementById('exam-working-minutes').value = Math.round(exam.workingTimeSeconds / 60);
  document.getElementById('exam-grace').value = exam.gracePeriodSeconds;
  examForm.edit(id, exam.title, 'exam-title');
}

document.getElementById('exam-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const minutes = number('exam-working-minutes');
  const body = {
    title: value('exam-title'),
    visibleDate: instant('exam-visible'),
    startDate: instant('exam-start'),
    endDate: instant('exam-end'),
    workingTimeSeconds: minutes === null ? null : Math.round(minutes * 60),
    gracePeriodSeconds: number('exam-grace'),
  };
  const editing = examForm.id;
  const exam = await submit('exam-status', () => (editing
    ? api('PUT', `/api/exams/${editing}`, body)
    : api('POST', `/api/courses/${courseId}/exams`, body)),
  (saved) => t(editing ? 'manage.examSaved' : 'manage.examCreated', saved.title));
  if (exam && editing) {
    examForm.reset();
    await loadItems();
  } else if (exam) {
    location.assign(`/exams/${exam.id}/prepare`);
  }
});

// What the course has, each with "Edit" and "Delete" (labelled with its title for screen readers).
function actions(kind, item, edit, url) {
  return h('td', {}, h('span', { class: 'buttons' },
    h('button', { type: 'button', id: `edit-${kind}-${item.id}`, 'aria-label': t('staff.editLabel', item.title), onclick: () => edit(item.id) },
      t('staff.edit')),
    h('button', { type: 'button', id: `delete-${kind}-${item.id}`, 'aria-label': t('staff.deleteLabel', item.title),
      onclick: async () => {
        if (await deleteConfirmed('items-status', t('staff.deleteQuestion', item.title), url,
          t('staff.deleted', item.title))) await loadItems();
      } }, t('staff.delete'))));
}

// Teams: one part per team exercise, with its teams (Edit, Delete) and a form for a new one or the one edited. The
// parts stay while the page lives and only their rows reload, so what is typed in one survives another form's save.
const teamParts = new Map(); // exercise id -> { element, heading, load }

const loginsOf = (text) => text.split(/[\s,;]+/).filter(Boolean);

function teamPart(exercise) {
  const id = `teams-${exercise.id}`;
  const rows = h('tbody', { id: `${id}-rows` });
  const none = h('p', { class: 'hint', id: `${id}-none` }, t('manage.noTeams'));
  const form = h('form', { id: `${id}-form`, novalidate: true },
    h('h4', {}, t('manage.newTeam')),
    h('label', { for: `${id}-name` }, t('manage.teamName')),
    h('input', { id: `${id}-name`, required: true, maxlength: 100 }),
    h('label', { for: `${id}-members` }, t('manage.teamMembers')),
    h('input', { id: `${id}-members`, required: true, 'aria-describedby': `${id}-members-hint` }),
    h('p', { class: 'hint', id: `${id}-members-hint` }, t('manage.teamMembersHint')),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: `${id}-save`, class: 'primary' }, t('manage.createTeam')),
      h('button', { type: 'button', id: `${id}-cancel`, class: 'cancel-edit', hidden: true }, t('staff.cancelEdit'))),
    h('p', { id: `${id}-status`, class: 'status', role: 'status', 'aria-live': 'polite' }));
  const heading = h('h3', { id: `${id}-heading` });
  const element = h('section', { id, 'aria-labelledby': `${id}-heading`, dataset: { exerciseId: exercise.id } },
    heading, none,
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('manage.teamName')), h('th', { scope: 'col' }, t('manage.teamMembers')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('manage.actions'))))),
      rows),
    form);
  const editable = editableForm(form);

  function editTeam(team) {
    editable.reset();
    document.getElementById(`${id}-name`).value = team.name;
    document.getElementById(`${id}-members`).value = team.members.map((member) => member.login).join(', ');
    editable.edit(team.id, team.name, `${id}-name`);
  }

  async function load() {
    const teams = (await get(`/api/exercises/${exercise.id}/teams?size=500`)).content;
    none.hidden = teams.length > 0;
    rows.replaceChildren(...teams.map((team) => h('tr', { dataset: { teamId: team.id } },
      h('td', {}, team.name),
      h('td', {}, team.members.map((member) => `${member.login} (${member.name})`).join(', ')),
      h('td', {}, h('span', { class: 'buttons' },
        h('button', { type: 'button', id: `edit-team-${team.id}`, 'aria-label': t('staff.editLabel', team.name),
          onclick: () => editTeam(team) }, t('staff.edit')),
        h('button', { type: 'button', id: `delete-team-${team.id}`, 'aria-label': t('staff.deleteLabel', team.name),
          onclick: async () => {
            if (await deleteConfirmed(`${id}-status`, t('staff.deleteQuestion', team.name), `/api/teams/${team.id}`,
              t('staff.deleted', team.name))) {
              if (editable.id === team.id) editable.reset();
              await load();
            }
          } }, t('staff.delete')))))));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: value(`${id}-name`), memberLogins: loginsOf(value(`${id}-members`)) };
    const editing = editable.id;
    const team = await submit(`${id}-status`, () => (editing
      ? api('PUT', `/api/teams/${editing}`, body)
      : api('POST', `/api/exercises/${exercise.id}/teams`, body)),
    (saved) => t(editing ? 'manage.teamSaved' : 'manage.teamCreated', saved.name));
    if (team) {
      editable.reset();
      await load();
    }
  });
  return { element, heading, load };
}

/** A part for each team exercise (new ones added, deleted ones removed), each with its teams as they are now. */
async function showTeams(exercises) {
  const teamExercises = exercises.filter((exercise) => exercise.mode === 'TEAM');
  const wanted = new Set(teamExercises.map((exercise) => exercise.id));
  for (const [exerciseId, part] of teamParts) {
    if (!wanted.has(exerciseId)) {
      part.element.remove();
      teamParts.delete(exerciseId);
    }
  }
  for (const exercise of teamExercises) {
    if (!teamParts.has(exercise.id)) {
      const part = teamPart(exercise);
      teamParts.set(exercise.id, part);
      document.getElementById('team-exercises').append(part.element);
    }
    teamParts.get(exercise.id).heading.textContent = t('manage.teamsOf', exercise.title);
  }
  document.getElementById('teams').hidden = teamExercises.length === 0;
  await Promise.all([...teamParts.values()].map((part) => part.load()));
}

async function loadItems() {
  const [exercises, exams] = await Promise.all([
    get(`/api/courses/${courseId}/exercises?size=500`),
    get(`/api/courses/${courseId}/exams?size=100`),
  ]);
  document.getElementById('item-rows').replaceChildren(...exercises.content.map((item) => h('tr', { dataset: { itemId: item.id } },
    h('td', {}, item.title),
    h('td', {}, t(`type.${item.type}`)),
    h('td', {}, item.type === 'QUIZ' ? '–' : dateTime(item.dueDate)),
    item.type === 'QUIZ'
      ? actions('quiz', item, editQuiz, `/api/quizzes/${item.id}`)
      : actions('exercise', item, editExercise, `/api/exercises/${item.id}`))));
  document.getElementById('exam-rows').replaceChildren(...exams.content.map((exam) => h('tr', { dataset: { examId: exam.id } },
    h('td', {}, h('a', { href: `/exams/${exam.id}/prepare` }, exam.title)),
    h('td', {}, dateTime(exam.startDate)),
    h('td', {}, dateTime(exam.endDate)),
    actions('exam', exam, editExam, `/api/exams/${exam.id}`))));
  await showTeams(exercises.content);
}

await loadItems();
