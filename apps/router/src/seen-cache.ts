// Message ids seen recently: bounded in count and age, evicted oldest first (never a
// wholesale clear, which would re-flood old messages as the original app does).
export class SeenCache {
  readonly #ids = new Map<string, number>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(max: number, ttlMs: number, now: () => number = Date.now) {
    this.#max = max;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Records id; false if it was already seen (and not yet expired). */
  add(id: string): boolean {
    const now = this.#now();
    this.#expire(now);
    if (this.#ids.has(id)) return false;
    this.#ids.set(id, now);
    if (this.#ids.size > this.#max) this.#ids.delete(this.#ids.keys().next().value!);
    return true;
  }

  has(id: string): boolean {
    this.#expire(this.#now());
    return this.#ids.has(id);
  }

  get size(): number {
    return this.#ids.size;
  }

  #expire(now: number): void {
    for (const [id, at] of this.#ids) {
      if (now - at < this.#ttlMs) break;
      this.#ids.delete(id);
    }
  }
}
