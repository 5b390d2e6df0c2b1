/**
 * The tolerant reader of `e2c-transcript/1` (PRODUCT.md §4). It never throws: text that is not a transcript
 * comes back as `format: "raw"` with its text.
 */
import {
  isEscaped,
  readMessageLine,
  readSeparatorLine,
  readSubjectLine,
  type MessageLine,
  type SeparatorLine,
} from "./grammar";
import { isHeaderLine, parseHeader, parseParty } from "./header";
import { htmlToText, looksLikeHtml } from "./html";
import { findQuotedRanges } from "./quoted";
import { normalizeRole } from "./roles";
import { type MessageRole, type ParsedTranscript, type Party, type TranscriptMessage } from "./types";

/** `Jane Doe <jane@contoso.com> (customer)`: the part of a message line after the timestamp. */
export function parseSenderPart(rest: string): { sender: Party; role: MessageRole | null } {
  let text = rest.trim();
  let role: MessageRole | null = null;
  const roleMatch = /\(([^()]*)\)$/.exec(text);
  if (roleMatch) {
    role = normalizeRole(roleMatch[1] as string);
    if (role) text = text.slice(0, roleMatch.index).trimEnd();
  }
  return { sender: text === "" ? {} : parseParty(text), role };
}

interface OpenMessage {
  line: MessageLine | null;
  body: string[];
}

export function parseTranscript(input: string): ParsedTranscript {
  let text = typeof input === "string" ? input : "";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksLikeHtml(text)) text = htmlToText(text);

  // Rule 6, CRLF or LF: the first line break decides. In an LF text a CR inside a body is data and is kept.
  const firstBreak = text.indexOf("\n");
  const crlf = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13;
  const lines = text.split("\n");
  if (crlf) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
    }
  }

  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    const sep = readSeparatorLine(lines[i] as string);
    if (sep) {
      if (sep.kind === "open") open = i;
      break;
    }
  }

  let messageStart: number;
  let format: ParsedTranscript["format"];
  let headerLines: string[];
  if (open >= 0) {
    format = "e2c-transcript/1";
    headerLines = lines.slice(0, open);
    messageStart = open + 1;
  } else {
    // No opening separator: a pasted thread of message lines, with or without a header above it.
    const first = lines.findIndex((line) => readMessageLine(line) !== null);
    if (first < 0 || !lines.slice(0, first).every((l) => l.trim() === "" || isHeaderLine(l))) {
      return { format: "raw", header: { extra: [] }, messages: [], truncated: false, totalMessages: null, text };
    }
    format = "loose";
    headerLines = lines.slice(0, first);
    messageStart = first;
  }

  const header = parseHeader(headerLines);
  const customerEmail = header.customer?.email?.toLowerCase();
  const customerName = header.customer?.name?.toLowerCase();
  const messages: TranscriptMessage[] = [];
  let closing: SeparatorLine | null = null;
  let current: OpenMessage | null = null;
  let firstSenderKey: string | null = null;

  const finish = (): void => {
    if (!current) return;
    const message = buildMessage(current, inferRole);
    messages.push(message);
    if (firstSenderKey === null && current.line) firstSenderKey = senderKey(message.sender);
    current = null;
  };
  // A missing role: the customer's address (or name) → customer; with no customer in the header, whoever wrote
  // first is taken as the customer. Everyone else is an agent.
  const inferRole = (sender: Party): MessageRole => {
    const email = sender.email?.toLowerCase();
    const name = sender.name?.toLowerCase();
    if (customerEmail || customerName) {
      return (email && email === customerEmail) || (!email && name && name === customerName) ? "customer" : "agent";
    }
    return firstSenderKey === null || senderKey(sender) === firstSenderKey ? "customer" : "agent";
  };

  for (let i = messageStart; i < lines.length; i++) {
    const line = lines[i] as string;
    const sep = readSeparatorLine(line);
    if (sep && sep.kind !== "open") {
      closing = sep;
      break;
    }
    const messageLine = sep ? null : readMessageLine(line);
    if (messageLine) {
      finish();
      current = { line: messageLine, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== "") {
      // Text between the opening separator and the first message line is kept as a system note.
      current = { line: null, body: [line] };
    }
  }
  finish();

  let truncated = false;
  let totalMessages: number | null = null;
  if (closing?.kind === "end") totalMessages = closing.total;
  else if (closing?.kind === "truncated") {
    truncated = true;
    totalMessages = closing.total;
  } else if (format === "e2c-transcript/1") {
    truncated = true; // Rule 2: no end line means the description was cut.
  }
  return { format, header, messages, truncated, totalMessages };
}

function senderKey(sender: Party): string {
  return (sender.email ?? sender.name ?? "").toLowerCase();
}

function buildMessage(open: OpenMessage, inferRole: (sender: Party) => MessageRole): TranscriptMessage {
  const body = open.body;
  let subject: string | undefined;
  let from = 0;
  if (open.line && body.length > 0) {
    const s = readSubjectLine(body[0] as string);
    if (s !== null) {
      subject = s;
      from = 1;
    }
  }
  // The writer ends every message with one blank line.
  let to = body.length;
  if (to > from && body[to - 1] === "") to--;
  const bodyLines: string[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const line = body[i] as string;
    bodyLines[i - from] = isEscaped(line) ? line.slice(1) : line;
  }
  if (!open.line) {
    const text = bodyLines.join("\n");
    return { timestamp: null, sender: {}, role: "system", body: text, quoted: [] };
  }
  const { sender, role } = parseSenderPart(open.line.rest);
  return {
    timestamp: open.line.timestamp,
    sender,
    role: role ?? inferRole(sender),
    ...(subject !== undefined ? { subject } : {}),
    body: bodyLines.join("\n"),
    quoted: findQuotedRanges(bodyLines),
  };
}
