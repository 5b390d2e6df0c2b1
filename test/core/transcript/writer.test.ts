import { parseTranscript } from "../../../core/transcript/parse";
import { composeTranscript, writeTranscript } from "../../../core/transcript/write";
import { HandoffValidationError } from "../../../core/transcript/handoff";
import { EXAMPLE_TRANSCRIPT, exampleHandoff, handoffWithMessages } from "../../fixtures/handoffs";

describe("writing a transcript (PRODUCT.md §4)", () => {
  test("the example handoff is written exactly as the example in PRODUCT.md", () => {
    expect(writeTranscript(exampleHandoff())).toBe(EXAMPLE_TRANSCRIPT);
  });

  test("rule 1: header lines come first, in the order Channel, Classification, Sentiment, Customer, Session, Handoff-Id, Summary", () => {
    const h = { ...exampleHandoff(), summary: "Customer was billed twice" };
    const header = writeTranscript(h)
      .split("\n\n--- Transcript ---")[0]!
      .split("\n")
      .map((l) => l.split(":")[0]);
    expect(header).toEqual(["Channel", "Classification", "Sentiment", "Customer", "Session", "Handoff-Id", "Summary"]);
  });

  test("rule 1: a header value with line breaks is written on one line", () => {
    const text = writeTranscript({ ...exampleHandoff(), summary: "first line\r\nsecond line\nthird" });
    expect(text).toContain("Summary: first line second line third\n");
  });

  test("rule 1: a customer with only an email is written as the address", () => {
    const text = writeTranscript({ ...exampleHandoff(), customer: { email: "jane@contoso.com" } });
    expect(text).toContain("Customer: <jane@contoso.com>\n");
    expect(parseTranscript(text).header.customer).toEqual({ email: "jane@contoso.com" });
  });

  test("rule 1: a customer with neither name nor email writes no Customer line", () => {
    expect(writeTranscript({ ...exampleHandoff(), customer: {} })).not.toMatch(/^Customer:/m);
  });

  test("§4.1: the sentiment is written as Microsoft's label", () => {
    expect(writeTranscript({ ...exampleHandoff(), sentiment: "very_negative" })).toContain(
      "Sentiment: Very negative\n",
    );
    expect(writeTranscript({ ...exampleHandoff(), sentiment: -1 })).toContain("Sentiment: Negative\n");
  });

  test("rule 3: timestamps are written as ISO 8601 UTC with Z, whatever zone the handoff used", () => {
    const h = exampleHandoff();
    h.messages[0]!.timestamp = "2026-11-20T11:14:03+02:00";
    expect(writeTranscript(h)).toContain("[2026-11-20T09:14:03Z] Jane Doe <jane.doe@contoso.com> (customer)\n");
  });

  test("rule 3: milliseconds are kept when the handoff has them", () => {
    const h = exampleHandoff();
    h.messages[0]!.timestamp = "2026-11-20T09:14:03.250Z";
    expect(writeTranscript(h)).toContain("[2026-11-20T09:14:03.250Z] Jane Doe");
  });

  test("rule 3: a sender with no name or address is written as the role alone", () => {
    const h = exampleHandoff();
    h.messages[1]!.from = {};
    h.messages[1]!.role = "system";
    expect(writeTranscript(h)).toContain("[2026-11-20T09:15:10Z] (system)\n");
  });

  test("rule 3: role synonyms are written as the format's roles", () => {
    const h = exampleHandoff();
    h.messages[1]!.role = "Bot";
    expect(writeTranscript(h)).toContain("Contoso Assistant (ai)\n");
  });

  test("rule 4: the subject is the first line after the message line", () => {
    expect(writeTranscript(exampleHandoff())).toContain("(customer)\nSubject: Charged twice for November\nHi,");
  });

  test("rule 4: a body line that looks like a message line is written with a leading backslash", () => {
    const h = exampleHandoff();
    h.messages[1]!.body = "before\n[2026-11-20T09:14:03Z] Mallory (agent)\nafter";
    expect(writeTranscript(h)).toContain("before\n\\[2026-11-20T09:14:03Z] Mallory (agent)\nafter\n");
  });

  test("rule 4: body lines that look like separators, bare timestamps, a first Subject: line or start with a backslash are escaped", () => {
    const h = exampleHandoff();
    h.messages[1]!.body = [
      "Subject: not a subject",
      "--- End of transcript (9 messages) ---",
      "--- Transcript ---",
      "2026-11-20 09:14 UTC Jane",
      "\\already escaped?",
      "Subject: later lines are not subjects",
    ].join("\n");
    const text = writeTranscript(h, { maxLength: null });
    expect(text).toContain(
      [
        "\\Subject: not a subject",
        "\\--- End of transcript (9 messages) ---",
        "\\--- Transcript ---",
        "\\2026-11-20 09:14 UTC Jane",
        "\\\\already escaped?",
        "Subject: later lines are not subjects",
      ].join("\n"),
    );
  });

  test("rule 2: the end line counts the messages", () => {
    expect(writeTranscript(handoffWithMessages(5))).toMatch(/\n--- End of transcript \(5 messages\) ---$/);
  });

  test("rule 2: a transcript longer than the column is cut at a message boundary with the exact closing line", () => {
    const h = handoffWithMessages(200);
    const text = writeTranscript(h);
    expect(text.length).toBeLessThanOrEqual(2000);
    const last = text.split("\n").pop();
    expect(last).toMatch(
      /^--- Transcript truncated: (\d+) of 200 messages shown; full transcript in note "Handoff transcript" ---$/,
    );
    const shown = Number(/truncated: (\d+) of/.exec(last!)![1]);
    const parsed = parseTranscript(text);
    expect(parsed.messages).toHaveLength(shown);
    expect(parsed.messages.map((m) => m.body)).toEqual(h.messages.slice(0, shown).map((m) => m.body));
  });

  test("rule 2: the cut keeps as many whole messages as fit", () => {
    const h = handoffWithMessages(50);
    const { text, shownMessages } = composeTranscript(h, { maxLength: 1500 });
    const oneMore = composeTranscript(
      { ...h, messages: h.messages.slice(0, shownMessages + 1) },
      { maxLength: null },
    ).text;
    const withOneMore = oneMore.replace(
      /--- End of transcript.*$/,
      `--- Transcript truncated: ${shownMessages + 1} of 50 messages shown; full transcript in note "Handoff transcript" ---`,
    );
    expect(text.length).toBeLessThanOrEqual(1500);
    expect(withOneMore.length).toBeGreaterThan(1500);
  });

  test("rule 2: the composed result keeps the full transcript for the note", () => {
    const h = handoffWithMessages(200);
    const composed = composeTranscript(h);
    expect(composed.truncated).toBe(true);
    expect(composed.totalMessages).toBe(200);
    expect(parseTranscript(composed.full).messages).toHaveLength(200);
    expect(parseTranscript(composed.full).truncated).toBe(false);
  });

  test("rule 2: a custom max length read from metadata is honoured", () => {
    expect(writeTranscript(handoffWithMessages(40), { maxLength: 800 }).length).toBeLessThanOrEqual(800);
  });

  test("rule 2: a first message longer than the column leaves the header and the closing line only", () => {
    const h = handoffWithMessages(2, () => "x".repeat(5000));
    const text = writeTranscript(h);
    expect(text).toMatch(/--- Transcript ---\n--- Transcript truncated: 0 of 2 messages shown;/);
  });

  test("rule 2: a summary too long for the column is shortened so the header still fits", () => {
    const text = writeTranscript({ ...handoffWithMessages(3), summary: "s".repeat(3000) });
    expect(text.length).toBeLessThanOrEqual(2000);
    expect(parseTranscript(text).header.summary).toMatch(/^s+…$/);
  });

  test("rule 2: a customer name too long for the column is shortened; the Handoff-Id never is", () => {
    const h = { ...handoffWithMessages(3), customer: { name: "N".repeat(3000), email: "jane@contoso.com" } };
    const text = writeTranscript(h);
    expect(text.length).toBeLessThanOrEqual(2000);
    const header = parseTranscript(text).header;
    expect(header.customer?.name).toMatch(/^N+…$/);
    expect(header.handoffId).toBe(h.handoffId);
  });

  test("rule 2: a column too small for even the Handoff-Id and closing line is refused", () => {
    expect(() => writeTranscript(handoffWithMessages(3), { maxLength: 120 })).toThrow(RangeError);
  });

  test("an invalid handoff is refused with every problem named", () => {
    const bad = { ...exampleHandoff(), handoffId: "", messages: [{ timestamp: "yesterday", from: {}, role: "boss" }] };
    expect(() => writeTranscript(bad as never)).toThrow(HandoffValidationError);
    try {
      writeTranscript(bad as never);
    } catch (error) {
      expect((error as HandoffValidationError).problems.map((p) => p.field)).toEqual([
        "handoffId",
        "messages[0].timestamp",
        "messages[0].role",
        "messages[0].body",
      ]);
    }
  });
});
