import { findQuotedRanges } from "../../../core/transcript/quoted";
import { parseTranscript } from "../../../core/transcript/parse";

function quotedText(body: string): string[] {
  return findQuotedRanges(body.split("\n")).map((r) => body.slice(r.start, r.end));
}

describe("quoted text is marked so the control can fold it (PRODUCT.md §4 rule 5)", () => {
  test("lines starting with > are quoted, consecutive lines as one range", () => {
    expect(quotedText("reply\n> one\n> two\nmore\n>three")).toEqual(["> one\n> two", ">three"]);
  });

  test("everything from an 'On … wrote:' line to the end is quoted", () => {
    const body = "Thanks!\n\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\nYour invoice\n> old";
    expect(quotedText(body)).toEqual([
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\nYour invoice\n> old",
    ]);
  });

  test("an 'On … wrote:' line wrapped over two lines is recognised", () => {
    const body = "Thanks!\nOn Tue, 19 Nov 2026 at 18:02, Contoso Billing <\nbilling@contoso.com> wrote:\n> old";
    expect(quotedText(body)).toEqual([
      "On Tue, 19 Nov 2026 at 18:02, Contoso Billing <\nbilling@contoso.com> wrote:\n> old",
    ]);
  });

  test("everything from an Outlook -----Original Message----- line is quoted", () => {
    expect(quotedText("New text\n-----Original Message-----\nFrom: a\nold text")).toEqual([
      "-----Original Message-----\nFrom: a\nold text",
    ]);
  });

  test("everything from an Outlook From:/Sent: header block is quoted", () => {
    const body =
      "See below.\n\nFrom: Contoso Billing <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\nTo: Jane\nSubject: Invoice\n\nYour invoice";
    expect(quotedText(body)[0]).toMatch(/^From: Contoso Billing[\s\S]*Your invoice$/);
  });

  test("a From: line alone is not a quote", () => {
    expect(quotedText("From: the billing team we heard nothing\nstill nothing")).toEqual([]);
  });

  test("nothing is deleted: the body keeps the quoted text", () => {
    const t = parseTranscript(
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane (customer)\nnew\n> old\n\n--- End of transcript (1 messages) ---",
    );
    expect(t.messages[0]!.body).toBe("new\n> old");
    expect(t.messages[0]!.quoted).toEqual([{ start: 4, end: 9 }]);
  });
});
