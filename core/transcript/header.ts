/** Header lines of the transcript (PRODUCT.md §4 rule 1): `Key: value`, keys case-insensitive. */
import type { Party, TranscriptHeader } from "./types";
import { normalizeSentiment } from "./sentiment";

type KnownKey = "channel" | "classification" | "sentiment" | "customer" | "session" | "handoffId" | "summary";

const KNOWN_KEYS: Record<string, KnownKey> = {
  channel: "channel",
  classification: "classification",
  sentiment: "sentiment",
  customer: "customer",
  session: "session",
  "handoff-id": "handoffId",
  "handoff id": "handoffId",
  handoffid: "handoffId",
  summary: "summary",
};

/** Header keys in the order the writer puts them. */
export const HEADER_KEYS: readonly [KnownKey, string][] = [
  ["channel", "Channel"],
  ["classification", "Classification"],
  ["sentiment", "Sentiment"],
  ["customer", "Customer"],
  ["session", "Session"],
  ["handoffId", "Handoff-Id"],
  ["summary", "Summary"],
];

const HEADER_LINE_RE = /^([A-Za-z][A-Za-z0-9 _-]{0,40}):(?:[ \t](.*)|)$/s;

export function isHeaderLine(line: string): boolean {
  return HEADER_LINE_RE.test(line);
}

/** `Jane Doe <jane@contoso.com>`, `jane@contoso.com` or `Jane Doe`. */
export function parseParty(text: string): Party {
  const value = text.trim();
  // Fast path for "Name <address>" with no other angle brackets: the form the writer uses.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: an early exit only; the last test below also asks for ">" at the end, and the regular expression after gives the same party
  if (value.charCodeAt(value.length - 1) === 62) {
    // Stryker disable next-line StringLiteral: with "" no value takes the fast path, and the regular expression gives the same party
    const lt = value.lastIndexOf("<");
    // Stryker disable next-line StringLiteral,ArithmeticOperator,BlockStatement: each makes the fast path refuse values, which the regular expression then reads the same
    if (lt >= 0 && value.indexOf("<") === lt && value.indexOf(">") === value.length - 1) {
      const name = value.slice(0, lt).trim();
      const email = value.slice(lt + 1, -1).trim();
      if (name && email) return { name, email };
      return name ? { name } : email ? { email } : {};
    }
  }
  const angle = /^(.*?)\s*<([^<>]*)>\s*$/s.exec(value);
  // Stryker disable next-line OptionalChaining: both groups always take part in a match, so neither is undefined
  if (angle) return withoutEmpty({ name: angle[1]?.trim(), email: angle[2]?.trim() });
  if (BARE_EMAIL_RE.test(value)) return { email: value };
  return withoutEmpty({ name: value });
}

const BARE_EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+$/;

export function formatParty(party: Party): string {
  const name = party.name ?? "";
  if (party.email) return name ? `${name} <${party.email}>` : `<${party.email}>`;
  // A name that looks like an address would read back as one: an empty address keeps it a name.
  return BARE_EMAIL_RE.test(name) ? `${name} <>` : name;
}

function withoutEmpty(party: Party): Party {
  const out: Party = {};
  if (party.name) out.name = party.name;
  if (party.email) out.email = party.email;
  return out;
}

export function parseHeader(lines: readonly string[]): TranscriptHeader {
  const header = {} as TranscriptHeader;
  const extra: [string, string][] = [];
  let last: [string, string] | null = null;
  for (const raw of lines) {
    if (raw.trim() === "") continue;
    const m = HEADER_LINE_RE.exec(raw);
    if (!m) {
      // An indented line continues the value above it; any other line is kept rather than lost.
      if (last && /^[ \t]/.test(raw)) {
        last[1] = `${last[1]} ${raw.trim()}`.trim();
        applyKnown(header, last[0], last[1], true);
      } else {
        extra.push(["", raw.trim()]);
        last = null;
      }
      continue;
    }
    const key = (m[1] as string).trim();
    const value = (m[2] ?? "").trim();
    last = [key, value];
    if (!applyKnown(header, key, value, false)) extra.push(last);
  }
  header.extra = extra;
  return header;
}

/** Sets a known key once; a repeated known key is kept in `extra` instead of overwriting. */
function applyKnown(header: TranscriptHeader, key: string, value: string, continuation: boolean): boolean {
  const known = KNOWN_KEYS[key.toLowerCase()];
  if (!known) return false;
  if (!continuation && header[known] !== undefined) return false;
  if (known === "customer") header.customer = parseParty(value);
  else if (known === "sentiment") header.sentiment = normalizeSentiment(value).text;
  else header[known] = value;
  return true;
}
