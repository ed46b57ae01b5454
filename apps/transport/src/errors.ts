/**
 * Why a delivery failed: a network error code (ECONNREFUSED, ETIMEDOUT, ECLOSETIMEOUT, ...) says
 * something about the peer; QUEUE_FULL, PEER_DOWN and STOPPED are this node's own decisions.
 */
export type SendErrorCode = string;

/** Codes that say nothing about the peer's health. */
export const localSendErrors: ReadonlySet<SendErrorCode> = new Set(['QUEUE_FULL', 'PEER_DOWN', 'STOPPED']);

/** A message could not be delivered to a peer; `reason` is what a Delivery reports. */
export class SendError extends Error {
  readonly peer: string;
  readonly reason: string;
  readonly code: SendErrorCode;
  constructor(peer: string, reason: string, code: SendErrorCode, cause?: unknown) {
    super(`send to ${peer} failed: ${reason}`, { cause });
    this.name = 'SendError';
    this.peer = peer;
    this.reason = reason;
    this.code = code;
  }
}
