import { describe, expect, it } from 'vitest';
import { unlessAborted } from './abort.ts';

describe('unlessAborted', () => {
  it('gives the outcome of the promise, or the signal\'s reason as soon as it aborts, leaving no listener', async () => {
    const controller = new AbortController();
    await expect(unlessAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    let settle!: (v: number) => void;
    const pending = unlessAborted(new Promise<number>((resolve) => (settle = resolve)), controller.signal);
    controller.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
    settle(1);
  });

  it('leaves no rejection unhandled when the signal aborted before', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controller = new AbortController();
      controller.abort(new Error('stopped'));
      let fail!: (e: Error) => void;
      const late = new Promise<number>((_, reject) => (fail = reject));
      await expect(unlessAborted(late, controller.signal)).rejects.toThrow('stopped');
      fail(new Error('connection closed'));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
