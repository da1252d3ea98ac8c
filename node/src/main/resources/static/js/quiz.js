// The live quiz: a waiting room that becomes the quiz when the instructor starts it (pushed), a countdown,
// answers saved as they change, the result when the quiz is evaluated (pushed).
import { get, h, page, t, time } from './api.js';
import { startPage } from './common.js';
import { onSave, save, subscribe } from './connection.js';
import { showSaveState } from './editors.js';

startPage();
const { quizId, courseId } = page();
const waiting = document.getElementById('quiz-waiting');
const form = document.getElementById('quiz-form');
const status = document.getElementById('save-status');
const resultBox = document.getElementById('quiz-result');
let quiz = null;
const slot = `quiz-${quizId}`;
onSave(slot, (state, detail) => showSaveState(status, state, detail, time));

async function load() {
  quiz = await get(`/api/quizzes/${quizId}/live`);
  document.getElementById('quiz-title').textContent = quiz.title;
  render();
}

function render() {
  const running = quiz.state === 'RUNNING';
  waiting.hidden = quiz.state !== 'NOT_STARTED';
  form.hidden = !(running || (quiz.questions.length > 0 && quiz.state !== 'NOT_STARTED'));
  if (!form.hidden && form.dataset.rendered !== 'true') renderQuestions();
  form.querySelectorAll('input').forEach((input) => { input.disabled = !running; });
  if (quiz.state === 'EVALUATED') showResult(quiz.result);
  else if (quiz.state === 'ENDED') resultBox.textContent = t('quiz.ended');
}

function renderQuestions() {
  const answers = new Map(((quiz.answers && quiz.answers.answers) || []).map((a) => [a.questionId, a]));
  form.replaceChildren(...quiz.questions.map((question) => {
    const answer = answers.get(question.id) || { optionIds: [], text: '' };
    const legend = h('legend', {}, `${question.position}. ${question.text} (${t('points', question.points)})`);
    if (question.type === 'SHORT_ANSWER') {
      const id = `q${question.id}`;
      return h('fieldset', { dataset: { questionId: question.id, type: question.type } }, legend,
        h('label', { for: id }, t('quiz.yourAnswer')),
        h('input', { id, name: id, value: answer.text || '', autocomplete: 'off', oninput: changed }));
    }
    const kind = question.type === 'SINGLE_CHOICE' ? 'radio' : 'checkbox';
    return h('fieldset', { dataset: { questionId: question.id, type: question.type } }, legend,
      ...question.options.map((option) => {
        const id = `o${option.id}`;
        return h('div', { class: 'option' },
          h('input', { type: kind, id, name: `q${question.id}`, value: option.id,
            checked: (answer.optionIds || []).includes(option.id), onchange: changed }),
          h('label', { for: id }, option.text));
      }));
  }));
  form.dataset.rendered = 'true';
}

function answersOfForm() {
  return [...form.querySelectorAll('fieldset')].map((fieldset) => {
    const questionId = Number(fieldset.dataset.questionId);
    if (fieldset.dataset.type === 'SHORT_ANSWER') {
      const text = fieldset.querySelector('input').value.trim();
      return text ? { questionId, text } : null;
    }
    const optionIds = [...fieldset.querySelectorAll('input:checked')].map((input) => Number(input.value));
    return optionIds.length ? { questionId, optionIds } : null;
  }).filter(Boolean);
}

let typing = null;
function changed(event) {
  clearTimeout(typing);
  // Choices are saved at once; typed answers when the typing pauses.
  const delay = event.target.type === 'radio' || event.target.type === 'checkbox' ? 0 : 600;
  typing = setTimeout(() => save(slot, 'PUT', `/api/quizzes/${quizId}/submission`, { answers: answersOfForm() }), delay);
}

function showResult(result) {
  resultBox.hidden = false;
  resultBox.textContent = result ? t('quiz.result', result.score, result.maxScore) : t('quiz.noResult');
}

function tick() {
  const countdown = document.getElementById('quiz-countdown');
  if (!quiz || quiz.state !== 'RUNNING') { countdown.textContent = ''; return; }
  const left = Math.max(0, Math.round((new Date(quiz.endsAt) - Date.now()) / 1000));
  countdown.textContent = t('quiz.left', left);
  if (left === 0) { quiz.state = 'ENDED'; render(); }
}
setInterval(tick, 1000);

subscribe(`/topic/courses/${courseId}/students`, (event) => {
  if (String(event.quizId) !== quizId) return;
  if (event.type === 'QUIZ_STARTED' || event.type === 'QUIZ_ENDED') load();
}, load);
subscribe('/user/queue/results', (event) => {
  if (event.type === 'QUIZ_RESULT' && String(event.quizId) === quizId) {
    quiz.state = 'EVALUATED';
    showResult(event);
    form.querySelectorAll('input').forEach((input) => { input.disabled = true; });
  }
});
await load();
