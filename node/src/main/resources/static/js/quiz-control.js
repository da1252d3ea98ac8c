// The instructor's live quiz: start, end early, watch the answers come in (pushed statistics), see it end.
import { api, dateTime, get, h, page, t } from './api.js';
import { startPage } from './common.js';
import { submit } from './staff.js';
import { subscribe } from './connection.js';

startPage();
const { quizId } = page();
let quiz = null;

async function load() {
  quiz = await get(`/api/quizzes/${quizId}`);
  document.getElementById('quiz-title').textContent = quiz.title;
  document.getElementById('quiz-state').textContent = t(`quizState.${quiz.state}`, dateTime(quiz.endsAt));
  document.getElementById('start-quiz').disabled = quiz.state !== 'NOT_STARTED';
  document.getElementById('end-quiz').disabled = quiz.state !== 'RUNNING';
  if (quiz.state !== 'NOT_STARTED') showStatistics(await get(`/api/quizzes/${quizId}/statistics`));
}

function showStatistics(statistics) {
  document.getElementById('participants').textContent = t('quiz.participants', statistics.participants, statistics.answered);
  document.getElementById('statistics').replaceChildren(...statistics.questions.map((question) => h('section', { class: 'card' },
    h('h3', {}, `${question.position}. ${question.text}`),
    h('p', {}, t('quiz.correctOf', question.correct, question.answers)),
    h('ul', { class: 'bars' }, ...question.options.map((option) => h('li', {},
      h('span', { class: option.correct ? 'correct' : '' }, option.text), ' ',
      h('meter', { min: 0, max: Math.max(1, question.answers), value: option.chosen, 'aria-label': option.text }),
      ' ', h('span', { class: 'count' }, String(option.chosen))))))));
}

document.getElementById('start-quiz').addEventListener('click', async () => {
  quiz = await api('POST', `/api/quizzes/${quizId}/start`);
  await load();
});
document.getElementById('end-quiz').addEventListener('click', async () => {
  const ended = await submit('control-status', () => api('POST', `/api/quizzes/${quizId}/end`), () => t('quizControl.ended'));
  await load();
  // The evaluation follows the grace period; the statistics topic is quiet then, so the page asks once more.
  if (ended) setTimeout(load, (ended.endsAt ? Math.max(0, new Date(ended.endsAt) - Date.now()) : 0) + 7000);
});
subscribe(`/topic/quizzes/${quizId}/statistics`, (statistics) => {
  showStatistics(statistics);
  if (statistics.state !== quiz.state) load();
}, load);
await load();
