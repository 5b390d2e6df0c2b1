/**
 * The view model's rules at their edges: which reply prefixes a subject loses, where a body is cut, who is named
 * when a sender is half known, and where the handoff divider goes. Literal inputs and answers.
 */
import type { TranscriptMessage } from "../../core/transcript/types";
import {
  buildMessageViews,
  findMatches,
  messageAsText,
  normalizeSubject,
  segmentsOf,
  senderLabel,
} from "../../pcf/HandoffTranscript/model/view-model";

function message(overrides: Partial<TranscriptMessage>): TranscriptMessage {
  return { timestamp: null, sender: { name: "Jane" }, role: "customer", body: "", quoted: [], ...overrides };
}

function transcript(messages: TranscriptMessage[]) {
  return {
    format: "e2c-transcript/1" as const,
    header: { extra: [] },
    messages,
    truncated: false,
    totalMessages: messages.length,
    text: "",
  };
}

describe("a subject without its reply and forward prefixes", () => {
  test.each([
    ["Re: Refund", "refund"],
    ["FW: Refund", "refund"],
    ["Fwd: Refund", "refund"],
    ["AW: Refund", "refund"],
    ["WG: Refund", "refund"],
    ["SV: Refund", "refund"],
    ["TR: Refund", "refund"],
    ["RV: Refund", "refund"],
    ["  re :  Refund", "refund"],
    ["RE:RE: Fwd:Refund", "refund"],
    ["Refund re: March", "refund re: march"],
    ["Rework: plan", "rework: plan"],
    ["Ready", "ready"],
    ["Re: Refund  ", "refund"],
  ])("%p reads as %p", (subject, normalized) => {
    expect(normalizeSubject(subject)).toBe(normalized);
  });

  test("no subject reads as empty", () => {
    expect(normalizeSubject(undefined)).toBe("");
  });
});

describe("a body cut into reply text, quoted text and signature", () => {
  test("an empty body is one empty text segment", () => {
    expect(segmentsOf("", { quoted: [], signature: null })).toEqual([{ text: "", offset: 0, kind: "text" }]);
  });

  test("two quotes side by side are one quoted segment", () => {
    expect(
      segmentsOf("Hi\n> a\n> b", {
        quoted: [
          { start: 3, end: 6 },
          { start: 6, end: 10 },
        ],
        signature: null,
      }),
    ).toEqual([
      { text: "Hi\n", offset: 0, kind: "text" },
      { text: "> a\n> b", offset: 3, kind: "quoted" },
    ]);
  });

  test("quotes listed out of order are cut in the body's order", () => {
    expect(
      segmentsOf("A\n> b\nC\n> d", {
        quoted: [
          { start: 8, end: 11 },
          { start: 2, end: 5 },
        ],
        signature: null,
      }).map((s) => [s.offset, s.kind, s.text]),
    ).toEqual([
      [0, "text", "A\n"],
      [2, "quoted", "> b"],
      [5, "text", "\nC\n"],
      [8, "quoted", "> d"],
    ]);
  });

  test("ranges reaching past the body's end are cut at the end, adding nothing after it", () => {
    expect(segmentsOf("Hi\n> a", { quoted: [{ start: 3, end: 40 }], signature: { start: 50, end: 60 } })).toEqual([
      { text: "Hi\n", offset: 0, kind: "text" },
      { text: "> a", offset: 3, kind: "quoted" },
    ]);
  });

  test("text after the signature is text again", () => {
    expect(
      segmentsOf("Hi\n--\nJane\nPS", { quoted: [], signature: { start: 3, end: 10 } }).map((s) => [s.kind, s.text]),
    ).toEqual([
      ["text", "Hi\n"],
      ["signature", "--\nJane"],
      ["text", "\nPS"],
    ]);
  });
});

