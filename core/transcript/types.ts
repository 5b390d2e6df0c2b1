/** Types of the `e2c-transcript/1` format (PRODUCT.md §4) and of the handoff it is written from (§8). */

export type MessageRole = "customer" | "agent" | "ai" | "system";
export const MESSAGE_ROLES: readonly MessageRole[] = ["customer", "agent", "ai", "system"];

export interface Party {
  name?: string;
  email?: string;
}

/** A quoted span of a message body: character offsets into `body`, `start` inclusive, `end` exclusive. */
export interface QuotedRange {
  start: number;
  end: number;
}

export interface TranscriptMessage {
  /** ISO 8601 UTC (`2026-11-20T09:14:03Z`), or null when the line had no readable time. */
  timestamp: string | null;
  sender: Party;
  role: MessageRole;
  subject?: string;
  body: string;
  /** Quoted text the control folds (PRODUCT.md §4 rule 5). */
  quoted: readonly QuotedRange[];
  /**
   * The trailing signature or device footer ("-- ", "Sent from my iPhone"): folded behind its own label, never
   * called quoted. It may contain a quoted range (a mailing-list footer under the last quote). Null when there is none.
   */
  signature?: QuotedRange | null;
}

export interface TranscriptHeader {
  channel?: string;
  classification?: string;
  sentiment?: string;
  customer?: Party;
  session?: string;
  handoffId?: string;
  summary?: string;
  /** Header lines with keys the format does not know, in their original order. */
  extra: [string, string][];
}

export type TranscriptFormat = "e2c-transcript/1" | "loose" | "raw";

export interface ParsedTranscript {
  format: TranscriptFormat;
  header: TranscriptHeader;
  messages: TranscriptMessage[];
  /** True when the description was cut (no end line, or the writer's truncation line). */
  truncated: boolean;
  /** N from the end or truncation line; null when the text does not say. */
  totalMessages: number | null;
  /** The text itself, for `raw` (after HTML was turned into text). */
  text?: string;
}

export interface HandoffAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface HandoffMessage {
  /** ISO 8601 with a zone, or null when the time is unknown (an email with no readable Date: or Received:). */
  timestamp: string | null;
  from: Party;
  role: string;
  subject?: string;
  body: string;
  attachments?: HandoffAttachment[];
}

/** What the system handing an email conversation to a human sends us (PRODUCT.md §8). */
export interface Handoff {
  handoffId: string;
  channel: string;
  classification: string;
  sentiment: string | number;
  summary?: string;
  sessionUrl?: string;
  customer: Party & { phone?: string };
  messages: HandoffMessage[];
}
