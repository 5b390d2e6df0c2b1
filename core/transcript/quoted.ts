/**
 * Quoted text and signatures in a message body (PRODUCT.md §4 rule 5). Nothing is removed: the reader marks character
 * ranges so the control can fold them.
 *
 * - Lines starting with `>` (after indentation) are quoted. A quote ends where its `>` block ends when unmarked text
 *   follows: text after a quote is the customer's.
 * - An attribution ("On … wrote:" and its translations, wrapped over up to 6 lines, or at the end of a reply line), an
 *   Outlook header block (From:/Sent:/To:/Subject: in each language) or an "-----Original Message-----" line starts
 *   a quote. When `>` lines follow it, the quote ends with them; otherwise the quoted mail is unmarked and the quote
 *   runs to the end of the body.
 * - A forwarded message is content: nothing from its separator on is folded.
 * - When the customer answers between quoted passages (an inline reply), those passages stay visible: only a quote
 *   with no reply text after it is folded.
 * - A trailing signature ("-- ", a mailing-list footer, "Sent from my iPhone", a "-Name" sign-off) is its own range,
 *   never called quoted.
 */
import {
  DASH_NAME_RE,
  DATE_RE,
  DEVICE_FOOTER_RE,
  EMBEDDED_LEAD_RE,
  FORWARD_RE,
  headerKeyOf,
  isForwardSubject,
  KEY_COLON_WITHIN,
  ORIGINAL_MESSAGE_RE,
  RULE_LINE_RE,
  SIGNATURE_DELIMITER_RE,
  STRONG_START_RE,
  TIME_RE,
  VERB_LAST_RE,
  VERB_RE,
  WEAK_START_RE,
  type HeaderKey,
} from "./reply-patterns";
import type { QuotedRange } from "./types";

export interface ReplyParts {
  quoted: readonly QuotedRange[];
  signature: QuotedRange | null;
}

/**
 * What most bodies have: no quote and no signature. One shared, frozen answer, so a long transcript does not allocate
 * an object and an array per message (garbage collection was a third of parse time, PRODUCT.md §9).
 */
export const NO_QUOTES: readonly QuotedRange[] = Object.freeze([]);
export const NO_PARTS: ReplyParts = Object.freeze({ quoted: NO_QUOTES, signature: null });

function replyParts(quoted: readonly QuotedRange[], signature: QuotedRange | null): ReplyParts {
  return quoted.length === 0 && signature === null ? NO_PARTS : { quoted, signature };
}

const GT = 62;
/** An attribution may be wrapped over this many lines (Gmail and Outlook wrap long names and addresses). */
const ATTRIBUTION_LINES = 6;
const ATTRIBUTION_CHARS = 500;
/** An Outlook header block is short: From, Sent, To, Cc, Subject and a few wrapped lines. */
const HEADER_LINES = 12;
/** A signature is short: at most this many lines after its delimiter. */
const SIGNATURE_LINES = 10;

const BLANK = 0;
const TEXT = 1;
const QUOTE = 2;

/** Bidirectional marks Gmail puts around Hebrew and Arabic attributions. */
const BIDI_RE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function isBidiMark(code: number): boolean {
  return code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Spaces a mail client leaves at a line's ends: Japanese and Chinese input methods type U+3000, the ideographic space. */
function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x3000 || (code >= 0x200e && code <= 0x200f)
  );
}

/** A quote: lines `from`…`to` (inclusive), starting at `start` (mid-line when it ends a reply line). */
interface Block {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** What one body's lines are, kept between calls so reading thousands of messages does not allocate per line. */
class Lines {
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** First and one-past-last non-space character, or -1 for a blank line. */
  first = new Int32Array(64);
  last = new Int32Array(64);
  kind = new Uint8Array(64);
  /** Part of a quote (bit 1) or of the signature (bit 2): not reply text. */
  taken = new Uint8Array(64);
  /** The line's Outlook header key, once looked up: 0 not yet, else 1 + its bit (1 for none). */
  key = new Uint8Array(64);
  count = 0;

