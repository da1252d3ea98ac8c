// What the staff pages' forms share: dates from datetime-local fields, numbers, and one status line per form.
import { api, ApiError, h, t } from './api.js';

/** The ISO instant of a datetime-local field (read in the browser's time zone), or null when it is empty. */
export function instant(id) {
  const value = document.getElementById(id).value;
  return value ? new Date(value).toISOString() : null;
}

/** Shows an instant in a datetime-local field, in the browser's time zone (empty for none). */
export function setInstant(id, iso) {
  const field = document.getElementById(id);
  if (!iso) {
    field.value = '';
    return;
  }
  const date = new Date(iso);
  field.value = new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
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

/**
 * A create form that also edits one existing item: edit() switches its heading and submit button and shows its
 * "Cancel" button (class cancel-edit); reset() turns it back into the create form. `id` is the item being edited.
 */
export function editableForm(formOrId, onReset = () => {}) {
  const form = typeof formOrId === 'string' ? document.getElementById(formOrId) : formOrId;
  const heading = form.querySelector('h2, h3, h4');
  const button = form.querySelector('button[type=submit]');
  const cancel = form.querySelector('.cancel-edit');
  const createHeading = heading.textContent;
  const createLabel = button.textContent;
  const state = {
    id: null,
    edit(id, title, focusId) {
      state.id = id;
      heading.textContent = t('staff.editing', title);
      button.textContent = t('staff.saveChanges');
      cancel.hidden = false;
      form.scrollIntoView();
      document.getElementById(focusId).focus();
    },
    reset() {
      state.id = null;
      heading.textContent = createHeading;
      button.textContent = createLabel;
      cancel.hidden = true;
      form.reset();
      onReset();
    },
  };
  cancel.addEventListener('click', () => state.reset());
  return state;
}

/** Asks in a modal dialog (keyboard: Tab between the buttons, Escape cancels) whether to go on; answers true/false. */
export function confirmed(question) {
  return new Promise((resolve) => {
    const answer = (yes) => {
      dialog.close();
      dialog.remove();
      resolve(yes);
    };
    const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-question' },
      h('p', { id: 'confirm-question' }, question),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'confirm-yes', class: 'primary', onclick: () => answer(true) }, t('staff.delete')),
        h('button', { type: 'button', id: 'confirm-no', onclick: () => answer(false) }, t('staff.cancel'))));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      answer(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Deletes after confirmation and reports in the status line; answers true when deleted. */
export async function deleteConfirmed(statusId, question, url, done) {
  if (!(await confirmed(question))) return false;
  return (await submit(statusId, async () => {
    await api('DELETE', url);
    return true;
  }, done)) === true;
}
