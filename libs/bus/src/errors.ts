export class BusRequestError extends Error {
  readonly subject: string;
  /** nobody serves the subject (the service is down or restarting) */
  readonly noResponders: boolean;
  constructor(subject: string, cause: unknown) {
    const noResponders = (cause as { isNoResponders?: () => boolean })?.isNoResponders?.() === true;
    super(`request on ${subject} failed: ${noResponders ? 'no service answers it' : (cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'BusRequestError';
    this.subject = subject;
    this.noResponders = noResponders;
  }
}

export class NatsServerMissingError extends Error {
  constructor() {
    super('nats-server not found on PATH (or MESH_NATS_SERVER). Install it: sudo apt-get install -y nats-server');
    this.name = 'NatsServerMissingError';
  }
}

export class NatsServerStartError extends Error {
  constructor(message: string, cause?: unknown) {
    super(`nats-server did not start: ${message}`, { cause });
    this.name = 'NatsServerStartError';
  }
}
