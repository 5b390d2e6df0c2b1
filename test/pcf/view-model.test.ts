import { parseTranscript } from "../../core/transcript/parse";
import {
  buildMessageViews,
  findMatches,
  messageAsText,
  normalizeSubject,
} from "../../pcf/HandoffTranscript/model/view-model";

const TRANSCRIPT = `Channel: email
Customer: Jane <jane@contoso.com>

--- Transcript ---
[2026-11-20T09:00:00Z] Jane <jane@contoso.com> (customer)
Subject: Charged twice
I was charged twice.

> old invoice text

[2026-11-20T09:01:00Z] Bot (ai)
Subject: RE: Charged twice
Let me hand you over.

[2026-11-20T09:02:00Z] Sam <sam@contoso.com> (agent)
Subject: Refund
Hi Jane, charged twice? Sorry.

--- End of transcript (3 messages) ---`;

const views = (order: "oldestFirst" | "newestFirst" = "oldestFirst") =>
  buildMessageViews(parseTranscript(TRANSCRIPT), order);

describe("what the control shows, derived from the transcript", () => {
  test("the subject is shown once, and again only when it changes (RE:/FW: aside)", () => {
    expect(views().map((v) => v.showSubject)).toEqual([true, false, true]);
    expect(normalizeSubject("RE: Fwd: AW: Hello")).toBe("hello");
  });

  test("the handoff point is before the first agent message", () => {
    expect(views().map((v) => v.handoffBefore)).toEqual([false, false, true]);
  });

  test("newest-first reverses the order, keeping each message's position in the transcript", () => {
    expect(views("newestFirst").map((v) => v.index)).toEqual([2, 1, 0]);
  });

  test("quoted text is a separate segment, folded by the view", () => {
    const first = views()[0]!;
    expect(first.hasQuoted).toBe(true);
    expect(first.segments.map((s) => [s.kind, s.text])).toEqual([
      ["text", "I was charged twice.\n\n"],
      ["quoted", "> old invoice text"],
    ]);
  });

  test("a transcript parsed without reply parts (as the control parses it) is folded the same, message by message", () => {
    const deferred = buildMessageViews(parseTranscript(TRANSCRIPT, { replyParts: false }), "oldestFirst");
    expect(deferred.map((v) => [v.hasQuoted, v.segments])).toEqual(views().map((v) => [v.hasQuoted, v.segments]));
    expect(deferred[0]!.segments.map((s) => s.kind)).toEqual(["text", "quoted"]);
  });

  test("a trailing signature is its own segment, never called quoted", () => {
    const [view] = buildMessageViews(
      parseTranscript(
        "--- Transcript ---\n[2026-11-20T09:00:00Z] Jane (customer)\nPlease refund it.\n\nSent from my iPhone\n\n--- End of transcript (1 messages) ---",
      ),
      "oldestFirst",
    );
    expect(view!.hasSignature).toBe(true);
    expect(view!.hasQuoted).toBe(false);
    expect(view!.segments.map((s) => [s.kind, s.text])).toEqual([
      ["text", "Please refund it.\n\n"],
      ["signature", "Sent from my iPhone"],
    ]);
  });

  test("a quote inside the signature stays quoted, and the segments are the whole body", () => {
    const body =
      "Thanks\n\n-Jane\n\nOn Tue, 19 Nov 2026 at 18:02, Sam <sam@contoso.com> wrote:\n> Hi\n\n__\nlist footer";
    const [view] = buildMessageViews(
      parseTranscript(
        `--- Transcript ---\n[2026-11-20T09:00:00Z] Jane (customer)\n${body}\n\n--- End of transcript (1 messages) ---`,
      ),
      "oldestFirst",
    );
    expect(view!.segments.map((s) => s.kind)).toEqual(["text", "signature", "quoted", "signature"]);
    expect(view!.segments.map((s) => s.text).join("")).toBe(body);
  });

  test("search finds every case-insensitive match in bodies, in display order", () => {
    const m = findMatches(views(), "SORRY");
    expect(m.map((x) => [x.row, x.start])).toEqual([[2, 24]]);
    expect(findMatches(views(), "   ")).toEqual([]);
  });

  test("search covers each message's subject, before its body", () => {
    const m = findMatches(views(), "CHARGED");
    expect(m.map((x) => [x.row, x.start, x.inSubject ?? false])).toEqual([
      [0, 0, true],
      [0, 6, false],
      [1, 4, true],
      [2, 9, false],
    ]);
    expect(findMatches(views(), "refund").map((x) => [x.row, x.inSubject])).toEqual([[2, true]]);
  });

  test("a message copies as plain text with time, sender, role and subject", () => {
    const m = parseTranscript(TRANSCRIPT).messages[0]!;
    expect(messageAsText(m, "Nov 20, 2026, 04:00 AM", (r) => r)).toBe(
      "Nov 20, 2026, 04:00 AM Jane <jane@contoso.com> (customer)\nSubject: Charged twice\nI was charged twice.\n\n> old invoice text",
    );
  });
});
