/** A node cannot start for a reason the user can fix; printed as one line. */
export class LaunchError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LaunchError';
  }
}