  read(body: string): void {
    let n = 0;
    for (let at = 0; at <= body.length;) {
      let end = body.indexOf("\n", at);
      if (end < 0) end = body.length;
      if (n === this.start.length) this.grow();
      let first = at;
      while (first < end && isSpace(body.charCodeAt(first))) first++;
      let last = end;
      while (last > first && isSpace(body.charCodeAt(last - 1))) last--;
      this.start[n] = at;
      this.end[n] = end;
      this.taken[n] = 0;
      this.key[n] = 0;
      if (first === end) {
        // Stryker disable next-line UnaryOperator: a blank line's edges are never read (every reader skips blank lines)
        this.first[n] = -1;
        // Stryker disable next-line UnaryOperator: a blank line's edges are never read (every reader skips blank lines)
        this.last[n] = -1;
        this.kind[n] = BLANK;
      } else {
        this.first[n] = first;
        this.last[n] = last;
        this.kind[n] = body.charCodeAt(first) === GT ? QUOTE : TEXT;
      }
      n++;
      at = end + 1;
    }
    this.count = n;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.first = copy(this.first, new Int32Array(size));
    this.last = copy(this.last, new Int32Array(size));
    this.kind = copy(this.kind, new Uint8Array(size));
    this.taken = copy(this.taken, new Uint8Array(size));
    this.key = copy(this.key, new Uint8Array(size));
  }
}

const lines = new Lines();

/** Each header key as one bit: a header block's keys are one number, and its checks are bit tests. */
const FROM = 1;
const SENT = 2;
const DATE = 4;
const SUBJECT = 16;
const KEY_BIT = new Map<HeaderKey, number>([
  ["from", FROM],
  ["sent", SENT],
  ["date", DATE],
  ["to", 8],
  ["subject", SUBJECT],
]);

function bitCount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

/** The quoted ranges and the signature of one message body. */
export function readReplyParts(body: string): ReplyParts {
  readReplyPartsInto(body, scratch);
  return replyParts(scratch.quoted, scratch.signature);
}

const scratch: ReplyParts = { quoted: NO_QUOTES, signature: null };

/**
 * The same reading, left in `parts` instead of a new object: the parser reads every body of a transcript and keeps
 * the two fields on its message, so a result object per body would only be garbage (PRODUCT.md §9).
 */
export function readReplyPartsInto(body: string, parts: ReplyParts): void {
  // Most messages have nothing that could start a quote or a signature, and no device footer at the end.
  if (body.length === 0 || (!bodyReader.mayHoldQuote(body) && !endsWithDeviceFooter(body))) {
    parts.quoted = NO_QUOTES;
    parts.signature = null;
  } else {
    bodyReader.read(body, parts);
  }
}

/** Whether the last line is a device footer ("Sent from my iPhone"), looked at without reading the other lines. */
function endsWithDeviceFooter(body: string): boolean {
  let end = body.length;
  while (end > 0 && (isSpace(body.charCodeAt(end - 1)) || body.charCodeAt(end - 1) === 10)) end--;
  // Stryker disable next-line BooleanLiteral: a true here only sends the body to the full reading, which gives the same answer (the shortcut never changes one)
  if (end === 0) return false;
  const start = body.lastIndexOf("\n", end - 1) + 1;
  // Stryker disable next-line BooleanLiteral: a true here only sends the body to the full reading, which gives the same answer (the shortcut never changes one)
  if (end - start > 60) return false;
  let first = start;
  while (first < end && isSpace(body.charCodeAt(first))) first++;
  return DEVICE_FOOTER_RE.test(body.slice(first, end));
}

/**
 * What `readReplyParts` gives when it reads every line, without the shortcut for bodies that cannot hold a quote. For
 * tests: the shortcut must never change an answer.
 */
export function readReplyPartsLineByLine(body: string): ReplyParts {
  if (body.length === 0) return NO_PARTS;
  bodyReader.read(body, scratch);
  return replyParts(scratch.quoted, scratch.signature);
}

/** The quoted ranges of a body given as lines (kept for callers that split the body themselves). */
export function findQuotedRanges(bodyLines: readonly string[]): readonly QuotedRange[] {
  return readReplyParts(bodyLines.join("\n")).quoted;
}

/** Reads one body at a time; one instance serves every message, so a long transcript does not allocate per body. */
class BodyReader {
  private body = "";
  /** The quotes found in this body: the first `blockCount` of a pool reused for every body. */
  private readonly blocks: Block[] = [];
  private blockCount = 0;

