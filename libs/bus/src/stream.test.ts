import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { streamSubjects, subjects, type EventDef, type mesh, type RequestDef } from '@meshwork/protocol';
import { Bus } from './bus.ts';
import { startNatsServer, type NatsServer } from './nats-server.ts';
import { MAX_STREAM_CHUNK, newStreamId, StreamError, StreamReader, StreamWriter } from './stream.ts';

const log = pino({ level: 'silent' });
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

const MiB = 1024 * 1024;

interface TestServer extends NatsServer {
  readonly lines: string[];
}

async function server(): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'stream-test-'));
  const lines: string[] = [];
  const s = await startNatsServer({ dir, onLog: (line) => void lines.push(line) });
  cleanup.push(() => rm(dir, { recursive: true, force: true }), () => s.stop());
  return Object.assign(s, { lines });
}

/** A Bus that counts the stream data messages it publishes (not the end or an error). */
class CountingBus extends Bus {
  dataPublished = 0;
  onDataPublished?: () => void;

  override publish<T, P>(def: EventDef<T, P> | RequestDef<T, P, unknown, unknown>, message: P): void {
    super.publish(def, message);
    const data = message as mesh.v1.StreamData.$Properties;
    if (def.subject.startsWith('mesh.v1.stream.') && def.subject.endsWith('.data') && !data.end && !data.error) {
      this.dataPublished++;
      this.onDataPublished?.();
    }
  }
}

interface Client {
  bus: CountingBus;
  nc: NatsConnection;
  /** status events that must not happen here: slow consumer, disconnect, error */
  troubles: string[];
}

async function client(s: NatsServer, name: string): Promise<Client> {
  const nc = await connect({ servers: s.url, token: s.token, name });
  const troubles: string[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'slowConsumer' || status.type === 'disconnect' || status.type === 'error') troubles.push(status.type);
    }
  })();
  cleanup.push(() => nc.close());
  return { bus: new CountingBus(nc, log), nc, troubles };
}

async function until(check: () => boolean, ms = 5000, intervalMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(intervalMs);
  }
}

/** True when no subscriber on the server has subject (a request gets "no responders"). */
async function nobodyListens(probe: Client, subject: string, timeoutMs = 1000): Promise<boolean> {
  try {
    await probe.nc.request(subject, new Uint8Array(), { timeout: timeoutMs });
    return false;
  } catch (err) {
    return (err as { isNoResponders?: () => boolean }).isNoResponders?.() === true;
  }
}

/** Both of the stream's subjects are free once every side's unsubscribes reached the server. */
async function streamGone(id: string, probe: Client, ...sides: Client[]): Promise<boolean> {
  for (const side of sides) await side.bus.flush();
  const { data, ctl } = streamSubjects(id);
  return (await nobodyListens(probe, data.subject)) && (await nobodyListens(probe, ctl.subject));
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Everything a reader yields, or the error its iteration threw. */
async function readAll(reader: StreamReader): Promise<Buffer | StreamError> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of reader) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch (err) {
    return err as StreamError;
  }
}

/** A writer and a reader on one stream, set up in the upload's order (open, then start). */
async function pair(opts: { window?: number; writerIdleMs?: number; readerIdleMs?: number } = {}) {
  const s = await server();
  const a = await client(s, 'writer');
  const b = await client(s, 'reader');
  const probe = await client(s, 'probe');
  const id = newStreamId();
  const writer = new StreamWriter(a.bus, id, { window: opts.window, idleTimeoutMs: opts.writerIdleMs });
  const reader = new StreamReader(b.bus, id, { window: opts.window, idleTimeoutMs: opts.readerIdleMs });
  await writer.open();
  reader.start();
  return { s, a, b, probe, id, writer, reader };
}

