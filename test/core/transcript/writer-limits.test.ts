import { cleanParty, composeTranscript, MaxLengthTooSmallError, writeTranscript } from "../../../core/transcript/write";
import type { Handoff } from "../../../core/transcript/types";
import { EXAMPLE_TRANSCRIPT, exampleHandoff, handoffWithMessages } from "../../fixtures/handoffs";

/** Three short messages, a customer with a name only and no session link. */
function threeShortMessages(extra: Partial<Handoff> = {}): Handoff {
  const h = handoffWithMessages(3, (i) => `m${i}`);
  delete h.sessionUrl;
  h.customer = { name: "Jane" };
  return { ...h, ...extra };
}

const HEADER = `Channel: email
Classification: Billing
Sentiment: Negative
Customer: Jane
Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10
`;
const FIRST_MESSAGE = `[2026-11-20T09:00:00Z] Jane Doe <jane.doe@contoso.com> (customer)
m0

`;
const cutLine = (shown: number) =>
  `--- Transcript truncated: ${shown} of 3 messages shown; full transcript in note "Handoff transcript" ---`;

describe("a transcript that just fits its column", () => {
  test("a transcript exactly as long as the column is written whole", () => {
    expect(writeTranscript(exampleHandoff(), { maxLength: EXAMPLE_TRANSCRIPT.length })).toBe(EXAMPLE_TRANSCRIPT);
  });

  test("one character less and it is cut", () => {
    expect(composeTranscript(exampleHandoff(), { maxLength: EXAMPLE_TRANSCRIPT.length - 1 }).truncated).toBe(true);
  });

  test("a message that fills the column to the last character is shown", () => {
    const expected = `${HEADER}\n--- Transcript ---\n${FIRST_MESSAGE}${cutLine(1)}`;
    expect(writeTranscript(threeShortMessages(), { maxLength: expected.length })).toBe(expected);
  });

  test("a header that fills the column to the last character is kept whole", () => {
    const expected = `${HEADER}Summary: Billed twice.\n\n--- Transcript ---\n${cutLine(0)}`;
    expect(writeTranscript(threeShortMessages({ summary: "Billed twice." }), { maxLength: expected.length })).toBe(
      expected,
    );
  });
});

describe("a header too long for its column", () => {
  test("header values are kept whole when only messages have to go", () => {
    const h = { ...handoffWithMessages(200), summary: "Billed twice." };
    const text = writeTranscript(h);
    expect(text.slice(0, text.indexOf("\n\n"))).toBe(`Channel: email
Classification: Billing
Sentiment: Negative
Customer: Jane Doe <jane.doe@contoso.com>
Session: https://support.example.com/sessions/4711
Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10
Summary: Billed twice.`);
  });

  test("the summary goes first, then the customer; the classification is cut with an ellipsis", () => {
    const text = writeTranscript(threeShortMessages({ summary: "s".repeat(500) }), { maxLength: 230 });
    expect(text).toBe(`Channel: email
Classification: B…
Sentiment: Negative
Customer:
Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10

--- Transcript ---
${cutLine(0)}`);
  });

  test("with less room still, the classification becomes an ellipsis and the channel is cut", () => {
    const text = writeTranscript(threeShortMessages({ summary: "s".repeat(500) }), { maxLength: 226 });
    expect(text).toBe(`Channel: e…
Classification: …
Sentiment: Negative
Customer:
Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10

--- Transcript ---
${cutLine(0)}`);
  });

  test("a column too small for the Handoff-Id and the closing line names both lengths", () => {
    let thrown: unknown;
    try {
      writeTranscript(threeShortMessages(), { maxLength: 200 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MaxLengthTooSmallError);
    expect(thrown).toMatchObject({
      name: "MaxLengthTooSmallError",
      message: "maxLength 200 is too small to hold the transcript header (225 characters)",
      maxLength: 200,
      needed: 225,
    });
  });
});

describe("a header that must lose a value", () => {
  test("a summary that would have to be cut to nothing is left out", () => {
    const whole = `${HEADER}Summary: ab\n\n--- Transcript ---\n${cutLine(0)}`;
    expect(writeTranscript(threeShortMessages({ summary: "ab" }), { maxLength: whole.length - 1 })).toBe(
      `${HEADER}\n--- Transcript ---\n${cutLine(0)}`,
    );
  });

  test("a handoff whose customer has no name and no address is cut without a Customer line", () => {
    const text = writeTranscript(threeShortMessages({ customer: {}, summary: "s".repeat(500) }), { maxLength: 230 });
    expect(text).toBe(`Channel: email
Classification: Billing
Sentiment: Negative
Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10

--- Transcript ---
${cutLine(0)}`);
  });
});

describe("messages and parties as written", () => {
  test("a transcript that fits is not marked cut", () => {
    expect(composeTranscript(exampleHandoff()).truncated).toBe(false);
  });

  test("a message whose time is unknown is written with the writer's unknown time", () => {
    const h = exampleHandoff();
    h.messages = [{ timestamp: null, from: { name: "Jane Doe" }, role: "customer", body: "hi" }];
    expect(writeTranscript(h)).toContain("\n[0000-00-00T00:00:00Z] Jane Doe (customer)\nhi\n");
  });

  test("header values are written without the spaces around them", () => {
    expect(writeTranscript({ ...exampleHandoff(), channel: "  email  ", classification: " Billing\n" })).toMatch(
      /^Channel: email\nClassification: Billing\n/,
    );
  });

  test("a message with an empty body is its message line and a blank line", () => {
    const h = exampleHandoff();
    h.messages = [{ timestamp: "2026-11-20T09:14:03Z", from: { name: "Jane Doe" }, role: "customer", body: "" }];
    expect(writeTranscript(h)).toContain(
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane Doe (customer)\n\n--- End of transcript (1 messages) ---",
    );
  });

  test("a missing party is no name and no address", () => {
    expect(cleanParty(undefined)).toEqual({});
  });

  test("angle brackets are taken out of a name, and the spaces they leave at its end", () => {
    expect(cleanParty({ name: "Jane Doe >" })).toEqual({ name: "Jane Doe" });
  });

  test("a party with only a name has no address, and one with only an address has no name", () => {
    expect(cleanParty({ name: "Jane Doe" })).toEqual({ name: "Jane Doe" });
    expect(cleanParty({ email: "jane@contoso.com" })).toEqual({ email: "jane@contoso.com" });
  });

  test("an address of only brackets and spaces is no address", () => {
    expect(cleanParty({ name: "Jane", email: " <> " })).toEqual({ name: "Jane" });
  });
});
