import { summarizeHandoff, summarySentence } from "../../../core/transcript/handoff-summary";
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

  test("the handoff's summary is added as its first sentence; the whole of it is kept for the control", () => {
    const withSummary = EXAMPLE_TRANSCRIPT.replace(
      "Sentiment: Negative\n",
      "Sentiment: Negative\nSummary: Customer was charged twice for November. She wants a refund today.\n",
    );
    const s = summarizeHandoff(parseTranscript(withSummary));
    expect(s?.text).toBe(
      "Handoff via email · Classification: Billing · Sentiment: Negative · Summary: Customer was charged twice for November.",
    );
    expect(s?.summary).toBe("Customer was charged twice for November. She wants a refund today.");
  });

  test("no summary in the header: nothing is said about one", () => {
    const s = summarizeHandoff(parseTranscript(EXAMPLE_TRANSCRIPT));
    expect(s?.summary).toBeNull();
    expect(s?.text).not.toContain("Summary");
  });
});

describe("a summary shortened to a sentence", () => {
  test("a one-sentence summary stays whole", () => {
    expect(summarySentence("Customer was charged twice for November and wants a refund.")).toBe(
      "Customer was charged twice for November and wants a refund.",
    );
  });

  test("stops at the end of the first sentence, whichever mark ends it", () => {
    expect(summarySentence("Printer is offline! Tried a restart. No luck.")).toBe("Printer is offline!");
    expect(summarySentence("Is the label lost? Customer asks twice.")).toBe("Is the label lost?");
    expect(summarySentence("プリンターが故障しました。交換を希望しています。")).toBe("プリンターが故障しました。");
  });

  test("a full stop inside a number or a version does not end the sentence", () => {
    expect(summarySentence("Firmware 2.1.4 broke scanning at 3.5 pages a second. Rollback asked.")).toBe(
      "Firmware 2.1.4 broke scanning at 3.5 pages a second.",
    );
  });

  test("runs of white space and line breaks become single spaces", () => {
    expect(summarySentence("  Charged\n twice.  ")).toBe("Charged twice.");
  });

  test("a first sentence longer than the limit is cut at a word, with an ellipsis", () => {
    const long = `${"word ".repeat(60)}end`;
    const short = summarySentence(long, 50);
    expect(short).toBe(`${"word ".repeat(9)}word…`);
    expect(short.length).toBeLessThanOrEqual(51);
  });
});