describe('bus streams', () => {
  it('names streams with ids the stream subjects take', () => {
    const id = newStreamId();
    expect(streamSubjects(id).data.subject).toBe(`mesh.v1.stream.${id}.data`);
    expect(newStreamId()).not.toBe(id);
  });

  it('carries 32 MiB through an upload byte for byte, never more than a window unconsumed', async () => {
    const s = await server();
    const gateway = await client(s, 'gateway');
    const filesvc = await client(s, 'filesvc');
    const window = 16;
    const source = randomBytes(32 * MiB);

    // filesvc's side: answers the upload request, then takes the stream in the background
    let taken = 0;
    const hash = createHash('sha256');
    let stored: Promise<void> | undefined;
    filesvc.bus.serve(subjects.fileUpload, (req) => {
      const reader = new StreamReader(filesvc.bus, req.streamId, { window });
      reader.start();
      stored = (async () => {
        for await (const chunk of reader) {
          taken++;
          hash.update(chunk);
        }
        reader.done();
      })();
      return { fileId: 'f1', filename: req.filename, size: req.size };
    });
    await filesvc.bus.flush();

    let mostUnconsumed = 0;
    gateway.bus.onDataPublished = () => {
      mostUnconsumed = Math.max(mostUnconsumed, gateway.bus.dataPublished - taken);
    };
    const id = newStreamId();
    const writer = new StreamWriter(gateway.bus, id, { window });
    await writer.open();
    expect(await nobodyListens(filesvc, streamSubjects(id).ctl.subject, 200)).toBe(false);
    const reply = await gateway.bus.request(subjects.fileUpload, { streamId: id, filename: 'big.bin', size: source.length });
    expect(reply.size).toBe(source.length);

    const startedAt = performance.now();
    // pieces bigger than a stream message, as a file read gives them
    for (let at = 0; at < source.length; at += 256 * 1024) await writer.write(source.subarray(at, at + 256 * 1024));
    await writer.end();
    const seconds = (performance.now() - startedAt) / 1000;
    await stored;

    expect(hash.digest('hex')).toBe(sha256(source));
    expect(gateway.bus.dataPublished).toBe(source.length / MAX_STREAM_CHUNK);
    expect(mostUnconsumed).toBeGreaterThan(0);
    expect(mostUnconsumed).toBeLessThanOrEqual(window);
    expect(writer.signal.aborted).toBe(false);
    expect(await streamGone(id, filesvc, gateway, filesvc)).toBe(true);
    expect([...gateway.troubles, ...filesvc.troubles]).toEqual([]);
    console.log(`bus stream: 32 MiB in ${seconds.toFixed(2)} s, ${(32 / seconds).toFixed(0)} MiB/s (window ${window} x ${MAX_STREAM_CHUNK / 1024} KiB)`);
  }, 60_000);

  it('lets a slow consumer take a download at its own pace, with no slow-consumer events', async () => {
    const s = await server();
    const gateway = await client(s, 'gateway');
    const filesvc = await client(s, 'filesvc');
    const watcher = await client(s, 'watcher');
    const window = 8;
    const source = randomBytes(4 * MiB);
    const total = source.length / MAX_STREAM_CHUNK;

    // filesvc's side: answers the download request with the size, then writes in the background
    let sent: Promise<void> | undefined;
    filesvc.bus.serve(subjects.fileDownload, async (req) => {
      const writer = new StreamWriter(filesvc.bus, req.streamId, { window });
      await writer.open();
      sent = (async () => {
        for (let at = 0; at < source.length; at += MiB) await writer.write(source.subarray(at, at + MiB));
        await writer.end();
      })();
      return { size: source.length };
    });
    await filesvc.bus.flush();

    const id = newStreamId();
    // the wire as a third client sees it: credit granted, data published
    const seen = { credit: 0, data: 0, overCredit: 0 };
    const watching = [
      watcher.bus.subscribe(streamSubjects(id).ctl, (m) => void (seen.credit += m.credit)),
      watcher.bus.subscribe(streamSubjects(id).data, (m) => {
        if (m.end || m.error) return;
        if (++seen.data > seen.credit) seen.overCredit++;
      }),
    ];
    await watcher.bus.flush();

    const reader = new StreamReader(gateway.bus, id, { window });
    const reply = await gateway.bus.request(subjects.fileDownload, { streamId: id, filename: 'big.bin' });
    expect(reply.size).toBe(source.length);
    reader.start();

    let taken = 0;
    let mostUnconsumed = 0;
    let stalls = 0;
    const hash = createHash('sha256');
    filesvc.bus.onDataPublished = () => {
      mostUnconsumed = Math.max(mostUnconsumed, filesvc.bus.dataPublished - taken);
    };
    for await (const chunk of reader) {
      taken++;
      hash.update(chunk);
      // slower than the writer: the next message is taken only once the writer has used all its credit
      await until(() => seen.data === seen.credit || seen.data === total, 5000, 1);
      if (seen.data < total) stalls++;
    }
    reader.done();
    await sent;

    expect(hash.digest('hex')).toBe(sha256(source));
    expect(taken).toBe(total);
    expect(stalls).toBeGreaterThan(total / 2);
    expect(seen.overCredit).toBe(0);
    expect(mostUnconsumed).toBeLessThanOrEqual(window);
    for (const sub of watching) sub.unsubscribe();
    expect(await streamGone(id, watcher, gateway, filesvc, watcher)).toBe(true);
    expect([...gateway.troubles, ...filesvc.troubles, ...watcher.troubles]).toEqual([]);
    expect(s.lines.filter((line) => /slow consumer/i.test(line))).toEqual([]);
  }, 60_000);

  it('stops the writer when the reader cancels, with the reason', async () => {
    const { a, b, probe, id, writer, reader } = await pair({ window: 4 });
    // more than the window: the write waits for credit the reader never grants
    const writing = writer.write(randomBytes(8 * MAX_STREAM_CHUNK));
    await until(() => a.bus.dataPublished === 4);
    reader.cancel('disk full');

    const err = await writing.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamError);
    expect((err as StreamError).message).toMatch(/reader gave up: disk full/);
    expect((err as StreamError).stream).toBe(id);
    expect(writer.signal.aborted).toBe(true);
    expect(writer.signal.reason).toBe(err);
    await expect(writer.end()).rejects.toThrow(/disk full/);
    await expect(readAll(reader)).resolves.toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/cancelled: disk full/) });
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });

  it('fails the reader when the writer aborts, with the reason', async () => {
    const { a, b, probe, id, writer, reader } = await pair();
    const reading = readAll(reader);
    await writer.write(Buffer.from('first part'));
    writer.abort('source file vanished');

    const err = await reading;
    expect(err).toBeInstanceOf(StreamError);
    expect((err as StreamError).message).toMatch(/writer gave up: source file vanished/);
    await expect(writer.write(Buffer.from('more'))).rejects.toThrow(/aborted: source file vanished/);
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });

  it('cancels the stream when the reader stops iterating early', async () => {
    const { a, b, probe, id, writer, reader } = await pair({ window: 4 });
    const writing = writer.write(randomBytes(8 * MAX_STREAM_CHUNK));
    for await (const chunk of reader) {
      expect(chunk.length).toBe(MAX_STREAM_CHUNK);
      break;
    }
    await expect(writing).rejects.toThrow(/reader gave up: the reader stopped before the end/);
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });

  it('fails both ends with a StreamError naming a seq gap', async () => {
    const { s, a, b, probe, id, writer, reader } = await pair();
    const forger = await client(s, 'forger');
    const chunks = reader[Symbol.asyncIterator]();
    for (const word of ['zero', 'one', 'two']) await writer.write(Buffer.from(word));
    for (const word of ['zero', 'one', 'two']) expect(Buffer.from((await chunks.next()).value as Uint8Array).toString()).toBe(word);

    forger.bus.publish(streamSubjects(id).data, { seq: 5, data: Buffer.from('forged') });
    const err = await chunks.next().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({ kind: 'gap', stream: id });
    expect((err as StreamError).message).toMatch(/seq gap: 2 message\(s\) lost \(expected seq 3, got 5\)/);

    await until(() => writer.signal.aborted);
    await expect(writer.end()).rejects.toThrow(/reader gave up: seq gap: .*expected seq 3, got 5/);
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });

  it('fails the reader when a writer sends beyond its credit', async () => {
    const s = await server();
    const b = await client(s, 'reader');
    const forger = await client(s, 'forger');
    const id = newStreamId();
    const reader = new StreamReader(b.bus, id);
    await b.bus.flush();
    // not started: no credit granted yet
    forger.bus.publish(streamSubjects(id).data, { seq: 0, data: Buffer.from('unasked') });
    await expect(readAll(reader)).resolves.toMatchObject({ kind: 'protocol', message: expect.stringMatching(/beyond its credit/) });
    expect(await streamGone(id, forger, b)).toBe(true);
  });

  it('fails the writer at once when its bus connection is gone, and the reader when nothing comes', async () => {
    const { a, b, probe, id, writer, reader } = await pair({ readerIdleMs: 300 });
    const reading = readAll(reader);
    await writer.write(Buffer.from('before'));
    await a.nc.close();

    await expect(writer.write(Buffer.from('after'))).rejects.toMatchObject({ kind: 'bus', message: expect.stringMatching(/cannot publish/) });
    expect(writer.signal.aborted).toBe(true);
    await expect(reading).resolves.toMatchObject({ kind: 'idle' });
    expect(await streamGone(id, probe, b)).toBe(true);
  });

  it('gives up on the reader side when the writer goes quiet', async () => {
    const { a, b, probe, id, writer, reader } = await pair({ readerIdleMs: 300, writerIdleMs: 20_000 });
    const reading = readAll(reader);
    await writer.write(Buffer.from('then nothing'));

    const err = await reading;
    expect(err).toMatchObject({ kind: 'idle', message: expect.stringMatching(/idle timeout: nothing moved for 300 ms/) });
    await until(() => writer.signal.aborted);
    await expect(writer.write(Buffer.from('late'))).rejects.toThrow(/reader gave up: idle timeout/);
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });

  it('gives up on the writer side when the reader grants no credit', async () => {
    const s = await server();
    const a = await client(s, 'writer');
    const b = await client(s, 'reader');
    const id = newStreamId();
    const reader = new StreamReader(b.bus, id, { idleTimeoutMs: 20_000 });
    const reading = readAll(reader);
    const writer = new StreamWriter(a.bus, id, { idleTimeoutMs: 300 });
    await writer.open();
    // the reader never calls start()

    const err = await writer.write(Buffer.from('never sent')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamError);
    expect(err).toMatchObject({ kind: 'idle', message: expect.stringMatching(/idle timeout/) });
    expect(writer.signal.aborted).toBe(true);
    await expect(reading).resolves.toMatchObject({ kind: 'remote', message: expect.stringMatching(/writer gave up: idle timeout/) });
    expect(await streamGone(id, b, a, b)).toBe(true);
  });

  it('gives up on the writer side when the reader never says done', async () => {
    const { a, b, probe, id, writer, reader } = await pair({ writerIdleMs: 300, readerIdleMs: 20_000 });
    const reading = readAll(reader);
    await writer.write(Buffer.from('all of it'));
    const ending = writer.end();
    expect((await reading).toString()).toBe('all of it');
    // the reader's service never calls done()

    await expect(ending).rejects.toMatchObject({ kind: 'idle' });
    reader.cancel('stored too late');
    expect(await streamGone(id, probe, a, b)).toBe(true);
  });
});
