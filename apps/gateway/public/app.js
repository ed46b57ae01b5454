// The meshwork page: chat, peers and files of this node, live through /api/events.
// Plain DOM; text from the network only ever goes through textContent. The node's client
// secret arrives once in the URL's fragment (#secret=...), which never reaches a server or a
// log: the page trades it for an HttpOnly cookie at /api/login and removes it from the URL.

import { api } from '/contract.js';

const $ = (id) => document.getElementById(id);

const state = {
  peers: new Map(), // key -> PeerView
  transfers: new Map(), // fileId -> latest progress / outcome
  seen: new Set(), // message ids shown
  live: null, // chats that came while the history loads
  outcomes: new Map(), // id of a chat we sent -> { targets, delivered, failed }
  early: new Map(), // deliveries that came before the answer to our POST (id -> events)
};

class Unauthorized extends Error {}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

async function call(method, path, body, type = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = type;
    init.body = type === 'application/json' ? JSON.stringify(body) : body;
  }
  const res = await fetch(path, init);
  if (res.status === 204) return undefined;
  const data = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (res.status === 401) throw new Unauthorized(data.error ?? 'not logged in');
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

/** The secret from a login URL (#secret=...), traded for the session cookie, then gone from the URL. */
async function login() {
  const secret = new URLSearchParams(location.hash.slice(1)).get(api.auth.fragment);
  if (!secret) return;
  history.replaceState(null, '', location.pathname);
  await call('POST', api.routes.login, { secret });
}

const time = (seconds) => new Date(seconds * 1000).toLocaleTimeString();
const size = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`);
const ago = (ms) => {
  if (!ms) return 'never heard';
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 60 ? `${s}s ago` : `${Math.round(s / 60)}m ago`;
};

function setStatus(id, text, error = false) {
  const node = $(id);
  node.textContent = text;
  node.classList.toggle('error', error);
}

// Chat

function addMessage(m) {
  if (state.seen.has(m.id)) return;
  state.seen.add(m.id);
  const list = $('messages');
  list.querySelector('.empty')?.remove();
  const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
  const who = m.direction === 'out' ? 'you' : m.senderName || m.senderId;
  const text = m.security === 'unreadable'
    ? el('span', { class: 'text encrypted' }, 'cannot decrypt (wrong or no password)')
    : el('span', { class: 'text' }, m.content);
  const item = el('li', { class: m.direction, title: `${m.senderId}${m.from ? ` via ${m.from}` : ''}`, 'data-id': m.id },
    el('span', { class: 'meta' }, time(m.timestamp)),
    el('span', { class: 'who' }, who),
    text);
  if (m.security === 'password') item.append(el('span', { class: 'meta lock', title: 'sent under the v1 network password' }, ' 🔒'));
  if (!m.authenticated) item.append(el('span', { class: 'meta unauth', title: 'a v1 message: its sender could be anyone' }, ' unauthenticated (v1)'));
  if (state.outcomes.has(m.id)) item.append(el('span', { class: 'outcome meta' }));
  list.append(item);
  renderOutcome(m.id);
  if (stick) list.scrollTop = list.scrollHeight;
}

async function loadMessages() {
  // chats that come live while the history loads are shown after it
  const live = [];
  state.live = live;
  try {
    const messages = await call('GET', api.routes.messages);
    $('messages').replaceChildren();
    state.seen.clear();
    if (messages.length === 0 && live.length === 0) $('messages').append(el('li', { class: 'empty' }, 'No messages yet.'));
    for (const m of [...messages, ...live]) addMessage(m);
  } finally {
    if (state.live === live) state.live = null;
  }
}

$('send-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('send-text');
  const text = input.value;
  if (!text.trim()) return;
  const button = event.submitter;
  if (button) button.disabled = true;
  try {
    const result = await call('POST', api.routes.messages, { text });
    state.outcomes.set(result.message.id, { targets: result.targets.length, delivered: 0, failed: [] });
    addMessage(result.message);
    for (const event of state.early.get(result.message.id) ?? []) onDelivery(event);
    state.early.delete(result.message.id);
    input.value = '';
    if (result.targets.length === 0) setStatus('send-status', 'no peers: nobody got it', true);
    else renderOutcome(result.message.id);
  } catch (err) {
    setStatus('send-status', err.message, true);
  } finally {
    if (button) button.disabled = false;
    input.focus();
  }
});

/** "delivered to 1 of 2" beside a chat we sent, and in the status line for the latest one. */
function renderOutcome(id) {
  const o = state.outcomes.get(id);
  if (!o) return;
  const pending = o.targets - o.delivered - o.failed.length;
  const text = `delivered to ${o.delivered} of ${o.targets} peer${o.targets === 1 ? '' : 's'}`
    + (o.failed.length ? `; failed: ${o.failed.join('; ')}` : '') + (pending > 0 ? ` (${pending} pending)` : '');
  const span = document.querySelector(`#messages li[data-id="${CSS.escape(id)}"] .outcome`);
  if (span) span.textContent = ` · ${text}`;
  if ([...state.outcomes.keys()].at(-1) === id) setStatus('send-status', text, o.failed.length > 0 && o.delivered === 0);
}

