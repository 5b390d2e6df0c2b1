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
    expect(first.segments.map((s) => [s.quoted, s.text])).toEqual([
      [false, "I was charged twice.\n\n"],
      [true, "> old invoice text"],
    ]);
  });

  test("search finds every case-insensitive match, in display order", () => {
    const m = findMatches(views(), "CHARGED");
    expect(m.map((x) => [x.row, x.start])).toEqual([
      [0, 6],
      [2, 9],
    ]);
    expect(findMatches(views(), "   ")).toEqual([]);
  });

  test("a message copies as plain text with time, sender, role and subject", () => {
    const m = parseTranscript(TRANSCRIPT).messages[0]!;
    expect(messageAsText(m, "Nov 20, 2026, 04:00 AM", (r) => r)).toBe(
      "Nov 20, 2026, 04:00 AM Jane <jane@contoso.com> (customer)\nSubject: Charged twice\nI was charged twice.\n\n> old invoice text",
    );
  });
});
