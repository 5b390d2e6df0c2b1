/**
 * What a case's handoff says at a glance — channel, classification and sentiment, the handoff's own summary, and
 * whether the description holds only part of the transcript — for the incident form's notifications (PRODUCT.md
 * §1). The solution's columns, when the form has them, win over the transcript header.
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
  /** The header's `Summary` in full (the control shows it), or null when the handoff has none. */
  summary: string | null;
  /** "Handoff via email · Classification: Billing · Sentiment: Negative · Summary: <its first sentence>" */
  text: string;
  /** Negative sentiments stand out (a warning rather than information). */
  level: "warning" | "info";
  /** Set when the description holds only part of the transcript. */
  truncated: { shown: number; total: number | null; text: string } | null;
}

/** The longest summary a one-line form notification carries before it is cut at a word. */
export const SUMMARY_SENTENCE_MAX = 160;

/** A sentence ends at . ! ? followed by a space or the end ("v1.5" and "3.2%" do not end one), or at 。！？. */
const SENTENCE_END = /^.*?(?:[.!?](?=\s|$)|[\u3002\uff01\uff1f])/su;

/**
 * The summary shortened to its first sentence, for a form notification, which is one line on the form ("Set a
 * notification on a form", Client API formContext.ui.setFormNotification,
 * https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/formcontext-ui/setformnotification);
 * the control shows the whole summary. A first sentence longer than `maxLength` is cut at a word, with "…".
 */
export function summarySentence(summary: string, maxLength = SUMMARY_SENTENCE_MAX): string {
  const text = summary.replace(/\s+/g, " ").trim();
  const sentence = SENTENCE_END.exec(text)?.[0] ?? text;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, "")}…`;
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
  const summary = transcript.header.summary?.trim() || null;
  if (summary) parts.push(`Summary: ${summarySentence(summary)}`);
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
    summary,
    text: parts.join(" · "),
    level: sentiment?.tone === "negative" ? "warning" : "info",
    truncated,
  };
}