  private addBlock(from: number, to: number, start: number, end: number): void {
    if (this.blockCount === this.blocks.length) this.blocks.push({ from, to, start, end });
    else {
      const block = this.blocks[this.blockCount] as Block;
      block.from = from;
      block.to = to;
      block.start = start;
      block.end = end;
    }
    this.blockCount++;
  }
  /** Lines from here on are a forwarded message or the end of the body: no quote starts there. */
  private stop = 0;

  /** The next colon (ASCII or full-width) at or after `at`, remembered: lines are asked for in order. */
  private nextColon = -2;
  private nextWideColon = -2;

  private colonFrom(at: number): number {
    // Stryker disable next-line UnaryOperator: a colon remembered at 1 is never looked for again; it only ever lets a pre-filter say maybe, and headerKeyOf decides
    if (this.nextColon !== -1 && this.nextColon < at) this.nextColon = this.body.indexOf(":", at);
    // Stryker disable next-line UnaryOperator: a colon remembered at 1 is never looked for again; it only ever lets a pre-filter say maybe, and headerKeyOf decides
    if (this.nextWideColon !== -1 && this.nextWideColon < at) this.nextWideColon = this.body.indexOf("：", at);
    if (this.nextColon < 0) return this.nextWideColon;
    return this.nextWideColon < 0 ? this.nextColon : Math.min(this.nextColon, this.nextWideColon);
  }

  /** The first "@" at or after `atFrom`, remembered: a header block asks line after line. */
  private nextAt = -1;
  private atFrom = Infinity;

  /** Whether line `i` holds an "@" (an address), found without cutting the line out. */
  private holdsAt(i: number): boolean {
    const first = lines.first[i] as number;
    if (first < this.atFrom || (this.nextAt !== -1 && this.nextAt < first)) {
      this.nextAt = this.body.indexOf("@", first);
      this.atFrom = first;
    }
    return this.nextAt >= 0 && this.nextAt < (lines.last[i] as number);
  }

  private text(i: number): string {
    return this.body.slice(lines.first[i], lines.last[i]);
  }

  private lastChar(i: number): number {
    let at = (lines.last[i] as number) - 1;
    let code = this.body.charCodeAt(at);
    while (isBidiMark(code) && at > (lines.first[i] as number)) code = this.body.charCodeAt(--at);
    return code;
  }

  /** Starts on a new body: nothing found in it yet. */
  private begin(body: string): void {
    this.body = body;
    this.blockCount = 0;
    // Stryker disable next-line UnaryOperator: a start of 2 reads a colon at 2 for lines 0 to 2; it only lets a pre-filter say maybe (a key line of two characters is none), and headerKeyOf decides
    this.nextColon = -2;
    // Stryker disable next-line UnaryOperator: a start of 2 reads a colon at 2 for lines 0 to 2; it only lets a pre-filter say maybe (a key line of two characters is none), and headerKeyOf decides
    this.nextWideColon = -2;
    this.atFrom = Infinity;
  }

  /**
   * Whether the body has something that could start a quote or a signature: a `>`; a line starting with -, _ or
   * white space; a line ending with a colon or a dash (an attribution, "Begin forwarded message:"); or a colon near a
   * line's start (a header key). A colon inside a sentence ("at 18:02", "Note: …") is none of these.
   */
  mayHoldQuote(body: string): boolean {
    if (body.indexOf(">") >= 0) return true;
    this.begin(body);
    for (let at = 0; at < body.length;) {
      let end = body.indexOf("\n", at);
      if (end < 0) end = body.length;
      const code = body.charCodeAt(at);
      if (code === 45 || code === 95 || isSpace(code)) return true;
      const colon = this.colonFrom(at);
      if (colon >= 0 && colon < end && colon < at + KEY_COLON_WITHIN) return true;
      let last = end;
      while (last > at && isSpace(body.charCodeAt(last - 1))) last--;
      const lastCode = body.charCodeAt(last - 1);
      if (last > at && (lastCode === 58 || lastCode === 0xff1a || lastCode === 45 || isBidiMark(lastCode))) return true;
      at = end + 1;
    }
    // Stryker disable next-line BooleanLiteral: a true here only sends the body to the full reading, which gives the same answer (the shortcut never changes one)
    return false;
  }