function onDelivery(event) {
  const o = state.outcomes.get(event.messageId);
  if (!o) {
    // a delivery can beat the answer to our own POST: kept a little while for it
    state.early.set(event.messageId, [...(state.early.get(event.messageId) ?? []), event]);
    if (state.early.size > 100) state.early.delete(state.early.keys().next().value);
    return;
  }
  const who = event.peer.nodeId || event.peer.address;
  if (event.ok) o.delivered++;
  else o.failed.push(`${who}: ${event.error}`);
  renderOutcome(event.messageId);
}

// Peers

const peerKey = (p) => p.nodeId || `${p.host}:${p.port}`;

function renderPeers() {
  const peers = [...state.peers.values()].sort((a, b) => (a.name || a.nodeId).localeCompare(b.name || b.nodeId));
  $('peer-count').textContent = `(${peers.length})`;
  $('peers').replaceChildren(
    ...(peers.length === 0
      ? [el('li', { class: 'muted' }, 'No peers yet.')]
      : peers.map((p) =>
          el('li', {},
            el('span', {}, p.name || '(not heard yet)'),
            el('span', { class: 'sub' }, `${p.nodeId || '-'} · ${p.host}:${p.port} · ${p.static ? 'static · ' : ''}${ago(p.lastSeen)}`),
            p.down ? el('span', { class: 'sub down' }, `down: ${p.lastError || 'unreachable'}`) : null))),
  );
}

async function loadPeers() {
  try {
    const peers = await call('GET', api.routes.peers);
    state.peers = new Map(peers.map((p) => [peerKey(p), p]));
    renderPeers();
  } catch (err) {
    $('peers').replaceChildren(el('li', { class: 'muted' }, err.message));
  }
}

// Files

function renderTransfers() {
  $('transfers').replaceChildren(
    ...[...state.transfers.values()].map((t) => {
      const label = `${t.direction === 'out' ? 'sending' : 'receiving'} ${t.filename}`;
      if (t.failed) return el('li', { class: 'failed' }, label, el('span', { class: 'sub' }, `failed: ${t.failed}`));
      if (t.peers) {
        const ok = t.peers.filter((p) => p.ok).length;
        const bad = t.peers.filter((p) => !p.ok).map((p) => `${p.peer.nodeId || p.peer.address}: ${p.error}`);
        return el('li', { class: 'sent' }, `sent ${t.filename}`, el('span', { class: 'sub' }, `to ${ok} of ${t.peers.length} peer${t.peers.length === 1 ? '' : 's'}${bad.length ? `; failed: ${bad.join('; ')}` : ''}`));
      }
      const bar = el('progress', { max: String(t.totalChunks || 1), value: String(t.chunksDone) });
      return el('li', {}, label, bar, el('span', { class: 'sub' }, `${size(t.bytesDone)} of ${size(t.size)}`));
    }),
  );
}

