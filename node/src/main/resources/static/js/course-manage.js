// An instructor prepares the course: a quiz with its questions, a text / modeling / file-upload exercise, members
// from CSV (with the node's per-line errors), and a new exam (then prepared on its own page).
import { api, ApiError, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { instant, number, submit, value } from './staff.js';

startPage();
const { courseId } = page();

const course = await get(`/api/courses/${courseId}`);
document.getElementById('manage-title').textContent = t('manage.titleOf', course.shortName);

// Quiz questions: each a fieldset with its type, text, points and options; ids q{n}-… for labels and tests.
const questions = document.getElementById('questions');
let questionCount = 0;

function addOption(question, list) {
  const n = list.children.length + 1;
  const prefix = `${question}-o${n}`;
  list.append(h('li', { class: 'option-row' },
    h('label', { for: `${prefix}-text` }, t('manage.option', n)),
    h('input', { id: `${prefix}-text`, class: 'option-text', required: true }),
    h('span', { class: 'option' },
      h('input', { id: `${prefix}-correct`, type: 'checkbox', class: 'option-correct' }),
      h('label', { for: `${prefix}-correct` }, t('manage.correct')))));
}

function addQuestion() {
  questionCount += 1;
  const id = `q${questionCount}`;
  const options = h('ol', { class: 'options' });
  const typeSelect = h('select', { id: `${id}-type`, class: 'question-type' },
    ...['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_ANSWER'].map((type) => h('option', { value: type }, t(`questionType.${type}`))));
  const fieldset = h('fieldset', { class: 'question', id },
    h('legend', {}, t('manage.question', questionCount)),
    h('label', { for: `${id}-type` }, t('manage.questionType')), typeSelect,
    h('label', { for: `${id}-text` }, t('manage.questionText')),
    h('input', { id: `${id}-text`, class: 'question-text', required: true }),
    h('label', { for: `${id}-points` }, t('manage.points')),
    h('input', { id: `${id}-points`, class: 'question-points', type: 'number', min: 0, step: '0.01', value: 1 }),
    h('p', { class: 'hint', id: `${id}-hint` }, t('manage.optionsHint')),
    options,
    h('button', { type: 'button', id: `${id}-add-option`, onclick: () => addOption(id, options) }, t('manage.addOption')));
  questions.append(fieldset);
  addOption(id, options);
  addOption(id, options);
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

document.getElementById('add-question').addEventListener('click', () => addQuestion().querySelector('select').focus());
document.getElementById('quiz-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const quiz = await submit('quiz-status', () => api('POST', `/api/courses/${courseId}/quizzes`, quizRequest()),
    (created) => t('manage.quizCreated', created.title));
  if (quiz) {
    event.target.reset();
    questions.replaceChildren();
    questionCount = 0;
    addQuestion();
  }
});
addQuestion();

// Exercises: one form, the type decides which fields count (file limits for uploads only).
const typeSelect = document.getElementById('exercise-type');
typeSelect.addEventListener('change', () => {
  document.getElementById('file-fields').hidden = typeSelect.value !== 'FILE_UPLOAD';
});
document.getElementById('exercise-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    type: typeSelect.value,
    mode: value('exercise-mode'),
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
  const exercise = await submit('exercise-status', () => api('POST', `/api/courses/${courseId}/exercises`, body),
    (created) => t('manage.exerciseCreated', created.title));
  if (exercise) event.target.reset();
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

// A new exam: created here, prepared (groups, exercises, students) on its own page.
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
  const exam = await submit('exam-status', () => api('POST', `/api/courses/${courseId}/exams`, body),
    (created) => t('manage.examCreated', created.title));
  if (exam) location.assign(`/exams/${exam.id}/prepare`);
});
