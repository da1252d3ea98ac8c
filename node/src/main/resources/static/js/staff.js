// What the staff pages' forms share: dates from datetime-local fields, numbers, and one status line per form.
import { ApiError, t } from './api.js';

/** The ISO instant of a datetime-local field (read in the browser's time zone), or null when it is empty. */
export function instant(id) {
  const value = document.getElementById(id).value;
  return value ? new Date(value).toISOString() : null;
}

export function value(id) {
  return document.getElementById(id).value.trim();
}

export function number(id) {
  const text = value(id);
  return text === '' ? null : Number(text);
}

/**
 * Runs a form's action and reports in its status line: the success text, or the node's reason (problem detail),
 * or that the node cannot be reached. Answers the action's result, or null when it failed.
 */
export async function submit(statusId, action, done) {
  const status = document.getElementById(statusId);
  status.dataset.state = 'working';
  status.textContent = t('staff.working');
  try {
    const result = await action();
    status.dataset.state = 'done';
    status.textContent = typeof done === 'function' ? done(result) : done;
    return result;
  } catch (e) {
    status.dataset.state = 'failed';
    status.textContent = e instanceof ApiError ? t('staff.refused', e.message) : t('connection.lost');
    if (!(e instanceof ApiError)) throw e;
    return null;
  }
}
