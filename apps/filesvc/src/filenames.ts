// Names for received files: the network's filename made safe for the downloads folder, and
// the v1 clash rule (name.ext, name_1.ext, name_2.ext, ...). Pure functions.

/** Longest saved name in UTF-8 bytes: leaves room for a clash suffix under NAME_MAX (255). */
export const MAX_NAME_BYTES = 200;
/** A longer "extension" is treated as part of the name when a name is shortened. */
const MAX_EXT_BYTES = 32;
/** Used when nothing usable is left of the network's name. */
export const FALLBACK_NAME = 'file';

// C0 and C1 controls (NUL, newline, ESC, DEL...) and the bidi controls that let a name
// display as something else ("invoice\u202Etxt.exe").
const CONTROL = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * One path segment that cannot leave the folder it is joined to: the last segment of the
 * name (split on / and \), without control characters, trimmed, at most MAX_NAME_BYTES.
 */
export function safeFilename(raw: string): string {
  const lastSegment = raw.replace(CONTROL, '').split(/[/\\]/).pop() ?? '';
  const name = lastSegment.trim();
  if (name === '' || name === '.' || name === '..') return FALLBACK_NAME;
  return capLength(name);
}

/** Like Python's os.path.splitext: leading dots belong to the name (".bashrc" has no extension). */
export function splitExt(name: string): [stem: string, ext: string] {
  const leadingDots = /^\.*/.exec(name)?.[0].length ?? 0;
  const dot = name.lastIndexOf('.');
  return dot >= leadingDots ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** The n-th name to try for a file: name.ext, then name_1.ext, name_2.ext, ... */
export function candidateName(name: string, n: number): string {
  if (n === 0) return name;
  const [stem, ext] = splitExt(name);
  return `${stem}_${n}${ext}`;
}

function capLength(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  let [stem, ext] = splitExt(name);
  if (Buffer.byteLength(ext) > MAX_EXT_BYTES) [stem, ext] = [name, ''];
  const kept = truncateUtf8(stem, MAX_NAME_BYTES - Buffer.byteLength(ext)).trimEnd();
  return (kept === '' ? FALLBACK_NAME : kept) + ext;
}

/** The longest prefix of s (whole code points) that fits in maxBytes of UTF-8. */
function truncateUtf8(s: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}