describe("the messages as the list shows them", () => {
  test("an agent who speaks first is no handoff", () => {
    const views = buildMessageViews(
      transcript([message({ role: "agent" }), message({ role: "customer" }), message({ role: "agent" })]),
      "oldestFirst",
    );
    expect(views.map((v) => v.handoffBefore)).toEqual([false, false, false]);
  });

  test("a message without a subject line keeps the subject before it: the same subject after it is not repeated", () => {
    const views = buildMessageViews(
      transcript([message({ subject: "Refund" }), message({}), message({ subject: "RE: Refund" })]),
      "oldestFirst",
    );
    expect(views.map((v) => v.showSubject)).toEqual([true, false, false]);
  });

  test("an empty subject line after a subject is not shown", () => {
    const views = buildMessageViews(
      transcript([message({ subject: "Refund" }), message({ subject: "" })]),
      "oldestFirst",
    );
    expect(views.map((v) => v.showSubject)).toEqual([true, false]);
  });

  test("a first subject that is only a reply prefix is not shown", () => {
    const views = buildMessageViews(transcript([message({ subject: "RE:" })]), "oldestFirst");
    expect(views.map((v) => v.showSubject)).toEqual([false]);
  });

  test("an empty subject line is not shown", () => {
    const views = buildMessageViews(transcript([message({ subject: "" })]), "oldestFirst");
    expect(views.map((v) => v.showSubject)).toEqual([false]);
  });

  test("oldest first keeps the transcript's order", () => {
    const views = buildMessageViews(transcript([message({ body: "one" }), message({ body: "two" })]), "oldestFirst");
    expect(views.map((v) => v.message.body)).toEqual(["one", "two"]);
  });

  test("a body with quoted text and a signature says it has both", () => {
    const [view] = buildMessageViews(
      transcript([message({ body: "Thanks\n\n> old text\n\nSent from my iPhone" })]),
      "oldestFirst",
    );
    expect([view!.hasQuoted, view!.hasSignature]).toEqual([true, true]);
  });

  test("a plain body has neither", () => {
    const [view] = buildMessageViews(transcript([message({ body: "Thanks for the refund." })]), "oldestFirst");
    expect([view!.hasQuoted, view!.hasSignature]).toEqual([false, false]);
  });
});

describe("search over the messages", () => {
  const views = buildMessageViews(
    transcript([message({ subject: "aaa", body: "aaaa" }), message({ body: "xAAx" })]),
    "oldestFirst",
  );

  test("finds occurrences one after another, never overlapping; body matches carry no subject flag", () => {
    expect(findMatches(views, "aa")).toStrictEqual([
      { row: 0, start: 0, end: 2, inSubject: true },
      { row: 0, start: 0, end: 2 },
      { row: 0, start: 2, end: 4 },
      { row: 1, start: 1, end: 3 },
    ]);
  });

  test("ignores spaces around the query", () => {
    expect(findMatches(views, "  x ")).toStrictEqual([
      { row: 1, start: 0, end: 1 },
      { row: 1, start: 3, end: 4 },
    ]);
  });
});

describe("who a message is from, as shown and copied", () => {
  test("the sender's name, else the address, else 'unknown'", () => {
    expect(senderLabel(message({ sender: { name: "Jane", email: "jane@contoso.com" } }), "?")).toBe("Jane");
    expect(senderLabel(message({ sender: { email: "jane@contoso.com" } }), "?")).toBe("jane@contoso.com");
    expect(senderLabel(message({ sender: {} }), "Unknown sender")).toBe("Unknown sender");
  });

  test("copied, a sender known by address alone is the address in angle brackets", () => {
    const m = message({ sender: { email: "jane@contoso.com" }, body: "Hi" });
    expect(messageAsText(m, "09:00", (r) => r.toUpperCase())).toBe("09:00 <jane@contoso.com> (CUSTOMER)\nHi");
  });

  test("copied, a sender known by name alone is the name", () => {
    const m = message({ sender: { name: "Jane" }, body: "Hi" });
    expect(messageAsText(m, "09:00", (r) => r.toUpperCase())).toBe("09:00 Jane (CUSTOMER)\nHi");
  });

  test("copied, a sender with neither is named by the role", () => {
    const m = message({ sender: {}, role: "system", body: "Case created" });
    expect(messageAsText(m, "09:00", (r) => r.toUpperCase())).toBe("09:00 SYSTEM (SYSTEM)\nCase created");
  });
});