async function loadFiles() {
  try {
    const files = await call('GET', api.routes.files);
    $('files').replaceChildren(
      ...(files.length === 0
        ? [el('li', { class: 'muted' }, 'No files yet.')]
        : files.map((f) => el('li', {},
            el('a', { href: `${api.routes.file}${encodeURIComponent(f.filename)}`, download: f.filename }, f.filename),
            el('span', { class: 'sub' }, `${size(f.size)} · ${new Date(f.modified).toLocaleString()}`)))),
    );
  } catch (err) {
    $('files').replaceChildren(el('li', { class: 'muted' }, err.message));
  }
}

$('file-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('file-input');
  const file = input.files?.[0];
  if (!file) return;
  const button = event.submitter;
  if (button) button.disabled = true;
  try {
    // the browser streams the file from disk: the page never holds it
    setStatus('file-status', `uploading ${file.name} (${size(file.size)})…`);
    const r = await call('POST', `${api.routes.files}?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
    setStatus('file-status', `sending ${r.filename} (${size(r.size)}, ${r.totalChunks} chunks)`);
    input.value = '';
  } catch (err) {
    setStatus('file-status', err.message, true);
  } finally {
    if (button) button.disabled = false;
  }
});

// Live events

function onEvent(event) {
  switch (event.type) {
    case 'chat':
      state.live?.push(event.message);
      return addMessage(event.message);
    case 'peer.joined':
      state.peers.set(peerKey(event.peer), event.peer);
      return renderPeers();
    case 'peer.left':
      state.peers.delete(peerKey(event.peer));
      return renderPeers();
    case 'peer.updated':
      state.peers.set(peerKey(event.peer), event.peer);
      return renderPeers();
    case 'chat.delivery':
      return onDelivery(event);
    case 'file.sent':
      state.transfers.set(event.fileId, { ...event, direction: 'out' });
      return renderTransfers();
    case 'file.progress':
      state.transfers.set(event.fileId, event);
      return renderTransfers();
    case 'file.received':
      state.transfers.delete(event.fileId);
      renderTransfers();
      return loadFiles();
    case 'file.failed':
      state.transfers.set(event.fileId, { ...(state.transfers.get(event.fileId) ?? event), failed: event.reason });
      return renderTransfers();
  }
}

let retryMs = 500;

function connect() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${api.routes.events}`);
  ws.addEventListener('open', () => {
    retryMs = 500;
    const badge = $('connection');
    badge.textContent = 'live';
    badge.className = 'badge on';
    // catch up on what happened while disconnected
    void loadMessages().catch(() => {});
    void loadPeers();
    void loadFiles();
  });
  ws.addEventListener('message', (msg) => {
    try {
      onEvent(JSON.parse(msg.data));
    } catch (err) {
      console.warn('bad event', err);
    }
  });
  ws.addEventListener('close', () => {
    const badge = $('connection');
    badge.textContent = 'disconnected: retrying…';
    badge.className = 'badge off';
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  });
}

async function main() {
  $('send-text').maxLength = api.maxChatBytes;
  try {
    await login();
    const status = await call('GET', api.routes.status);
    $('node').textContent = `${status.name} · ${status.nodeId}`;
    document.title = `meshwork · ${status.name}`;
  } catch (err) {
    if (err instanceof Unauthorized) {
      $('node').textContent = 'not logged in: open the address `mesh up` printed (or run `mesh url`)';
      $('connection').textContent = 'locked';
      return;
    }
    $('node').textContent = err.message;
  }
  connect();
  setInterval(renderPeers, 5000); // keep "seen Ns ago" fresh
}

void main();
