/** What the control shows, derived from the parsed transcript: pure functions, tested without a browser. */
import type { MessageRole, ParsedTranscript, TranscriptMessage } from "../../../core/transcript/types";
import type { MessageOrder } from "../ManifestConstants";

export interface BodySegment {
  text: string;
  /** Offset of `text` in the message body, for search highlights. */
  offset: number;
  quoted: boolean;
}

export interface MessageView {
  /** Position in the transcript (oldest is 0), whatever the display order. */
  index: number;
  message: TranscriptMessage;
  /** The subject differs from the previous message's (RE:/FW: prefixes aside). */
  showSubject: boolean;
  /** The first agent message after the customer, AI or system spoke: where the conversation was handed off. */
  handoffBefore: boolean;
  segments: BodySegment[];
  hasQuoted: boolean;
}

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|tr|rv)\s*:\s*)+/i;

export function normalizeSubject(subject: string | undefined): string {
  return (subject ?? "").replace(REPLY_PREFIX, "").trim().toLowerCase();
}

export function segmentsOf(message: TranscriptMessage): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  for (const q of message.quoted) {
    if (q.start > at) segments.push({ text: message.body.slice(at, q.start), offset: at, quoted: false });
    segments.push({ text: message.body.slice(q.start, q.end), offset: q.start, quoted: true });
    at = q.end;
  }
  if (at < message.body.length || segments.length === 0) {
    segments.push({ text: message.body.slice(at), offset: at, quoted: false });
  }
  return segments;
}

function handoffIndex(messages: readonly TranscriptMessage[]): number {
  const firstAgent = messages.findIndex((m) => m.role === "agent");
  return firstAgent > 0 ? firstAgent : -1;
}

export function buildMessageViews(transcript: ParsedTranscript, order: MessageOrder): MessageView[] {
  const handoff = handoffIndex(transcript.messages);
  let previousSubject = "";
  const views = transcript.messages.map((message, index): MessageView => {
    const subject = normalizeSubject(message.subject);
    const showSubject = message.subject !== undefined && message.subject !== "" && subject !== previousSubject;
    if (message.subject !== undefined) previousSubject = subject;
    const segments = segmentsOf(message);
    return {
      index,
      message,
      showSubject,
      handoffBefore: index === handoff,
      segments,
      hasQuoted: message.quoted.length > 0,
    };
  });
  return order === "newestFirst" ? views.reverse() : views;
}

export interface SearchMatch {
  /** Position of the message in the displayed list. */
  row: number;
  start: number;
  end: number;
}

/** Every case-insensitive occurrence of `query` in the message bodies, in display order. */
export function findMatches(views: readonly MessageView[], query: string): SearchMatch[] {
  const needle = query.trim().toLowerCase();
  if (needle === "") return [];
  const matches: SearchMatch[] = [];
  views.forEach((view, row) => {
    const haystack = view.message.body.toLowerCase();
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ row, start: at, end: at + needle.length });
    }
  });
  return matches;
}

export function senderLabel(message: TranscriptMessage, unknown: string): string {
  return message.sender.name ?? message.sender.email ?? unknown;
}

/** A message as plain text, for the clipboard. */
export function messageAsText(
  message: TranscriptMessage,
  time: string,
  roleLabel: (role: MessageRole) => string,
): string {
  const who = [message.sender.name, message.sender.email && `<${message.sender.email}>`].filter(Boolean).join(" ");
  const lines = [`${time} ${who || roleLabel(message.role)} (${roleLabel(message.role)})`];
  if (message.subject) lines.push(`Subject: ${message.subject}`);
  lines.push(message.body);
  return lines.join("\n");
}
