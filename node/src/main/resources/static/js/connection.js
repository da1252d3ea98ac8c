// The connection layer of every page: one STOMP connection with jittered exponential backoff, a banner while the
// node cannot be reached, reliable subscriptions (sequence numbers, replay after every reconnect), the node's
// control messages, and a local-storage outbox of saves sent with their idempotency keys until they are answered.
import { Client } from '/webjars/stomp__stompjs/esm6/index.js';
import { CLIENT_HEADER, fetchObeyingBusy, loginPage, newKey, t } from './api.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;
const STABLE_AFTER_MS = 30000;

/** Backoff as docs/api.md recommends: 1 s doubling to 30 s, each delay times a random factor in [0.5, 1.5]. */
export function backoffDelay(attempt) {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return Math.round(base * (0.5 + Math.random()));
}

const subscriptions = new Map(); // destination -> {lastSeq, handler, onReload, pending, initial, stomp}
const statusListeners = new Set();
const saveListeners = new Map(); // slot -> callback(state, detail)
let stompUp = false;
let restUp = true;
let failedAttempts = 0;
let connectedAt = 0;
let reconnectNow = false;
let client = null;

function user() {
  return document.body.dataset.login || 'anonymous';
}

// ---- status and banner ----

function online() {
  return stompUp && restUp;
}

function publishStatus() {
  const banner = document.getElementById('connection-banner');
  if (banner) {
    banner.hidden = online();
    banner.textContent = online() ? '' : t('connection.lost');
  }
  document.body.dataset.connection = online() ? 'online' : 'offline';
  statusListeners.forEach((listener) => listener(online()));
}

export function onStatus(listener) {
  statusListeners.add(listener);
}

// ---- STOMP ----

export function start() {
  if (client) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  client = new Client({
    brokerURL: `${scheme}://${location.host}/ws`,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    connectionTimeout: 10000,
    // stompjs reconnects at once; the wait (backoff with jitter) happens in beforeConnect.
    reconnectDelay: 1,
    beforeConnect: waitBeforeConnecting,
    onConnect: connected,
    onWebSocketClose: disconnected,
    onStompError: stompError,
  });
  client.activate();
  window.addEventListener('online', () => flush());
  flush();
}

let everConnected = false;

async function waitBeforeConnecting() {
  if (!everConnected && failedAttempts === 0) return;
  const delay = reconnectNow ? 0 : backoffDelay(Math.max(0, failedAttempts - 1));
  reconnectNow = false;
  await new Promise((resolve) => setTimeout(resolve, delay));
}

function connected() {
  everConnected = true;
  stompUp = true;
  restUp = true; // the node answered: its REST API is there too
  connectedAt = Date.now();
  publishStatus();
  client.subscribe('/user/queue/replay', (frame) => replayed(JSON.parse(frame.body)));
  client.subscribe('/user/queue/control', (frame) => control(JSON.parse(frame.body)));
  for (const [destination, subscription] of subscriptions) {
    subscribeNow(destination, subscription);
  }
  for (const [destination, subscription] of subscriptions) {
    askReplay(destination, subscription);
  }
  flush();
  document.dispatchEvent(new CustomEvent('lectern:connected'));
}

export function isConnected() {
  return Boolean(client && client.connected);
}

function disconnected() {
  const wasUp = stompUp;
  stompUp = false;
  if (wasUp && Date.now() - connectedAt >= STABLE_AFTER_MS) {
    failedAttempts = 0;
  }
  failedAttempts += 1;
  publishStatus();
}

// The node closed the session on purpose: its rights ended (logout elsewhere, expiry, "log out everywhere").
// Reconnecting would only be refused; the login page is where the user can go on.
function stompError(frame) {
  if (frame.headers['lectern-control'] === 'SESSION_ENDED') {
    client.deactivate();
    loginPage(); // the outbox stays: it is sent after the login
  }
}

