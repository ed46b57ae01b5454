// Which incoming files this node takes: filesvc decides once per file (on its first chunk
// seen here), and the router relays a file's chunks only if filesvc admitted it, so a file
// this node would refuse is not passed on either. Bounded in count and age.

export interface Decision {
  accepted: boolean;
  reason: string;
}

export interface AdmissionsOptions {
  max?: number;
  ttlMs?: number;
  now?: () => number;
}

export class Admissions {
  readonly #decided = new Map<string, Decision & { at: number }>();
  readonly #pending = new Map<string, Promise<Decision>>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(opts: AdmissionsOptions = {}) {
    this.#max = opts.max ?? 4096;
    this.#ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.#now = opts.now ?? Date.now;
  }

  /**
   * The decision for a file: remembered, or being asked (chunks that come meanwhile wait for
   * the same answer), or asked now with `ask` (which rejects when filesvc cannot be asked:
   * nothing is remembered then). `first` says whether this call asked (its chunk went with
   * the question, so filesvc already has it).
   */
  async decide(fileId: string, ask: () => Promise<Decision>): Promise<Decision & { first: boolean }> {
    const known = this.#decided.get(fileId);
    if (known && this.#now() - known.at < this.#ttlMs) {
      // keep recently used decisions at the young end
      this.#decided.delete(fileId);
      this.#decided.set(fileId, { ...known, at: this.#now() });
      return { accepted: known.accepted, reason: known.reason, first: false };
    }
    const pending = this.#pending.get(fileId);
    if (pending) return { ...(await pending), first: false };
    const asking = ask();
    this.#pending.set(fileId, asking);
    try {
      const decision = await asking;
      this.#remember(fileId, decision);
      return { ...decision, first: true };
    } finally {
      this.#pending.delete(fileId);
    }
  }

  /** filesvc gave the file up: its later chunks are not relayed. */
  refuse(fileId: string, reason: string): void {
    this.#remember(fileId, { accepted: false, reason });
  }

  #remember(fileId: string, d: Decision): void {
    this.#decided.delete(fileId);
    this.#decided.set(fileId, { accepted: d.accepted, reason: d.reason, at: this.#now() });
    while (this.#decided.size > this.#max) this.#decided.delete(this.#decided.keys().next().value!);
  }
}
