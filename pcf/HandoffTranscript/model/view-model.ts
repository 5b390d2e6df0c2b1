/** What the control shows, derived from the parsed transcript: pure functions, tested without a browser. */
import { readReplyParts, type ReplyParts } from "../../../core/transcript/quoted";
import type { MessageRole, ParsedTranscript, TranscriptMessage } from "../../../core/transcript/types";
import type { MessageOrder } from "../ManifestConstants";

/** Reply text, quoted text (folded), or the trailing signature (folded behind its own label, never "quoted"). */
export type SegmentKind = "text" | "quoted" | "signature";

export interface BodySegment {
  text: string;
  /** Offset of `text` in the message body, for search highlights. */
  offset: number;
  kind: SegmentKind;
}

export interface MessageView {
  /** Position in the transcript (oldest is 0), whatever the display order. */
  readonly index: number;
  readonly message: TranscriptMessage;
  /** The subject differs from the previous message's (RE:/FW: prefixes aside). */
  readonly showSubject: boolean;
  /** The first agent message after the customer, AI or system spoke: where the conversation was handed off. */
  readonly handoffBefore: boolean;
  readonly segments: BodySegment[];
  readonly hasQuoted: boolean;
  readonly hasSignature: boolean;
}

/**
 * A message as the list shows it. Its quoted text and signature are read, and its body cut, when a card first asks:
 * the list renders only the messages near the viewport, so a 10,000-message thread reads a page of bodies, not
 * 10,000 (PRODUCT.md §9). The transcript is parsed with `replyParts: false` for this.
 */
class ListedMessage implements MessageView {
  private cut: BodySegment[] | undefined;
  constructor(
    readonly index: number,
    readonly message: TranscriptMessage,
    readonly showSubject: boolean,
    readonly handoffBefore: boolean,
  ) {}
  get segments(): BodySegment[] {
    return (this.cut ??= segmentsOf(this.message.body, readReplyParts(this.message.body)));
  }
  get hasQuoted(): boolean {
    return this.segments.some((segment) => segment.kind === "quoted");
  }
  get hasSignature(): boolean {
    return this.segments.some((segment) => segment.kind === "signature");
  }
}

const REPLY_PREFIX = /^\s*((re|fw|fwd|aw|wg|sv|tr|rv)\s*:\s*)+/i;

export function normalizeSubject(subject: string | undefined): string {
  return (subject ?? "").replace(REPLY_PREFIX, "").trim().toLowerCase();
}

/**
 * The body cut where quoted text and the signature start and end. A quote inside the signature (a mailing-list
 * footer under the last quote) stays quoted. The segments together are the whole body: nothing is dropped.
 */
export function segmentsOf(body: string, { quoted, signature }: ReplyParts): BodySegment[] {
  const cuts = new Set<number>([0, body.length]);
  for (const q of quoted) cuts.add(q.start).add(q.end);
  if (signature) cuts.add(signature.start).add(signature.end);
  // Reply parts never start before the body: only a cut past its end is dropped.
  const points = [...cuts].filter((c) => c <= body.length).sort((a, b) => a - b);
  const segments: BodySegment[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k] as number;
    const end = points[k + 1] as number;
    const kind: SegmentKind = quoted.some((q) => q.start <= start && end <= q.end)
      ? "quoted"
      : signature && signature.start <= start && end <= signature.end
        ? "signature"
        : "text";
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += body.slice(start, end);
    else segments.push({ text: body.slice(start, end), offset: start, kind });
  }
  if (segments.length === 0) segments.push({ text: body, offset: 0, kind: "text" });
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
    let showSubject = false;
    if (message.subject !== undefined) {
      const subject = normalizeSubject(message.subject);
      showSubject = message.subject !== "" && subject !== previousSubject;
      previousSubject = subject;
    }
    return new ListedMessage(index, message, showSubject, index === handoff);
  });
  return order === "newestFirst" ? views.reverse() : views;
}

export interface SearchMatch {
  /** Position of the message in the displayed list. */
  row: number;
  /** Offsets into the message body, or into its subject when `inSubject`. */
  start: number;
  end: number;
  inSubject?: boolean;
}

/** Every case-insensitive occurrence of `query` in the messages' subjects and bodies, in display order. */
export function findMatches(views: readonly MessageView[], query: string): SearchMatch[] {
  const needle = query.trim().toLowerCase();
  if (needle === "") return [];
  const matches: SearchMatch[] = [];
  const find = (text: string, row: number, inSubject: boolean): void => {
    const haystack = text.toLowerCase();
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push(
        inSubject
          ? { row, start: at, end: at + needle.length, inSubject }
          : { row, start: at, end: at + needle.length },
      );
    }
  };
  views.forEach((view, row) => {
    // The subject is shown above the body, so its matches come first.
    if (view.message.subject) find(view.message.subject, row, true);
    find(view.message.body, row, false);
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
