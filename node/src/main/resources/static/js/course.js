import { dateTime, feedbackList, get, h, page, t } from './api.js';
import { startPage, toast } from './common.js';
import { subscribe } from './connection.js';

startPage();
const { courseId, role } = page();
const staff = page().staff === 'true';

const course = await get(`/api/courses/${courseId}`);
document.getElementById('course-title').textContent = `${course.shortName} — ${course.title}`;
document.title = `${course.shortName} · Lectern`;

function exerciseLink(exercise) {
  if (exercise.type === 'QUIZ') {
    return role === 'INSTRUCTOR' ? `/quizzes/${exercise.id}/control` : `/quizzes/${exercise.id}`;
  }
  return staff ? `/exercises/${exercise.id}/assessment` : `/exercises/${exercise.id}`;
}

async function loadExercises() {
  const [exercises, results] = await Promise.all([
    get(`/api/courses/${courseId}/exercises?size=500`),
    get(`/api/courses/${courseId}/results?size=500`),
  ]);
  const byExercise = new Map(results.content.map((row) => [row.exerciseId, row.result]));
  document.getElementById('exercise-rows').replaceChildren(...exercises.content.map((exercise) => {
    const result = byExercise.get(exercise.id);
    return h('tr', { dataset: { exerciseId: exercise.id } },
      h('td', {}, exerciseLink(exercise) ? h('a', { href: exerciseLink(exercise) }, exercise.title) : exercise.title),
      h('td', {}, t(`type.${exercise.type}`), exercise.mode === 'TEAM' ? ` (${t('mode.TEAM')})` : ''),
      h('td', {}, dateTime(exercise.dueDate)),
      h('td', { class: 'result' }, result ? t('result.score', result.score, result.maxScore) : '–'),
      h('td', { class: 'feedback-cell' }, result && result.feedback && result.feedback.length > 0
        ? h('details', {}, h('summary', {}, t('result.feedback', exercise.title)), feedbackList(result, `feedback-${exercise.id}`))
        : ''));
  }));
}

async function loadExams() {
  const exams = await get(`/api/courses/${courseId}/exams?size=100`);
  const list = document.getElementById('exam-list');
  list.replaceChildren(...exams.content.map((exam) => h('li', {},
    h('a', { href: staff ? `/exams/${exam.id}/monitor` : `/exams/${exam.id}` }, exam.title), ' ',
    h('small', {}, t('exam.window', dateTime(exam.startDate), dateTime(exam.endDate))),
    role === 'INSTRUCTOR' ? [' ', h('a', { href: `/exams/${exam.id}/prepare`, class: 'badge' }, t('course.prepare'))] : null)));
  if (exams.content.length === 0) list.replaceChildren(h('li', {}, t('course.noExams')));
}

if (role === 'STUDENT') {
  subscribe(`/topic/courses/${courseId}/students`, (event) => {
    if (event.type === 'QUIZ_STARTED') {
      toast(t('quiz.startedTitle'), event.title);
      loadExercises();
    }
  }, loadExercises);
}
subscribe('/user/queue/results', () => loadExercises());
await Promise.all([loadExercises(), loadExams()]);
