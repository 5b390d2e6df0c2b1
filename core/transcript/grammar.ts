/**
 * The line grammar of `e2c-transcript/1` (PRODUCT.md §4 rules 2–4). Reader and writer share these predicates:
 * the writer escapes exactly the body lines the reader would otherwise take as structure, which is what makes
 * `parse(write(t))` give `t` back for any text.
 */

export const TRANSCRIPT_OPEN_LINE = "--- Transcript ---";
/** Subject of the note that holds the full transcript when the description had to be cut (§4 rule 2). */
export const FULL_TRANSCRIPT_NOTE_SUBJECT = "Handoff transcript";

export function endLine(totalMessages: number): string {
  return `--- End of transcript (${totalMessages} messages) ---`;
}

export function truncatedLine(shown: number, total: number): string {
  return `--- Transcript truncated: ${shown} of ${total} messages shown; full transcript in note "${FULL_TRANSCRIPT_NOTE_SUBJECT}" ---`;
}

const OPEN_RE = /^-{3}\s*Transcript\s*-{3}\s*$/i;
const END_RE = /^-{3}\s*End of transcript\s*\((\d+)\s+messages?\)\s*-{3}\s*$/i;
const TRUNCATED_RE = /^-{3}\s*Transcript truncated:\s*(\d+)\s+of\s+(\d+)\s+messages?\s+shown\b.*-{3}\s*$/is;

export type SeparatorLine =
  { kind: "open" } | { kind: "end"; total: number } | { kind: "truncated"; shown: number; total: number };

const DASH = 45;

export function readSeparatorLine(line: string): SeparatorLine | null {
  if (line.charCodeAt(0) !== DASH) return null;
  if (OPEN_RE.test(line)) return { kind: "open" };
  const end = END_RE.exec(line);
  if (end) return { kind: "end", total: Number(end[1]) };
  const cut = TRUNCATED_RE.exec(line);
  if (cut) return { kind: "truncated", shown: Number(cut[1]), total: Number(cut[2]) };
  return null;
}

// Rule 3: `[<timestamp>] <display name> [<email>] [(<role>)]`; the writer uses ISO 8601 UTC with Z, the reader
// also accepts an offset, `YYYY-MM-DD HH:MM[:SS] UTC`, and no brackets.
const TIMESTAMP = String.raw`(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[ ]?(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?`;
// dotAll: a name may hold U+2028, which `.` would not match, and the line would silently stop being a message line.
const BRACKETED_RE = new RegExp(String.raw`^\[${TIMESTAMP}\][ \t]*(.*)$`, "s");
const BARE_RE = new RegExp(String.raw`^${TIMESTAMP}[ \t]+(\S.*)$`, "s");

export interface MessageLine {
  /** ISO UTC, or null for an impossible date such as month 13. */
  timestamp: string | null;
  /** Whether the time carried a zone; a time without one is read as UTC. */
  zoned: boolean;
  rest: string;
}

const OPEN_BRACKET = 91;

