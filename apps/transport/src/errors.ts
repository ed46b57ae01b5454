/** A message could not be delivered to a peer; `reason` is what a Delivery reports. */
export class SendError extends Error {
  readonly peer: string;
  readonly reason: string;
  constructor(peer: string, reason: string, cause?: unknown) {
    super(`send to ${peer} failed: ${reason}`, { cause });
    this.name = 'SendError';
    this.peer = peer;
    this.reason = reason;
  }
}
