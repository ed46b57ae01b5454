// Files through the API without any path on the node's disk: an upload streams the request
// body to filesvc over a bus stream, a download streams a received file back, both with
// back-pressure end to end (never a whole file in memory).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamReader, StreamWriter, newStreamId, type Bus } from '@meshwork/bus';
import { subjects, uploadQuerySchema, describeIssues, type SendFileResult } from '@meshwork/protocol';
import type { Logger } from 'pino';
import { unlessAborted } from '@meshwork/service';
import { HttpError } from './errors.ts';

export interface FileRoutesDeps {
  bus: Bus;
  log: Logger;
  /** a bus request with the gateway's error mapping (503 when the service is not there) */
  ask: Bus['request'];
}

export function createFileRoutes({ bus, log, ask }: FileRoutesDeps) {
  /** POST /api/files?name=NAME, the file's bytes as the body. */
  async function upload(req: IncomingMessage, url: URL): Promise<SendFileResult> {
    const query = uploadQuerySchema.safeParse({ name: url.searchParams.get('name') ?? '' });
    if (!query.success) throw new HttpError(400, describeIssues(query.error));
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/octet-stream') throw new HttpError(415, 'the body must be the file\'s bytes, as application/octet-stream');
    const size = Number(req.headers['content-length']);
    if (req.headers['content-length'] === undefined || !Number.isSafeInteger(size)) throw new HttpError(411, 'the file\'s size is needed: send Content-Length');

    const peers = await ask(subjects.peersList, {});
    if (peers.peers.length === 0) throw new HttpError(409, 'no peers to send to: the file would reach no one');

    const streamId = newStreamId();
    const writer = new StreamWriter(bus, streamId);
    await writer.open();
    let reply;
    try {
      reply = await ask(subjects.fileUpload, { streamId, filename: query.data.name, size });
    } catch (err) {
      writer.abort('filesvc could not be asked');
      throw err;
    }
    if (reply.error) {
      writer.abort(reply.error);
      throw new HttpError(reply.tooLarge ? 413 : 400, reply.error, { headers: { connection: 'close' } });
    }
    try {
      // a stream that failed (filesvc gave up, or nothing moved for too long) stops the reading too:
      // the client gets the reason, and the connection closes on the unread rest
      const pieces = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      for (let next = await unlessAborted(pieces.next(), writer.signal); !next.done; next = await unlessAborted(pieces.next(), writer.signal)) {
        await writer.write(next.value);
      }
      await writer.end();
    } catch (err) {
      writer.abort((err as Error).message);
      if (err instanceof HttpError) throw err;
      const why = writer.signal.aborted ? ((writer.signal.reason as Error)?.message ?? (err as Error).message) : (err as Error).message;
      throw new HttpError(400, `the file was not taken: ${why}`, { cause: err, headers: { connection: 'close' } });
    }
    log.info({ fileId: reply.fileId, filename: reply.filename, size }, 'file uploaded for sending');
    return { fileId: reply.fileId, filename: reply.filename, size: Number(reply.size ?? size), totalChunks: reply.totalChunks };
  }

  /** GET /api/files/NAME: a received file, as an attachment (HEAD: its headers only). */
  async function download(res: ServerResponse, name: string, head: boolean): Promise<void> {
    const gone = new Promise<void>((resolve) => res.once('close', resolve));
    const streamId = newStreamId();
    const reader = new StreamReader(bus, streamId);
    let reply;
    try {
      reply = await ask(subjects.fileDownload, { streamId, filename: name });
    } catch (err) {
      reader.cancel('no answer');
      throw err;
    }
    if (reply.error) {
      reader.cancel(reply.error);
      throw new HttpError(reply.notFound ? 404 : 500, reply.error);
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': Number(reply.size ?? 0),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    if (head || res.destroyed) {
      reader.cancel(head ? 'HEAD: no body' : 'the client went away');
      res.end();
      return;
    }
    reader.start();
    try {
      for await (const data of reader) {
        if (!res.write(data)) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), gone]);
        if (res.destroyed) throw new Error('the client went away');
      }
      reader.done();
      res.end();
    } catch (err) {
      reader.cancel((err as Error).message);
      log.warn({ filename: name, reason: (err as Error).message }, 'download cut short');
      res.destroy();
    }
  }

  return { upload, download };
}