  read(body: string, parts: ReplyParts): void {
    this.begin(body);
    lines.read(body);
    this.stop = lines.count;
    this.findQuotes();
    parts.signature = this.findSignature();
    parts.quoted = this.fold();
  }

  private findQuotes(): void {
    const n = lines.count;
    let floor = -1; // the last line of the previous quote: no quote reaches above it
    // this.stop changes only right before a break: inside the loop it is still n.
    for (let i = 0; i < n; i++) {
      const kind = lines.kind[i];
      if (kind === BLANK) continue;
      const code = this.body.charCodeAt(lines.first[i] as number);
      let start = -1;
      let from = i;
      let to = i;
      if (code === 45) {
        // -: an Original Message line, a forwarded-message separator (both patterns start with dashes).
        const line = this.text(i);
        if (ORIGINAL_MESSAGE_RE.test(line)) start = lines.start[i] as number;
        else if (FORWARD_RE.test(line)) {
          this.stop = i;
          break;
        }
      }
      // Stryker disable next-line LogicalOperator: a separator line holds no header key and a > line never starts with one, so reading either as a header block finds none
      if (start < 0 && kind === TEXT) {
        const header = this.headerBlockAt(i);
        if (header === "forward") {
          this.stop = i;
          break;
        }
        if (header >= 0) {
          to = header;
          from = this.ruleAbove(i, floor);
          start = lines.start[from] as number;
        }
      }
      if (start < 0) {
        const last = this.lastChar(i);
        const colon = last === 58 || last === 0xff1a;
        // "Begin forwarded message:" ends in a colon, as a wrapped attribution's last line does: it is content,
        // whatever the line above it holds (a date and an address read as the attribution's first line). A `>` line
        // never matches FORWARD_RE, so a quoted one stays in its quote.
        if (colon && FORWARD_RE.test(this.text(i))) {
          this.stop = i;
          break;
        }
        if (colon || last === 45 || last === GT) {
          const found = this.attributionEndingAt(i, floor);
          if (found) {
            from = found.line;
            start = found.offset;
          }
        }
      }
      if (start < 0) {
        if (kind !== QUOTE || this.isLoneMarkerLine(i)) continue;
        // A `>` block of its own.
        const end = this.quoteBlockEnd(i);
        this.addBlock(i, end, lines.start[i] as number, lines.end[end] as number);
        i = floor = end;
        continue;
      }
      // An attribution, header block or separator: its quote is the `>` block under it, else the rest of the body.
      let next = to + 1;
      while (next < n && lines.kind[next] === BLANK) next++;
      if (next < n && lines.kind[next] === QUOTE) {
        const end = this.quoteBlockEnd(next);
        this.addBlock(from, end, start, lines.end[end] as number);
        i = floor = end;
        continue;
      }
      // Stryker disable next-line ArithmeticOperator: this quote runs to the end of the body and is the last; no reading looks at a line past the body's last
      this.addBlock(from, n - 1, start, this.body.length);
      this.stop = n;
      break;
    }
    for (let b = 0; b < this.blockCount; b++) {
      const block = this.blocks[b] as Block;
      for (let k = block.from; k <= block.to; k++) lines.taken[k] = 1;
      // A quote that starts at the end of a reply line leaves that line's start to the reply.
      if (block.start > (lines.first[block.from] as number)) lines.taken[block.from] = 0;
    }
  }