/** The two-digit number at `at`, or -1 when those are not two digits. */
function twoDigits(line: string, at: number): number {
  // Stryker disable next-line ArithmeticOperator: + 48 makes every pair refuse, which sends the line to the regular expressions
  const a = line.charCodeAt(at) - 48;
  // Stryker disable next-line ArithmeticOperator: + 48, or reading the character before, makes the century pair refuse ("[" comes before it), which sends the line to the regular expressions
  const b = line.charCodeAt(at + 1) - 48;
  // Stryker disable next-line EqualityOperator: each refuses digits, so the century pair refuses and the line goes to the regular expressions; a pair below "0" is negative and refused anyway
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `[YYYY-MM-DDTHH:MM:SSZ] ` at `start` of `text`, the writer's form, read by index without a regular expression, a
 * substring or a result object (PRODUCT.md §9 budget: this runs once per message), each digit once. Returns where
 * the rest of the line starts; for a line whose date cannot exist (month 13, 30 February, the writer's unknown time)
 * the complement of that, `~rest`, which is below -1; -1 when the line is not in this form.
 */
export function canonicalMessageLineAt(text: string, start: number, end: number): number {
  // [ 2 0 2 6 - 1 1 - 2 0 T 0 9 : 1 4 : 0 3 Z ]
  // 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21
  if (end - start < 22 || text.charCodeAt(start + 21) !== 93 || text.charCodeAt(start + 20) !== 90) return -1;
  if (
    text.charCodeAt(start + 11) !== 84 ||
    text.charCodeAt(start + 5) !== 45 ||
    text.charCodeAt(start + 8) !== 45 ||
    text.charCodeAt(start + 14) !== 58 ||
    text.charCodeAt(start + 17) !== 58
  ) {
    return -1;
  }
  const century = twoDigits(text, start + 1);
  const year = twoDigits(text, start + 3);
  const month = twoDigits(text, start + 6);
  const day = twoDigits(text, start + 9);
  const hour = twoDigits(text, start + 12);
  const minute = twoDigits(text, start + 15);
  const second = twoDigits(text, start + 18);
  if ((century | year | month | day | hour | minute | second) < 0) return -1;
  let restStart = start + 22;
  while (restStart < end && (text.charCodeAt(restStart) === 32 || text.charCodeAt(restStart) === 9)) restStart++;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: refusing a line only sends it to the regular expressions, which read "…Z]Jane" the same way
  if (restStart === start + 22 && end > start + 22) return -1;
  return isValidDateTime(century * 100 + year, month, day, hour, minute, second) ? restStart : ~restStart;
}

// Stryker disable next-line BlockStatement: with no fast path the regular expressions read the writer's form to the same result
function readCanonicalMessageLine(line: string): MessageLine | null | undefined {
  const found = canonicalMessageLineAt(line, 0, line.length);
  if (found === -1) return undefined;
  return {
    timestamp: found >= 0 ? line.slice(1, 21) : null,
    zoned: true,
    rest: line.slice(found >= 0 ? found : ~found),
  };
}

export function readMessageLine(line: string): MessageLine | null {
  const first = line.charCodeAt(0);
  // Stryker disable next-line BlockStatement: the fast path only; the regular expressions below read the writer's form to the same result
  if (first === OPEN_BRACKET) {
    const canonical = readCanonicalMessageLine(line);
    if (canonical !== undefined) return canonical;
  }
  // Stryker disable next-line LogicalOperator: BARE_RE itself asks for a digit first
  const startsWithDigit = first >= 48 && first <= 57;
  let match: RegExpExecArray | null = null;
  if (first === OPEN_BRACKET) match = BRACKETED_RE.exec(line);
  else if (startsWithDigit) match = BARE_RE.exec(line);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone, rest] = match;
  // Stryker disable next-line StringLiteral: the rest's group always takes part in a match, so it is never undefined
  return { timestamp: toIsoUtc(y!, mo!, d!, h!, mi!, s, frac, zone), zoned: zone !== undefined, rest: rest ?? "" };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDateTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  return d <= (DAYS_IN_MONTH[mo - 1] as number) + leap;
}

function toIsoUtc(
  y: string,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string | undefined,
  frac: string | undefined,
  zone: string | undefined,
): string | null {
  if (!isValidDateTime(+y, +mo, +d, +h, +mi, s === undefined ? 0 : +s)) return null;
  // The writer's own form needs no conversion: this keeps a 5 MB parse free of Date objects (PRODUCT.md §9).
  if (zone === "Z" && s !== undefined && frac === undefined) return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, ms);
  let offsetMinutes = 0;
  if (zone && zone !== "Z" && zone !== "UTC" && zone !== "GMT") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return formatIsoUtc(new Date(local - offsetMinutes * 60_000));
}

/**
 * What the writer puts in the brackets for a message whose time is unknown: a date that cannot exist, which the
 * reader takes as a message line with `timestamp: null` (rule 3), so the format needs no second line form.
 */
export const UNKNOWN_TIME = "0000-00-00T00:00:00Z";

/** `2026-11-20T09:14:03Z`: ISO 8601 UTC, milliseconds only when there are any. */
export function formatIsoUtc(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/** Rule 4: the optional first body line `Subject: …`. */
const SUBJECT_RE = /^Subject:[ ]?(.*)$/is;

export function readSubjectLine(line: string): string | null {
  const m = SUBJECT_RE.exec(line);
  // Stryker disable next-line StringLiteral: the subject's group always takes part in a match, so it is never undefined
  return m ? (m[1] ?? "") : null;
}

const BACKSLASH = 92;

/** Rule 4: a body line the reader would take as structure is written with a leading backslash. */
export function needsEscape(line: string, isFirstBodyLine: boolean): boolean {
  return (
    line.charCodeAt(0) === BACKSLASH ||
    readSeparatorLine(line) !== null ||
    readMessageLine(line) !== null ||
    (isFirstBodyLine && SUBJECT_RE.test(line))
  );
}

export function isEscaped(line: string): boolean {
  return line.charCodeAt(0) === BACKSLASH;
}