function control(body) {
  const message = body && body.payload ? body.payload : body;
  if (message && message.type === 'SUBSCRIPTION_ENDED') {
    accessEnded(message.destination);
  } else if (message && message.type === 'RECONNECT_ELSEWHERE') {
    // Spread the reconnects over the window the node gave, then go straight through the balancer again.
    const delay = Math.floor(Math.random() * (message.reconnectWithinMillis || 0));
    setTimeout(() => {
      reconnectNow = true;
      client.forceDisconnect();
    }, delay);
  }
}

// The node dropped a subscription the user may no longer have (removed from the course, team or exam): forget it,
// so a reconnect does not ask for it again, and tell the user that this view no longer follows anything.
function accessEnded(destination) {
  const subscription = subscriptions.get(destination);
  if (!subscription) return;
  subscriptions.delete(destination);
  let notice = document.getElementById('access-ended');
  if (!notice) {
    notice = document.createElement('p');
    notice.id = 'access-ended';
    notice.setAttribute('role', 'alert');
    document.querySelector('main')?.prepend(notice);
  }
  notice.textContent = t('access.ended');
  document.body.dataset.accessEnded = destination;
  document.dispatchEvent(new CustomEvent('lectern:access-ended', { detail: { destination } }));
}

/**
 * Subscribes to a reliable destination: handler(payload) sees each message once and in order; onReload() is
 * called when the node can no longer replay what was missed (the page then reloads its state over REST).
 */
export function subscribe(destination, handler, onReload = () => {}) {
  const existing = subscriptions.get(destination);
  if (existing) { // another part of the page listens already: one STOMP subscription serves both
    existing.handlers.push(handler);
    existing.onReloads.push(onReload);
    return;
  }
  const subscription = { lastSeq: 0, handlers: [handler], onReloads: [onReload], pending: [], initial: true, stomp: null };
  subscriptions.set(destination, subscription);
  if (client && client.connected) {
    subscribeNow(destination, subscription);
    askReplay(destination, subscription);
  }
}

function subscribeNow(destination, subscription) {
  subscription.stomp = client.subscribe(destination, (frame) => received(subscription, JSON.parse(frame.body)));
}

function askReplay(destination, subscription) {
  subscription.awaitingReplay = true;
  client.publish({ destination: '/app/replay', body: JSON.stringify({ destination, lastSeq: subscription.lastSeq }) });
}

function received(subscription, envelope) {
  if (typeof envelope.seq !== 'number') {
    subscription.handlers.forEach((handler) => handler(envelope));
    return;
  }
  if (subscription.awaitingReplay) {
    subscription.pending.push(envelope);
    return;
  }
  apply(subscription, envelope);
}

function apply(subscription, envelope) {
  if (envelope.seq <= subscription.lastSeq) return; // rule 1: a duplicate
  if (envelope.seq === subscription.lastSeq + 1) { // rule 2
    subscription.lastSeq = envelope.seq;
    subscription.handlers.forEach((handler) => handler(envelope.payload));
    return;
  }
  subscription.pending.push(envelope); // rule 3: a gap — ask for what is missing
  for (const [destination, candidate] of subscriptions) {
    if (candidate === subscription) askReplay(destination, subscription);
  }
}

function replayed(body) {
  const batch = body && body.outcome ? body : body.payload;
  const subscription = subscriptions.get(batch.destination);
  if (!subscription) return;
  subscription.awaitingReplay = false;
  if (batch.outcome === 'REJECTED') {
    console.warn('replay rejected', batch.destination, batch.reason);
    return;
  }
  if (subscription.initial) {
    // The page loads its state over REST after subscribing: earlier messages are already part of it.
    subscription.initial = false;
    subscription.lastSeq = batch.latestSeq;
  } else if (batch.outcome === 'RELOAD') {
    subscription.lastSeq = batch.latestSeq;
    subscription.onReloads.forEach((reload) => reload());
  } else {
    for (const envelope of batch.messages) apply(subscription, envelope);
    subscription.lastSeq = Math.max(subscription.lastSeq, batch.latestSeq);
  }
  const pending = subscription.pending.sort((a, b) => a.seq - b.seq);
  subscription.pending = [];
  for (const envelope of pending) {
    if (envelope.seq > subscription.lastSeq + 1) {
      subscription.pending.push(envelope);
    } else {
      apply(subscription, envelope);
    }
  }
}

