/** The writer of `e2c-transcript/1` (PRODUCT.md §4): what the connector puts into `incident.description`. */
import { endLine, formatIsoUtc, needsEscape, TRANSCRIPT_OPEN_LINE, truncatedLine, UNKNOWN_TIME } from "./grammar";
import { assertValidHandoff, type ValidHandoff } from "./handoff";
import { formatParty, HEADER_KEYS } from "./header";
import { normalizeRole } from "./roles";
import { normalizeSentiment } from "./sentiment";
import type { Handoff, HandoffMessage, Party, TranscriptHeader } from "./types";

/** `incident.description` is a memo of 2,000 characters unless the environment says otherwise (domain.md §4). */
export const DEFAULT_DESCRIPTION_MAX_LENGTH = 2000;

/** The longest a Dataverse multiple-lines-of-text column can be made, the ceiling for any description's length. */
export const LONGEST_TEXT_COLUMN = 1_048_576;

/** The length asked for cannot hold even the transcript's header and its closing line. */
export class MaxLengthTooSmallError extends RangeError {
  constructor(
    readonly maxLength: number,
    readonly needed: number,
  ) {
    super(`maxLength ${maxLength} is too small to hold the transcript header (${needed} characters)`);
    this.name = "MaxLengthTooSmallError";
  }
}

export interface WriteOptions {
  /** The column's max length; `null` for no limit. Default 2,000. */
  maxLength?: number | null;
}

export interface ComposedTranscript {
  /** What goes into the description: the full transcript, or its cut at a message boundary. */
  text: string;
  /** The whole transcript, for the note "Handoff transcript" when `truncated`. */
  full: string;
  truncated: boolean;
  shownMessages: number;
  totalMessages: number;
}

/** Header values and names are one line each. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** The party as the writer puts it on a line: no line breaks, no angle brackets inside a name or address. */
export function cleanParty(party: Party | undefined): Party {
  const out: Party = {};
  const name = party?.name ? oneLine(party.name).replace(/[<>]/g, "").trim() : "";
  const email = party?.email ? party.email.replace(/[\s<>()]/g, "") : "";
  if (name) out.name = name;
  if (email) out.email = email;
  return out;
}

export function headerOf(handoff: Handoff): TranscriptHeader {
  const header: TranscriptHeader = { extra: [] };
  header.channel = oneLine(handoff.channel);
  header.classification = oneLine(handoff.classification);
  header.sentiment = oneLine(normalizeSentiment(handoff.sentiment).text);
  const customer = cleanParty(handoff.customer);
  if (customer.name || customer.email) header.customer = customer;
  if (handoff.sessionUrl) header.session = oneLine(handoff.sessionUrl);
  header.handoffId = oneLine(handoff.handoffId);
  if (handoff.summary && oneLine(handoff.summary)) header.summary = oneLine(handoff.summary);
  return header;
}

function headerText(header: TranscriptHeader): string {
  let out = "";
  for (const [key, label] of HEADER_KEYS) {
    const value = header[key];
    if (value === undefined) continue;
    const text = typeof value === "string" ? value : formatParty(value);
    out += text === "" ? `${label}:\n` : `${label}: ${text}\n`;
  }
  // Stryker disable next-line StringLiteral: the writer's header (headerOf) has no other lines; this keeps headerText whole for any header
  for (const [key, value] of header.extra) out += `${key}: ${value}\n`;
  return out;
}

function messageBlock(message: HandoffMessage): string {
  const sender = formatParty(cleanParty(message.from));
  // Stryker disable next-line StringLiteral: a validated handoff's role always normalizes; "system" is for the type checker
  const role = normalizeRole(message.role) ?? "system";
  const time = message.timestamp === null ? UNKNOWN_TIME : formatIsoUtc(new Date(message.timestamp));
  let out = `[${time}] ${sender ? `${sender} ` : ""}(${role})\n`;
  const subject = message.subject ? oneLine(message.subject) : "";
  if (subject) out += `Subject: ${subject}\n`;
  if (message.body !== "") {
    const lines = message.body.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      out += needsEscape(line, i === 0) ? `\\${line}\n` : `${line}\n`;
    }
  }
  return `${out}\n`;
}

export function composeTranscript(handoff: Handoff, options: WriteOptions = {}): ComposedTranscript {
  assertValidHandoff(handoff);
  return composeValidTranscript(handoff, options);
}

/** composeTranscript of a handoff already validated: the connector checks a handoff once, at the edge. */
export function composeValidTranscript(handoff: ValidHandoff, options: WriteOptions = {}): ComposedTranscript {
  const maxLength = options.maxLength === undefined ? DEFAULT_DESCRIPTION_MAX_LENGTH : options.maxLength;
  const header = headerOf(handoff);
  const blocks = handoff.messages.map(messageBlock);
  const total = blocks.length;
  const opening = (h: TranscriptHeader): string => `${headerText(h)}\n${TRANSCRIPT_OPEN_LINE}\n`;
  const full = `${opening(header)}${blocks.join("")}${endLine(total)}`;
  if (maxLength === null || full.length <= maxLength) {
    return { text: full, full, truncated: false, shownMessages: total, totalMessages: total };
  }

  // Rule 2: cut at a message boundary, keeping as many messages as fit with the closing line.
  fitHeader(header, maxLength - truncatedLine(0, total).length, opening);
  const prefix = opening(header);
  const room = maxLength - prefix.length;
  let shown = 0;
  let used = 0;
  while (shown < total && used + (blocks[shown] as string).length + truncatedLine(shown + 1, total).length <= room) {
    used += (blocks[shown] as string).length;
    shown++;
  }
  const text = `${prefix}${blocks.slice(0, shown).join("")}${truncatedLine(shown, total)}`;
  if (text.length > maxLength) {
    throw new MaxLengthTooSmallError(maxLength, text.length);
  }
  return { text, full, truncated: true, shownMessages: shown, totalMessages: total };
}

/**
 * Shortens header values, longest-lived last, until the header fits in `room`: the summary, then the customer's
 * name and address, the classification, the channel and the session link. The Handoff-Id is never cut (it is the
 * key the case is found by); the note holds everything in full.
 */
function fitHeader(header: TranscriptHeader, room: number, opening: (h: TranscriptHeader) => string): void {
  const shorten = (value: string, over: number): string | undefined => {
    const keep = value.length - over - 1;
    return keep > 0 ? `${value.slice(0, keep)}…` : undefined;
  };
  const over = (): number => opening(header).length - room;
  if (over() > 0 && header.summary !== undefined) {
    const summary = shorten(header.summary, over());
    if (summary === undefined) delete header.summary;
    else header.summary = summary;
  }
  for (const part of ["name", "email"] as const) {
    const value = header.customer?.[part];
    if (over() > 0 && header.customer && value !== undefined) {
      const cut = shorten(value, over());
      if (cut === undefined) delete header.customer[part];
      else header.customer[part] = cut;
    }
  }
  for (const key of ["classification", "channel", "session"] as const) {
    const value = header[key];
    if (over() > 0 && value !== undefined) header[key] = shorten(value, over()) ?? "…";
  }
}

export function writeTranscript(handoff: Handoff, options: WriteOptions = {}): string {
  return composeTranscript(handoff, options).text;
}
