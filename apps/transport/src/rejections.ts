// Keys for throttled rejection logs: per source address and kind of reason, so the first of
// each kind from an address is logged, and a flood of one kind costs one line per interval.

/** The kind of a rejection reason: its first word ("invalid", "oversize", "timeout", "source", ...). */
export const reasonKind = (reason: string): string => /^[^\s:]{0,32}/.exec(reason)![0];

export const rejectionKey = (ip: string, reason: string): string => `${ip} ${reasonKind(reason)}`;
