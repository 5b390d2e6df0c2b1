/**
 * When an email was sent, read from its own headers (RFC 5322 §3.3 "Date and Time Specification",
 * https://www.rfc-editor.org/rfc/rfc5322#section-3.3, with the obsolete forms of §4.3 that old mailers still write).
 * String work only: `Date.parse` is not used because it reads a time without a zone as the local time of whoever
 * runs it, and engines differ on the obsolete forms.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** §4.3: the obsolete US zones; military letters and unknown names mean "no zone information" (−0000, read as UTC). */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  edt: -4 * 60, est: -5 * 60, cdt: -5 * 60, cst: -6 * 60, mdt: -6 * 60, mst: -7 * 60, pdt: -7 * 60, pst: -8 * 60,
}; // prettier-ignore

/** Comments `(…)` may nest and carry escaped parentheses (§3.2.2); they are not part of the date. */
function withoutComments(value: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "\\" && depth > 0) i++;
    else if (c === "(") depth++;
    else if (c === ")" && depth > 0) {
      depth--;
      out += " ";
    } else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** The offset a zone names, or null for minutes past 59. The zone is one the date patterns below captured: an offset or
 * 1–5 letters. */
function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  // Stryker disable next-line Regex: the zone was captured by a pattern of this very shape, so the anchors never decide
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) > 59) return null;
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  // Military letters and names this table lacks carry no zone information (§4.3): read as UTC.
  return named ?? 0;
}

function fullYear(year: string): number {
  const y = Number(year);
  if (year.length === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (year.length === 3) return 1900 + y;
  return y;
}

function utc(year: number, month: number, day: number, h: number, mi: number, s: number, zone: number): Date | null {
  // A month, day or hour out of range moves Date.UTC to another day, which the check below finds; minutes and seconds
  // out of range can stay within the day.
  if (mi > 59 || s > 60) return null;
  const date = new Date(Date.UTC(year, month, day, h, mi, Math.min(s, 59)));
  // Date.UTC rolls 31 February into March and treats years below 100 as 19xx: neither is the date written.
  date.setUTCFullYear(year);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return null;
  return new Date(date.getTime() - zone * 60_000);
}

const RFC5322_RE =
  /^(?:[a-z]+,? ?)?(\d{1,2}) ?[ -]([a-z]{3})[a-z]*\.?[ -]?(\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?([+-]\d{2}:?\d{2}|[a-z]{1,5}))?(?: .*)?$/i;
const ASCTIME_RE =
  /^[a-z]{3},? ([a-z]{3})[a-z]* +(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ([+-]\d{4}|[a-z]{1,5}))? (\d{4})$/i;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)? ?(Z|[+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;

/** The instant a `Date:` (or `Received: …; date`) value names, or null when it names none (`31 Feb 3609 25:99`). */
export function parseMailDate(value: string): Date | null {
  const text = withoutComments(value);
  let m = RFC5322_RE.exec(text);
  if (m) {
    const zone = zoneMinutes(m[7]);
    const month = MONTHS.indexOf((m[2] as string).toLowerCase());
    if (zone === null) return null;
    return utc(fullYear(m[3] as string), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zone);
  }
  m = ASCTIME_RE.exec(text);
  if (m) {
    const zone = zoneMinutes(m[6]);
    const month = MONTHS.indexOf((m[1] as string).toLowerCase());
    if (zone === null) return null;
    return utc(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), zone);
  }
  m = ISO_RE.exec(text);
  if (m) {
    const zone = zoneMinutes(m[7]);
    if (zone === null) return null;
    return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zone);
  }
  return null;
}

/** The date of a `Received:` header: what follows its last semicolon (RFC 5321 §4.4). */
export function receivedDate(value: string): Date | null {
  const at = value.lastIndexOf(";");
  return at < 0 ? null : parseMailDate(value.slice(at + 1));
}

/** Email did not exist for customers before 1990, and no clock is more than a day ahead: such a date is a mistake. */
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

export function implausibility(date: Date, now: Date): string | null {
  if (date.getTime() < EARLIEST_PLAUSIBLE) return "before 1990";
  if (date.getTime() > now.getTime() + DAY_MS) return "more than a day in the future";
  return null;
}

export interface SentTime {
  /** The time the message is placed at, or null when its headers name none. */
  date: Date | null;
  /** What a person should know about how the time was found; empty when the `Date:` header was fine. */
  warnings: string[];
}

/**
 * The time of a message: its `Date:` header; when that is missing, unreadable or implausible, the newest
 * `Received:` time (the last relay's, closest to delivery); when there is neither, unknown. Never the time of the
 * run, which is what `new Date()` fallbacks put in.
 */
export function sentTime(dateHeader: string | undefined, received: string[], now: Date): SentTime {
  const date = dateHeader === undefined ? null : parseMailDate(dateHeader);
  const relayed = received
    .map(receivedDate)
    .filter((d): d is Date => d !== null && implausibility(d, now) === null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  // Stryker disable next-line StringLiteral: `shown` is read only when there is a Date: header
  const shown = dateHeader === undefined ? "" : JSON.stringify(dateHeader.trim());
  const used = (at: Date): string => `; used the time it was received, ${at.toISOString().replace(".000Z", "Z")}`;
  if (date) {
    const wrong = implausibility(date, now);
    if (!wrong) return { date, warnings: [] };
    if (relayed) return { date: relayed, warnings: [`Date: ${shown} is ${wrong}${used(relayed)}`] };
    return { date, warnings: [`Date: ${shown} is ${wrong}; kept as written, no Received: header says otherwise`] };
  }
  const what = dateHeader === undefined ? "there is no Date: header" : `Date: ${shown} is not a date`;
  if (relayed) return { date: relayed, warnings: [`${what}${used(relayed)}`] };
  return {
    date: null,
    warnings: [`${what} and no Received: header has one: the time is unknown, the message keeps its place in the file`],
  };
}
