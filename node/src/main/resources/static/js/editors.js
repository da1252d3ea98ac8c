// The answer editors shared by exam and exercise pages. The modeling editor is a textarea: one class per line,
// "A -> B" for an association; stored as {"classes": [...], "associations": [{"from", "to"}]}.
import { t } from './api.js';

export function modelFromText(text) {
  const classes = [];
  const associations = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const arrow = line.split('->').map((part) => part.trim());
    if (arrow.length === 2 && arrow[0] && arrow[1]) associations.push({ from: arrow[0], to: arrow[1] });
    else classes.push(line);
  }
  return { classes, associations };
}

export function textFromModel(model) {
  if (!model) return '';
  const value = typeof model === 'string' ? JSON.parse(model) : model;
  const lines = [...(value.classes || [])];
  for (const association of value.associations || []) lines.push(`${association.from} -> ${association.to}`);
  return lines.join('\n');
}

/** The request body of a save for the editor's text. */
export function saveBody(type, text) {
  return type === 'MODELING' ? { model: modelFromText(text) } : { text };
}

/** The editor's text for a saved body (as kept in the outbox). */
export function textOfBody(type, body) {
  return type === 'MODELING' ? textFromModel(body.model) : body.text;
}

export function hint(type) {
  return type === 'MODELING' ? t('editor.modelingHint') : '';
}

/** Shows a save's state in an indicator: "Saved at 10:42:13", "Not saved — retrying" … */
export function showSaveState(indicator, state, detail, formatTime) {
  indicator.dataset.state = state;
  if (state === 'saving') indicator.textContent = t('save.saving');
  else if (state === 'saved') indicator.textContent = t('save.savedAt', formatTime(detail.savedAt));
  else if (state === 'retrying') indicator.textContent = t('save.retrying');
  else if (state === 'failed') indicator.textContent = t('save.failed', detail.detail || detail.status);
  else indicator.textContent = t('save.unsaved');
}
