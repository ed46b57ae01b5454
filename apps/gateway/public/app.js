// The meshwork page: chat, peers and files of this node, live through /api/events.
// Plain DOM; text from the network only ever goes through textContent.

const $ = (id) => document.getElementById(id);

const state = {
  peers: new Map(), // key -> PeerView
  transfers: new Map(), // fileId -> latest progress / outcome
  seen: new Set(), // message ids shown
  live: null, // chats that came while the history loads
};

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

async function call(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
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
  const text = m.encrypted
    ? el('span', { class: 'text encrypted' }, '[encrypted message: this node does not have its password]')
    : el('span', { class: 'text' }, m.content);
  list.append(
    el('li', { class: m.direction, title: `${m.senderId}${m.from ? ` via ${m.from}` : ''}` },
      el('span', { class: 'meta' }, time(m.timestamp)),
      el('span', { class: 'who' }, who),
      text),
  );
  if (stick) list.scrollTop = list.scrollHeight;
}

async function loadMessages() {
  // chats that come live while the history loads are shown after it
  const live = [];
  state.live = live;
  try {
    const messages = await call('GET', '/api/messages');
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
    const result = await call('POST', '/api/messages', { text });
    addMessage(result.message);
    input.value = '';
    setStatus('send-status', `sent to ${result.delivered} of ${result.peers} peer${result.peers === 1 ? '' : 's'}`);
  } catch (err) {
    setStatus('send-status', err.message, true);
  } finally {
    if (button) button.disabled = false;
    input.focus();
  }
});

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
            el('span', { class: 'sub' }, `${p.nodeId || '-'} · ${p.host}:${p.port} · ${p.static ? 'static · ' : ''}${ago(p.lastSeen)}`)))),
  );
}

async function loadPeers() {
  try {
    const peers = await call('GET', '/api/peers');
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
      if (t.failed) return el('li', {}, label, el('span', { class: 'sub' }, `failed: ${t.failed}`));
      const bar = el('progress', { max: String(t.totalChunks || 1), value: String(t.chunksDone) });
      return el('li', {}, label, bar, el('span', { class: 'sub' }, `${size(t.bytesDone)} of ${size(t.size)}`));
    }),
  );
}

async function loadFiles() {
  try {
    const files = await call('GET', '/api/files');
    $('files').replaceChildren(
      ...(files.length === 0
        ? [el('li', { class: 'muted' }, 'No files yet.')]
        : files.map((f) => el('li', {}, f.filename, el('span', { class: 'sub' }, `${size(f.size)} · ${new Date(f.modified).toLocaleString()}`)))),
    );
  } catch (err) {
    $('files').replaceChildren(el('li', { class: 'muted' }, err.message));
  }
}

$('file-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('file-path');
  const button = event.submitter;
  if (button) button.disabled = true;
  try {
    const r = await call('POST', '/api/files', { path: input.value.trim() });
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
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`);
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
  try {
    const status = await call('GET', '/api/status');
    $('node').textContent = `${status.name} · ${status.nodeId}`;
    document.title = `meshwork · ${status.name}`;
  } catch (err) {
    $('node').textContent = err.message;
  }
  connect();
  setInterval(renderPeers, 5000); // keep "seen Ns ago" fresh
}

void main();
