/**
 * Quoted text in a message body (PRODUCT.md §4 rule 5): lines starting with `>`, and everything from an
 * "On … wrote:" line, an Outlook `-----Original Message-----` line or an Outlook `From:`/`Sent:` header block to
 * the end of the body. Quoted text is only marked, never removed, so the control can fold it.
 */
import type { QuotedRange } from "./types";

const GT = 62;
// "On Tue, 19 Nov 2026 at 18:02, Contoso Billing <billing@contoso.com> wrote:" and the common translations.
const WROTE_RE = /^(On|Am|Le|El|Il|Op|Em)\s.*\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/i;
const WROTE_START_RE = /^(On|Am|Le|El|Il|Op|Em)\s/;
const WROTE_END_RE = /\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/i;
const ORIGINAL_MESSAGE_RE = /^\s*-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i;
const OUTLOOK_FROM_RE = /^\s*\*?(From|Von|De)\s*:\*?\s*\S/i;
const OUTLOOK_SENT_RE = /^\s*\*?(Sent|Date|Gesendet|Envoyé)\s*:\*?\s*\S/i;

/** Whether the reply quote that runs to the end of the body starts at line `i`. */
function startsQuotedTail(lines: readonly string[], i: number): boolean {
  const line = lines[i] as string;
  if (line.length === 0) return false;
  const next = lines[i + 1];
  if (WROTE_START_RE.test(line)) {
    // Mail clients wrap a long attribution line: "On …, Name <" / "name@example.com> wrote:".
    return WROTE_RE.test(line) || (next !== undefined && !WROTE_START_RE.test(next) && WROTE_END_RE.test(next));
  }
  if (ORIGINAL_MESSAGE_RE.test(line)) return true;
  return OUTLOOK_FROM_RE.test(line) && next !== undefined && OUTLOOK_SENT_RE.test(next);
}

export function findQuotedRanges(lines: readonly string[]): QuotedRange[] {
  const ranges: QuotedRange[] = [];
  let offset = 0;
  let total = -1;
  for (const line of lines) total += line.length + 1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    if (startsQuotedTail(lines, i)) {
      ranges.push({ start, end: total });
      break;
    }
    if (line.charCodeAt(0) === GT || (line.charCodeAt(0) <= 32 && line.trimStart().charCodeAt(0) === GT)) {
      const last = ranges[ranges.length - 1];
      if (last && last.end + 1 === start) last.end = end;
      else ranges.push({ start, end });
    }
  }
  return ranges;
}