  /** A line of only `>` marks standing alone, or a `>>> link <<<` banner: not a quote. */
  private isLoneMarkerLine(i: number): boolean {
    const body = this.body;
    const first = lines.first[i] as number;
    const last = lines.last[i] as number;
    if (body.charCodeAt(last - 1) === 60) return true; // ends with <
    for (let at = first; at < last; at++) {
      const code = body.charCodeAt(at);
      if (code !== GT && !isSpace(code)) return false;
    }
    const before = i > 0 ? lines.kind[i - 1] : BLANK;
    const after = i + 1 < lines.count ? lines.kind[i + 1] : BLANK;
    return last - first > 3 && before !== QUOTE && after !== QUOTE;
  }

  /**
   * The last line of the `>` block starting at `i`: `>` lines, blank lines between them, and a wrapped link between
   * two `>` lines ("… (http://example.com/c/x) >", "_nonce=3dd518)").
   */
  private quoteBlockEnd(i: number): number {
    const n = lines.count;
    let end = i;
    for (let k = i + 1; k < n; k++) {
      const kind = lines.kind[k];
      if (kind === QUOTE) {
        if (this.isLoneMarkerLine(k)) break;
        end = k;
      } else if (kind === TEXT) {
        if (k === end + 1 && k + 1 < n && lines.kind[k + 1] === QUOTE && this.isWrappedLink(k)) end = k;
        else break;
      }
    }
    return end;
  }

  private isWrappedLink(i: number): boolean {
    const line = this.text(i);
    if (line.endsWith(">")) return true;
    return !/\s/.test(line) && /[=/_%&?]/.test(line) && !/[.!?]$/.test(line);
  }

  /** Line `k`'s Outlook header key as its bit (0 for none), looked up once per line. */
  private keyAt(k: number): number {
    let code = lines.key[k] as number;
    if (code === 0) {
      const key = lines.kind[k] === TEXT ? headerKeyOf(this.body, lines.first[k], lines.last[k]) : null;
      code = key === null ? 1 : 1 + (KEY_BIT.get(key) as number);
      lines.key[k] = code;
    }
    return code - 1;
  }

  /**
   * An Outlook header block starting at line `i`: a From: (or Date:) line and more header lines under it, some
   * wrapped. Returns its last line, "forward" when its Subject: says the mail was forwarded, or -1.
   */
  private headerBlockAt(i: number): number | "forward" {
    // Cheap first look: a header key ends with a colon near the line's start.
    const first = lines.first[i] as number;
    const colon = this.colonFrom(first);
    // Stryker disable next-line LogicalOperator: the first look only spares the key lookup, which finds no key without a colon near the line's start either
    if (colon < 0 || colon >= first + KEY_COLON_WITHIN || colon >= (lines.last[i] as number)) return -1;
    const key = this.keyAt(i);
    if (key !== FROM && key !== DATE) return -1;
    let seen = key;
    let last = i;
    let at = false;
    let forward = false;
    let wrapped = 0;
    if (this.holdsAt(i)) at = true;
    // The third line in a row without a key ends the block (below).
    for (let k = i + 1; k < lines.count && k <= i + HEADER_LINES; k++) {
      if (lines.kind[k] === BLANK) break;
      const next = this.keyAt(k);
      if (next === 0) {
        if (++wrapped > 2) break;
        continue;
      }
      wrapped = 0;
      seen |= next;
      last = k;
      if (this.holdsAt(k)) at = true;
      if (next === SUBJECT && isForwardSubject(this.body, lines.first[k] as number, lines.last[k] as number)) {
        forward = true;
      }
    }
    // Two keys with an address, From: with Sent: (Outlook's own pair), or three keys with a subject.
    const keys = bitCount(seen);
    const outlook = (seen & (FROM | SENT)) === (FROM | SENT);
    const ok = keys >= 2 && (at || outlook || (keys >= 3 && (seen & SUBJECT) !== 0));
    if (!ok) return -1;
    return forward ? "forward" : last;
  }

  /** The Outlook rule line right above a header block (blank lines between allowed), else the block's own line. */
  private ruleAbove(i: number, floor: number): number {
    for (let k = i - 1; k > floor && k >= i - 3; k--) {
      if (lines.kind[k] === BLANK) continue;
      return RULE_LINE_RE.test(this.text(k)) ? k : i;
    }
    return i;
  }

