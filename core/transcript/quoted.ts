/**
 * Quoted text in a message body (PRODUCT.md §4 rule 5): lines starting with `>`, and everything from an
 * "On … wrote:" line, an Outlook `-----Original Message-----` line or an Outlook `From:`/`Sent:` header block to
 * the end of the body. Quoted text is only marked, never removed, so the control can fold it.
 */
import type { QuotedRange } from "./types";

const GT = 62;
// "On Tue, 19 Nov 2026 at 18:02, Contoso Billing <billing@contoso.com> wrote:" and the common translations.
const WROTE_RE = /^(On|Am|Le|El|Il|Op|Em)\s.*\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/is;
const WROTE_START_RE = /^(On|Am|Le|El|Il|Op|Em)\s/;
const WROTE_END_RE = /\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/i;
const ORIGINAL_MESSAGE_RE = /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i;
const OUTLOOK_FROM_RE = /^\s*\*?(From|Von|De)\s*:\*?\s*\S/i;
const OUTLOOK_SENT_RE = /^\s*\*?(Sent|Date|Gesendet|Envoyé)\s*:\*?\s*\S/i;

/**
 * Whether the line at `at` could be quoted text or start a reply quote, from its first two characters: `>`, white
 * space, `-`, `*`, a two-letter word and a space ("On ", "Am ", "Le "…), or "Fr"/"Vo"/"De" (From:/Von:/De:).
 * Lets the reader skip every other line without slicing it.
 */
export function mayBeQuoteLine(text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  switch (first) {
    case 62: // >
    case 32: // space
    case 9: // tab
    case 45: // -
    case 42: // *
      return true;
    case 79: // O(n)
    case 65: // A(m)
    case 76: // L(e)
    case 69: // E(l, m)
    case 73: // I(l)
    case 68: // D(e)
    case 100: {
      const third = text.charCodeAt(at + 2);
      if (third === 32 || third === 9) return true;
      return (first === 68 || first === 100) && (text.charCodeAt(at + 1) | 32) === 101;
    }
    case 70: // F(r)
    case 102:
      return (text.charCodeAt(at + 1) | 32) === 114;
    case 86: // V(o)
    case 118:
      return (text.charCodeAt(at + 1) | 32) === 111;
    default:
      return false;
  }
}

export function isQuoteLine(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === GT || (first <= 32 && line.trimStart().charCodeAt(0) === GT);
}

/**
 * Whether the reply quote that runs to the end of the body starts at `line`; `peek(nextAt)` gives the line after
 * it, for the patterns that span two lines.
 */
export function startsQuotedTail(line: string, peek: (at: number) => string | undefined, nextAt: number): boolean {
  if (line.length === 0) return false;
  if (WROTE_START_RE.test(line)) {
    if (WROTE_RE.test(line)) return true;
    // Mail clients wrap a long attribution line: "On …, Name <" / "name@example.com> wrote:".
    const next = peek(nextAt);
    return next !== undefined && !WROTE_START_RE.test(next) && WROTE_END_RE.test(next);
  }
  if (ORIGINAL_MESSAGE_RE.test(line)) return true;
  if (!OUTLOOK_FROM_RE.test(line)) return false;
  const next = peek(nextAt);
  return next !== undefined && OUTLOOK_SENT_RE.test(next);
}

const NO_QUOTES: QuotedRange[] = [];

/**
 * Collects quoted ranges line by line; offsets are into the body as the reader gives it back. One builder serves
 * message after message (`reset`), so a long transcript does not allocate one per message.
 */
export class QuotedRangeBuilder {
  private ranges: QuotedRange[] = NO_QUOTES;
  /** The quote that runs to the end of the body has started: every later line is in it. */
  inTail = false;

  reset(): void {
    this.ranges = NO_QUOTES;
    this.inTail = false;
  }

  private push(range: QuotedRange): void {
    if (this.ranges === NO_QUOTES) this.ranges = [range];
    else this.ranges.push(range);
  }

  /** A line known to start with `>`, at `start`…`end` of the body. */
  addQuoteLine(start: number, end: number): void {
    if (this.inTail) return;
    const last = this.ranges[this.ranges.length - 1];
    if (last && last.end + 1 === start) last.end = end;
    else this.push({ start, end });
  }

  /** Considers one line at `start`…`end` of the body; `peek(at)` gives the next line, asked for only when needed. */
  add(line: string, start: number, end: number, peek: (at: number) => string | undefined, nextAt: number): void {
    if (this.inTail) return;
    if (isQuoteLine(line)) this.addQuoteLine(start, end);
    else if (startsQuotedTail(line, peek, nextAt)) {
      this.push({ start, end: -1 });
      this.inTail = true;
    }
  }

  /** The ranges of the message just read; a message without quotes gets its own empty array. */
  finish(bodyLength: number): QuotedRange[] {
    if (this.inTail) (this.ranges[this.ranges.length - 1] as QuotedRange).end = bodyLength;
    return this.ranges === NO_QUOTES ? [] : this.ranges;
  }
}

export function findQuotedRanges(lines: readonly string[]): QuotedRange[] {
  const builder = new QuotedRangeBuilder();
  let offset = 0;
  const peek = (at: number): string | undefined => lines[at];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (mayBeQuoteLine(line, 0)) builder.add(line, offset, offset + line.length, peek, i + 1);
    offset += line.length + 1;
  }
  return builder.finish(offset - 1);
}
