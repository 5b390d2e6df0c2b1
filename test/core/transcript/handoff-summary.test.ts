import { summarizeHandoff } from "../../../core/transcript/handoff-summary";
import { parseTranscript } from "../../../core/transcript/parse";
import { EXAMPLE_TRANSCRIPT } from "../../fixtures/handoffs";

describe("a case's handoff at a glance", () => {
  test("channel, classification and sentiment from the transcript header", () => {
    expect(summarizeHandoff(parseTranscript(EXAMPLE_TRANSCRIPT))).toMatchObject({
      text: "Handoff via email · Classification: Billing · Sentiment: Negative",
      level: "warning",
      truncated: null,
    });
  });

  test("the solution's columns win over the header", () => {
    const s = summarizeHandoff(parseTranscript(EXAMPLE_TRANSCRIPT), {
      classification: "Refunds",
      sentimentValue: 412500004,
    });
    expect([s?.text, s?.level]).toEqual([
      "Handoff via email · Classification: Refunds · Sentiment: Slightly positive",
      "info",
    ]);
  });

  test("a truncated description says where the full transcript is", () => {
    const cut = EXAMPLE_TRANSCRIPT.replace(
      /--- End.*$/,
      '--- Transcript truncated: 2 of 9 messages shown; full transcript in note "Handoff transcript" ---',
    );
    expect(summarizeHandoff(parseTranscript(cut))?.truncated?.text).toBe(
      'The description shows 2 of 9 messages; the full transcript is in the note "Handoff transcript".',
    );
  });

  test("a case that did not come from a handoff has no summary", () => {
    expect(summarizeHandoff(parseTranscript("Printer on floor 3 is jammed."))).toBeNull();
    expect(summarizeHandoff(parseTranscript(""))).toBeNull();
  });

  test("the columns alone are enough to say it came from a handoff", () => {
    expect(summarizeHandoff(parseTranscript(""), { classification: "Billing" })?.text).toBe(
      "Handoff · Classification: Billing",
    );
  });
});
