// One link after a real handshake, against a peer driven by hand: frames both ways, keep-alive
// and dead-peer detection, back-pressure toward a peer that does not read, and every frame that
// must close the link (altered, replayed, reordered, oversize, not sealed), each with its reason.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@meshwork/testing';
import { SendError } from './errors.ts';
import type { LinkTimings } from './link.ts';
import { openLink, outcomeOf, RawPeer, runHandshake, type LinkUnderTest } from './test-helpers.ts';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const AUTH_FAILED = 'a frame failed authentication (altered, replayed or out of order)';

/** A Link on the listening side of a real connection; the dialling side is a RawPeer. */
async function linked(opts: Partial<LinkTimings> & { maxFrameBytes?: number } = {}): Promise<{ under: LinkUnderTest; peer: RawPeer }> {
  const maxFrameBytes = opts.maxFrameBytes ?? 1024 ** 2;
  const r = await runHandshake({ initiator: { maxFrameBytes }, responder: { maxFrameBytes } });
  cleanup.push(() => r.pair.close());
  const mine = outcomeOf(r.responder.result);
  const theirs = outcomeOf(r.initiator.result);
  const under = openLink(r.pair.server, mine, opts);
  cleanup.push(() => under.link.close('test over', false));
  return { under, peer: new RawPeer(r.pair.client, theirs, theirs) };
}

const chat = (n: number) => ({ type: 'chat', message_id: `m${n}`, content: `hello ${n}` });

/** The line with one base64 character of its "d" changed (in a bit the decoder uses). */
function altered(line: Buffer, at: number): Buffer {
  const text = String(line);
  const start = text.indexOf('"d":"') + 5;
  const end = text.lastIndexOf('"');
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const data = text.slice(start, end).replace(/=+$/, '');
  const i = ((at % data.length) + data.length) % data.length;
  const flipped = abc[abc.indexOf(data[i]!) ^ 0b100000]!;
  return Buffer.from(text.slice(0, start + i) + flipped + text.slice(start + i + 1));
}

