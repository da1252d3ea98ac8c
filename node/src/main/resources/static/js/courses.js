import { get, h, t } from './api.js';
import { startPage } from './common.js';

startPage();
const list = document.getElementById('course-list');
const courses = await get('/api/courses');
list.replaceChildren(...courses.map((course) => h('li', {},
  h('a', { href: `/courses/${course.id}` }, `${course.shortName} — ${course.title}`),
  ' ', h('span', { class: 'badge' }, t(`role.${course.role}`)))));
if (courses.length === 0) list.replaceChildren(h('li', {}, t('courses.none')));
