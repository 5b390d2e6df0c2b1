import { summarizeHandoff, summarySentence } from "../../../core/transcript/handoff-summary";
import { parseTranscript } from "../../../core/transcript/parse";
import type { ParsedTranscript } from "../../../core/transcript/types";

const MESSAGE = "[2026-11-20T09:14:03Z] Jane Doe <jane@contoso.com> (customer)\nCharged twice.";

describe("a summary cut to fit a one-line notification", () => {
  test("a sentence exactly as long as the limit is kept whole, without an ellipsis", () => {
    expect(summarySentence("Charged twice.", 14)).toBe("Charged twice.");
  });

  test("a cut falls at the last space before the limit, not inside a word", () => {
    expect(summarySentence("Customer charged twice for November", 20)).toBe("Customer charged…");
  });

  test("a first word longer than half the limit is cut inside the word rather than dropped", () => {
    expect(summarySentence("Re: Supercalifragilisticexpialidocious request", 20)).toBe("Re: Supercalifragili…");
  });

  test("a space exactly at half the limit is too early to cut at", () => {
    expect(summarySentence("abcdefghij klmnopqrstuvwxyz", 20)).toBe("abcdefghij klmnopqrs…");
  });

  test("the ellipsis follows the last word, not the commas and colons after it", () => {
    expect(summarySentence("Billing: refund asked,;: twice today", 26)).toBe("Billing: refund asked…");
  });
});

describe("what the notification says about a handoff", () => {
  test("a transcript without a classification says nothing about one", () => {
    const t = parseTranscript(
      `Channel: chat\nSentiment: Positive\n\n--- Transcript ---\n${MESSAGE}\n\n--- End of transcript (1 messages) ---`,
    );
    expect(summarizeHandoff(t)?.text).toBe("Handoff via chat · Sentiment: Positive");
  });

  test("a blank classification column falls back to the transcript's, and a padded one is trimmed", () => {
    const t = parseTranscript(
      `Classification: Billing\n\n--- Transcript ---\n${MESSAGE}\n\n--- End of transcript (1 messages) ---`,
    );
    expect(summarizeHandoff(t, { classification: "   " })?.text).toBe("Handoff · Classification: Billing");
    expect(summarizeHandoff(t, { classification: "  Refunds  " })?.text).toBe("Handoff · Classification: Refunds");
  });

  test("a summary of only spaces in a transcript built elsewhere counts as none", () => {
    const t: ParsedTranscript = {
      format: "e2c-transcript/1",
      header: { channel: "email", summary: "   ", extra: [] },
      messages: [],
      truncated: false,
      totalMessages: 0,
    };
    expect(summarizeHandoff(t)).toMatchObject({ summary: null, text: "Handoff via email" });
  });

  test("a padded summary in a transcript built elsewhere is kept without its padding", () => {
    const t: ParsedTranscript = {
      format: "e2c-transcript/1",
      header: { summary: "  Charged twice.  ", extra: [] },
      messages: [],
      truncated: false,
      totalMessages: 0,
    };
    expect(summarizeHandoff(t)).toMatchObject({ summary: "Charged twice.", text: "Handoff · Summary: Charged twice." });
  });

  test("a transcript cut before its end line says the description holds only part of it, without counts", () => {
    const t = parseTranscript(`Channel: email\n\n--- Transcript ---\n${MESSAGE}`);
    expect(summarizeHandoff(t)?.truncated).toEqual({
      shown: 1,
      total: null,
      text: 'The description holds only part of the handoff transcript; the full transcript may be in the note "Handoff transcript".',
    });
  });
});