/** Sends to an application destination when connected (presence and the like: lost if offline, by design). */
export function send(destination, body) {
  if (client && client.connected) {
    client.publish({ destination, body: JSON.stringify(body) });
  }
}

// ---- the outbox: saves kept in local storage until the node answered them ----

function outboxKey() {
  return `lectern.outbox.${user()}`;
}

function loadOutbox() {
  try {
    return JSON.parse(localStorage.getItem(outboxKey())) || {};
  } catch (e) {
    return {};
  }
}

function storeOutbox(outbox) {
  localStorage.setItem(outboxKey(), JSON.stringify(outbox));
}

/** The unsaved answer of a slot (e.g. one exam exercise), if the browser still holds one. */
export function pendingSave(slot) {
  const entry = loadOutbox()[slot];
  return entry ? JSON.parse(entry.body) : null;
}

export function onSave(slot, listener) {
  saveListeners.set(slot, listener);
}

function notify(slot, state, detail = {}) {
  const listener = saveListeners.get(slot);
  if (listener) listener(state, detail);
}

/**
 * Saves: kept in local storage first (a closed tab or a lost connection loses nothing), then sent with a new
 * idempotency key; a later save of the same slot replaces an unsent one. Retried until the node answers.
 */
export function save(slot, method, url, body) {
  const outbox = loadOutbox();
  outbox[slot] = { method, url, body: JSON.stringify(body), key: newKey(), queuedAt: Date.now() };
  storeOutbox(outbox);
  notify(slot, 'saving');
  return flush();
}

let flushing = null;
let flushAgain = false;
let retryTimer = null;
let retryAttempt = 0;

export function flush() {
  if (flushing) {
    flushAgain = true;
    return flushing;
  }
  flushing = sendAll().finally(() => {
    flushing = null;
    if (flushAgain) {
      flushAgain = false;
      flush();
    }
  });
  return flushing;
}

async function sendAll() {
  for (const [slot, entry] of Object.entries(loadOutbox())) {
    let response;
    try {
      response = await fetchObeyingBusy(entry.url, {
        method: entry.method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key, [CLIENT_HEADER]: 'web' },
        body: entry.body,
      });
    } catch (e) {
      unreachable();
      return;
    }
    if (response.status === 401) {
      loginPage(); // the outbox stays: it is sent after the login
      return;
    }
    if (response.status >= 500 || response.status === 429) {
      unreachable();
      return;
    }
    reachable();
    const outbox = loadOutbox();
    if (outbox[slot] && outbox[slot].key === entry.key) {
      delete outbox[slot];
      storeOutbox(outbox);
    }
    const json = await response.json().catch(() => ({}));
    if (response.ok) {
      notify(slot, 'saved', { savedAt: json.savedAt });
    } else {
      notify(slot, 'failed', { status: response.status, detail: json.detail });
    }
  }
}

function unreachable() {
  Object.keys(loadOutbox()).forEach((slot) => notify(slot, 'retrying'));
  if (restUp) {
    restUp = false;
    publishStatus();
  }
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => flush(), backoffDelay(retryAttempt));
  retryAttempt = Math.min(retryAttempt + 1, 5);
}

function reachable() {
  retryAttempt = 0;
  if (!restUp) {
    restUp = true;
    publishStatus();
  }
}

/** For pages: a REST call failed for the network (not for an answer of the node). */
export function reportUnreachable() {
  if (restUp) {
    restUp = false;
    publishStatus();
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => flush(), backoffDelay(0));
  }
}

/** Whether the browser holds saves the node has not answered yet. */
export function hasUnsent() {
  return Object.keys(loadOutbox()).length > 0;
}