  /**
   * An attribution whose last line is `e`: where it starts (line and character offset), or null. It may start up to
   * 5 lines above, at a line's start or after reply text on that line.
   */
  private attributionEndingAt(e: number, floor: number): { line: number; offset: number } | null {
    if ((lines.last[e] as number) - (lines.first[e] as number) > ATTRIBUTION_CHARS) return null;
    // Stryker disable next-line UnaryOperator: with no strong start, isAttribution reads from offset -1 (the body's last character): at most one character, never an attribution
    let strong = -1;
    // Stryker disable next-line UnaryOperator: read only once a strong start has set it
    let strongOffset = -1;
    let weak = -1;
    let length = 0;
    for (let s = e; s > floor && s > e - ATTRIBUTION_LINES; s--) {
      const kind = lines.kind[s];
      if (kind === BLANK) continue;
      if (kind === QUOTE && s !== e) break;
      length += (lines.last[s] as number) - (lines.first[s] as number);
      if (length > ATTRIBUTION_CHARS) break;
      const line = this.text(s);
      if (s !== e && /[.!?]$/.test(line)) break; // a sentence: reply text, not a wrapped attribution
      if (STRONG_START_RE.test(line)) {
        strong = s;
        strongOffset = lines.start[s] as number;
        break;
      }
      const embedded = this.embeddedLead(s);
      if (embedded >= 0) {
        strong = s;
        strongOffset = embedded;
        break;
      }
      if (weak < 0 && WEAK_START_RE.test(line)) weak = s;
    }
    if (strong >= 0 && this.isAttribution(strongOffset, e, true)) return { line: strong, offset: strongOffset };
    if (weak >= 0 && this.isAttribution(lines.start[weak] as number, e, true)) {
      return { line: weak, offset: lines.start[weak] as number };
    }
    if (this.isAttribution(lines.start[e] as number, e, false)) return { line: e, offset: lines.start[e] as number };
    return null;
  }

  /** Where an attribution's lead word starts inside line `s` after reply text ("reply--- On …"), or -1. */
  private embeddedLead(s: number): number {
    const line = this.text(s);
    EMBEDDED_LEAD_RE.lastIndex = 1;
    const m = EMBEDDED_LEAD_RE.exec(line);
    return m ? (lines.first[s] as number) + m.index : -1;
  }

  /** Whether the text from `offset` to the end of line `e` reads as an attribution. */
  private isAttribution(offset: number, e: number, started: boolean): boolean {
    let text = this.body.slice(offset, lines.last[e]);
    if (offset < (lines.start[e] as number)) text = text.replace(/\s*\n[\s>]*/g, " "); // wrapped over lines
    text = text.replace(BIDI_RE, "").trim();
    // Before the first character charCodeAt gives NaN, neither a dash nor a space: the loop stops there.
    let coreEnd = text.length;
    while (text.charCodeAt(coreEnd - 1) === 45 || isSpace(text.charCodeAt(coreEnd - 1))) coreEnd--;
    const dashTail = text.endsWith("--");
    const core = text.slice(0, coreEnd);
    const lastCode = core.charCodeAt(core.length - 1);
    const colon = lastCode === 58 || lastCode === 0xff1a;
    const address = text.includes("@");
    // The verb sits at the end: test only the tail, so a long line is not searched from every position.
    const verbLast = VERB_LAST_RE.test(core.length > 40 ? core.slice(-40) : core);
    if (dashTail && verbLast && text.charCodeAt(0) === 45 && text.charCodeAt(1) === 45) return true; // "-- X wrote --"
    if (!started) return colon && verbLast && address; // "Sent from Samsung Mobile Name <a@b.c> wrote:"
    const timed = TIME_RE.test(text);
    if ((colon || (verbLast && dashTail)) && (timed || address) && (verbLast || VERB_RE.test(core))) return true;
    if (!address || !(timed || DATE_RE.test(text))) return false;
    if (colon) return true; // Gmail's "<date> Name <address>:" (Japanese, Russian, Korean…)
    // A date and address directly above a `>` block ("2011/4/7 Name <name@example.com>").
    if (lastCode !== GT) return false;
    let next = e + 1;
    while (next < lines.count && lines.kind[next] === BLANK) next++;
    if (next >= lines.count || lines.kind[next] !== QUOTE) return false;
    // …unless that `>` line ends the attribution itself ("> wrote:").
    // VERB_LAST_RE reads the end of the line only, and its look-behind refuses letters, not the leading `>`.
    return !VERB_LAST_RE.test(this.text(next).replace(/[\s-]+$/, ""));
  }

