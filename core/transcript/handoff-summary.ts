/**
 * What a case's handoff says at a glance — channel, classification and sentiment, and whether the description
 * holds only part of the transcript — for the incident form's notifications (PRODUCT.md §1). The solution's
 * columns, when the form has them, win over the transcript header.
 */
import { FULL_TRANSCRIPT_NOTE_SUBJECT } from "./grammar";
import { normalizeSentiment, sentimentFromOptionValue, type Sentiment } from "./sentiment";
import type { ParsedTranscript } from "./types";

export interface HandoffColumns {
  /** e2c_classification, when the form has it. */
  classification?: string | null;
  /** e2c_sentiment's choice value, when the form has it. */
  sentimentValue?: number | null;
}

export interface HandoffSummary {
  channel: string | null;
  classification: string | null;
  sentiment: Sentiment | null;
  /** "Handoff via email · Classification: Billing · Sentiment: Negative" */
  text: string;
  /** Negative sentiments stand out (a warning rather than information). */
  level: "warning" | "info";
  /** Set when the description holds only part of the transcript. */
  truncated: { shown: number; total: number | null; text: string } | null;
}

/** A case came from a handoff when its description is a transcript, or the solution's columns say so. */
export function summarizeHandoff(transcript: ParsedTranscript, columns: HandoffColumns = {}): HandoffSummary | null {
  const fromTranscript = transcript.format !== "raw";
  const classification = columns.classification?.trim() || transcript.header.classification || null;
  const sentiment =
    sentimentFromOptionValue(columns.sentimentValue) ??
    (transcript.header.sentiment ? normalizeSentiment(transcript.header.sentiment) : null);
  if (!fromTranscript && !columns.classification && !sentimentFromOptionValue(columns.sentimentValue)) return null;
  const channel = transcript.header.channel ?? null;
  const parts = [channel ? `Handoff via ${channel}` : "Handoff"];
  if (classification) parts.push(`Classification: ${classification}`);
  if (sentiment?.text) parts.push(`Sentiment: ${sentiment.text}`);
  let truncated: HandoffSummary["truncated"] = null;
  if (fromTranscript && transcript.truncated) {
    const shown = transcript.messages.length;
    const total = transcript.totalMessages;
    truncated = {
      shown,
      total,
      text:
        total === null
          ? `The description holds only part of the handoff transcript; the full transcript may be in the note "${FULL_TRANSCRIPT_NOTE_SUBJECT}".`
          : `The description shows ${shown} of ${total} messages; the full transcript is in the note "${FULL_TRANSCRIPT_NOTE_SUBJECT}".`,
    };
  }
  return {
    channel,
    classification,
    sentiment,
    text: parts.join(" · "),
    level: sentiment?.tone === "negative" ? "warning" : "info",
    truncated,
  };
}