describe('link', { timeout: 15_000 }, () => {
  it('carries frames both ways in order, and does not hand pings on', async () => {
    const { under, peer } = await linked();
    for (const n of [1, 2, 3]) await under.link.send(Buffer.from(JSON.stringify(chat(n))));
    for (const n of [4, 5]) {
      await peer.send({ type: 'ping' });
      await peer.send(chat(n));
    }
    await waitFor(() => peer.frames.length === 3 && under.frames.length === 2, { what: 'the frames' });
    expect(peer.frames).toEqual([1, 2, 3].map((n) => JSON.stringify(chat(n))));
    expect(under.frames.map(String)).toEqual([4, 5].map((n) => JSON.stringify(chat(n))));
    expect(under.link.framesIn).toBe(4);
    expect(under.link.framesOut).toBe(3);
    expect(peer.failure).toBeUndefined();
    expect(under.reason()).toBeUndefined();
  });

  it('keeps an idle link up with pings: two idle links stay up long past deadMs', async () => {
    const r = await runHandshake();
    cleanup.push(() => r.pair.close());
    const timings = { keepaliveMs: 100, deadMs: 300 };
    const a = openLink(r.pair.client, outcomeOf(r.initiator.result), { ...timings, initiator: true });
    const b = openLink(r.pair.server, outcomeOf(r.responder.result), timings);
    cleanup.push(() => a.link.close('test over'), () => b.link.close('test over'));
    // six pings each way: at least 500 ms with nothing else, well past deadMs
    await waitFor(() => (a.link.framesIn >= 6 && b.link.framesIn >= 6) || a.reason() || b.reason(), { what: 'six pings each way', timeoutMs: 5000 });
    expect(a.reason()).toBeUndefined();
    expect(b.reason()).toBeUndefined();
    expect(a.frames).toEqual([]);
    expect(b.frames).toEqual([]);
  });

  it('declares a peer that sends nothing dead after deadMs: "no frame for ..."', async () => {
    const { under, peer } = await linked({ keepaliveMs: 100, deadMs: 300 });
    // the peer reads (it gets the pings) but never writes
    const reason = await waitFor(() => under.reason(), { what: 'the link declared dead', timeoutMs: 300 + 2000 });
    expect(Date.now() - under.link.openedAt).toBeGreaterThanOrEqual(300);
    expect(reason).toMatch(/^no frame for \d+(\.\d)? s$/);
    expect(peer.pings).toBeGreaterThanOrEqual(1);
    await peer.closed;
  });

  it('a peer that keeps sending is not declared dead', async () => {
    const { under, peer } = await linked({ keepaliveMs: 100, deadMs: 300 });
    // one ping back for each of the link's (100 ms apart): 600 ms in all, twice deadMs
    for (let n = 0; n < 6; n++) {
      await waitFor(() => peer.pings > n, { what: 'a ping from the link', intervalMs: 5 });
      await peer.send({ type: 'ping' });
      await waitFor(() => under.link.framesIn === n + 1, { what: `ping ${n + 1}`, intervalMs: 5 });
    }
    expect(under.reason()).toBeUndefined();
  });

  it('takes the peer\'s close frame as the end of the link, with its reason', async () => {
    const { under, peer } = await linked();
    await peer.send(chat(1));
    await peer.send({ type: 'close', reason: 'going away' });
    await peer.send(chat(2));
    expect(await under.closed).toBe('closed by the peer: going away');
    expect(under.frames.map(String)).toEqual([JSON.stringify(chat(1))]);
    await peer.closed;
  });

  it('tells the peer why it closes, then refuses sends with that reason', async () => {
    const { under, peer } = await linked();
    under.link.close('node stopping');
    await peer.closed;
    expect(peer.frames).toEqual(['{"type":"close","reason":"node stopping"}']);
    expect(under.link.closed).toBe(true);
    const refused = await under.link.send(Buffer.from('{"type":"ping"}')).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(SendError);
    expect(refused).toMatchObject({ code: 'ELINKCLOSED', reason: 'link closed: node stopping' });
  });

  it('ends when the peer ends the connection', async () => {
    const { under, peer } = await linked();
    peer.socket.end();
    expect(await under.closed).toBe('the peer closed the connection');
  });

  describe('back-pressure', () => {
    const bound = 256 * 1024;
    const frame = Buffer.from(JSON.stringify({ type: 'chat', content: 'x'.repeat(16 * 1024) }));

    /** Sends until a send is refused; the most bytes the link held unsent meanwhile, and every send's outcome. */
    async function flood(under: LinkUnderTest) {
      const outcomes: Array<'pending' | 'written' | Error> = [];
      let mostUnsent = 0;
      for (let n = 0; n < 100_000 && !outcomes.some((o) => o instanceof Error); n++) {
        const k = outcomes.push('pending') - 1;
        under.link.send(frame).then(
          () => (outcomes[k] = 'written'),
          (err: Error) => (outcomes[k] = err),
        );
        mostUnsent = Math.max(mostUnsent, under.link.unsentBytes);
        // let the kernel take what it will, and the outcomes settle
        if (n % 8 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise((resolve) => setImmediate(resolve));
      return { outcomes, mostUnsent };
    }

    it('refuses sends past maxUnsentBytes toward a peer that does not read, and cuts it off after stallMs', async () => {
      const { under, peer } = await linked({ maxUnsentBytes: bound, stallMs: 500 });
      peer.socket.pause();
      const { outcomes, mostUnsent } = await flood(under);
      const refusal = outcomes.find((o) => o instanceof Error);
      expect(refusal).toBeInstanceOf(SendError);
      expect(refusal).toMatchObject({ code: 'QUEUE_FULL', reason: expect.stringMatching(/^queue full: \d+ bytes not yet read by the peer$/) });
      // memory stays bounded: never more than the bound held for the peer
      expect(mostUnsent).toBeLessThanOrEqual(bound);
      expect(outcomes.filter((o) => o === 'written').length).toBeGreaterThan(0);
      // still not read: the next send is refused at once too
      await expect(under.link.send(frame)).rejects.toMatchObject({ code: 'QUEUE_FULL' });

      const reason = await waitFor(() => under.reason(), { what: 'the link cut', timeoutMs: 500 + 3000 });
      expect(reason).toMatch(/^peer does not read: \d+ bytes unread for 500 ms$/);
      expect(under.lines.filter((l) => l.msg === 'peer does not read: link cut')).toMatchObject([{ level: 40, peer: under.link.peer.nodeId, stallMs: 500 }]);
      // every send that was waiting for the kernel is settled, none left hanging
      await waitFor(() => !outcomes.includes('pending'), { what: 'every send settled' });
    });

    it('does not cut off a peer that reads again before stallMs; frames after a refused send still open', async () => {
      const { under, peer } = await linked({ maxUnsentBytes: bound, stallMs: 500, keepaliveMs: 100 });
      peer.socket.pause();
      const { outcomes } = await flood(under);
      const written = outcomes.filter((o) => o !== 'pending' && !(o instanceof Error)).length;
      peer.socket.resume();
      await waitFor(() => !outcomes.includes('pending'), { what: 'the queued sends written' });
      const accepted = outcomes.filter((o) => o === 'written').length;
      expect(accepted).toBeGreaterThanOrEqual(written);
      await waitFor(() => peer.frames.length === accepted, { what: 'every accepted frame read' });
      // then idle: pings every 100 ms; six of them is past stallMs (500 ms)
      const before = peer.pings;
      await peer.send({ type: 'ping' });
      await waitFor(() => peer.pings >= before + 6 || under.reason() || peer.failure, { what: 'six pings', timeoutMs: 5000 });
      // (a refused send must not use up a nonce: the peer could open no later frame)
      expect(peer.failure).toBeUndefined();
      expect(under.reason()).toBeUndefined();
      await peer.send(chat(1));
      await waitFor(() => under.frames.length === 1, { what: 'a frame after the stall' });
    });
  });

  describe('frames that close the link', () => {
    it('a frame with one base64 character altered (anywhere: body or tag)', async () => {
      for (const at of [0, 7, 30, -3, -1]) {
        const { under, peer } = await linked();
        await peer.send(chat(1));
        await waitFor(() => under.frames.length === 1, { what: 'the genuine frame' });
        const line = peer.seal(chat(2));
        const bad = altered(line, at);
        expect(bad.equals(line)).toBe(false);
        await peer.write(bad);
        expect(await under.closed).toBe(AUTH_FAILED);
        expect(under.frames).toHaveLength(1);
        await peer.closed;
      }
    });

    it('a replayed frame', async () => {
      const { under, peer } = await linked();
      const line = peer.seal(chat(1));
      await peer.write(line);
      await waitFor(() => under.frames.length === 1, { what: 'the frame' });
      await peer.write(line);
      expect(await under.closed).toBe(AUTH_FAILED);
      expect(under.frames).toHaveLength(1);
    });

    it('a frame that comes before the one sealed ahead of it (dropped or reordered)', async () => {
      const { under, peer } = await linked();
      peer.seal(chat(1));
      await peer.write(peer.seal(chat(2)));
      expect(await under.closed).toBe(AUTH_FAILED);
      expect(under.frames).toEqual([]);
    });

    it('a frame sealed for another link', async () => {
      const a = await linked();
      const b = await linked();
      // nonce 0 on both, other keys
      await b.peer.write(a.peer.seal(chat(1)));
      expect(await b.under.closed).toBe(AUTH_FAILED);
      expect(a.under.reason()).toBeUndefined();
    });

    it('a line over maxFrameBytes, ended or not, telling the peer why', async () => {
      for (const newline of [true, false]) {
        const { under, peer } = await linked({ maxFrameBytes: 4096 });
        await peer.send(chat(1));
        await waitFor(() => under.frames.length === 1, { what: 'the genuine frame' });
        await peer.write(`{"type":"sealed","d":"${'A'.repeat(5000)}"}${newline ? '\n' : ''}`);
        expect(await under.closed).toBe('frame over 4096 bytes');
        await peer.closed;
        expect(peer.frames).toEqual(['{"type":"close","reason":"frame over 4096 bytes"}']);
      }
    });

    it('a line that is not a sealed frame', async () => {
      const cases: Array<[string, string]> = [
        ['garbage\n', 'bad frame: not JSON'],
        ['{"type":"ping"}\n', 'bad frame: not a sealed frame'],
        ['\n', 'bad frame: not JSON'],
        ['{"type":"sealed","d":"not base64!"}\n', 'bad frame: sealed frame "d" is not standard base64'],
        ['{"type":"sealed","d":"AAAA"}\n', AUTH_FAILED],
      ];
      for (const [line, reason] of cases) {
        const { under, peer } = await linked();
        await peer.write(line);
        expect(await under.closed, line).toBe(reason);
      }
    });

    it('nothing after the frame that closed it is handed on, even in the same read', async () => {
      const { under, peer } = await linked();
      const good = peer.seal(chat(1));
      const replay = good;
      const after = peer.seal(chat(2));
      await peer.write(Buffer.concat([good, replay, after]));
      expect(await under.closed).toBe(AUTH_FAILED);
      expect(under.frames.map(String)).toEqual([JSON.stringify(chat(1))]);
    });
  });
});