  /**
   * The trailing signature: a delimiter, a device footer or a "-Name" sign-off with only signature lines, quotes and
   * blank lines after it.
   */
  private findSignature(): QuotedRange | null {
    const n = Math.min(lines.count, this.stop);
    let sig = -1;
    let lastLine = -1;
    let below = -1; // the reply line under this one
    let after = 0; // reply lines under this one
    for (let i = n - 1; i >= 0; i--) {
      if (lines.kind[i] === BLANK || lines.taken[i] === 1) continue;
      if (lines.kind[i] === QUOTE) break; // an inline quote above the last reply text
      if (lastLine === -1) lastLine = i;
      const first = lines.first[i] as number;
      const short = (lines.last[i] as number) - first <= 60;
      const code = this.body.charCodeAt(first);
      if (short && (code === 45 || code === 95) && SIGNATURE_DELIMITER_RE.test(this.text(i))) {
        if (after <= SIGNATURE_LINES) sig = i;
      } else if (short && sig === below && this.isFooter(i, code)) {
        // A footer or sign-off extends the signature only when every reply line under it is in the signature.
        sig = i;
      }
      below = i;
      if (++after > SIGNATURE_LINES + 1) break;
    }
    if (sig < 0) return null;
    // Blank and quote lines in between get the bit too: every later look asks only whether a line is reply text (0).
    for (let k = sig; k <= lastLine; k++) lines.taken[k] = (lines.taken[k] as number) | 2;
    return { start: lines.start[sig] as number, end: lines.last[lastLine] as number };
  }

  /** A device footer ("Sent from my iPhone") or a "-Name" sign-off. */
  private isFooter(i: number, code: number): boolean {
    const line = this.text(i);
    return code === 45 ? DASH_NAME_RE.test(line) : DEVICE_FOOTER_RE.test(line);
  }

  /** The quotes to fold: all of them, or in an inline reply only those with no reply text after them. */
  private fold(): readonly QuotedRange[] {
    const { blocks, blockCount } = this;
    if (blockCount === 0) return NO_QUOTES;
    let inline = false;
    for (let k = 0; k + 1 < blockCount && !inline; k++) {
      const next = blocks[k + 1] as Block;
      const midLine = next.start > (lines.first[next.from] as number);
      inline = this.hasReplyBetween((blocks[k] as Block).to + 1, next.from + (midLine ? 1 : 0));
    }
    let lastReply = -1;
    for (let k = lines.count - 1; k >= 0 && lastReply < 0; k--) {
      if (lines.kind[k] !== BLANK && lines.taken[k] === 0) lastReply = k;
    }
    // Started as a one-element literal, sized for the usual single quote: an empty array's first push reserves room
    // for many (PRODUCT.md §9: allocation per parse).
    let quoted: QuotedRange[] | null = null;
    for (let k = 0; k < blockCount; k++) {
      const b = blocks[k] as Block;
      if (inline && lastReply > b.to) continue;
      const range = { start: b.start, end: b.end };
      if (quoted === null) quoted = [range];
      else quoted.push(range);
    }
    return quoted ?? NO_QUOTES;
  }

  /** Whether lines `from`…`to` (exclusive) hold reply text: not blank, not quoted, not the signature. */
  private hasReplyBetween(from: number, to: number): boolean {
    // `to` is at most the next quote's first line + 1, so never past the last line.
    for (let k = from; k < to; k++) if (lines.kind[k] !== BLANK && lines.taken[k] === 0) return true;
    return false;
  }
}

const bodyReader = new BodyReader();
