/**
 * One reader serves every message of a transcript (core/transcript/quoted.ts keeps its line tables between bodies):
 * a message is read on its own, whatever the longer message read before it held past its last line.
 */
import { readReplyParts } from "../../../core/transcript/quoted";
import { quotedText, visible } from "../../fixtures/reply-view";

/** A message whose third, fourth and fifth lines are quoted. */
const QUOTING_ON_LINE_3 = "Hi\nSee below\n> one\n> two\n> three";

describe("a message read right after a longer one", () => {
  test("an attribution on its last line quotes to the end of the body", () => {
    readReplyParts(QUOTING_ON_LINE_3);
    const body = "Thanks\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:";
    expect(quotedText(body)).toEqual(["On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:"]);
  });

  test("four > marks on its last line, under reply text, are a separator, not a quote", () => {
    readReplyParts(QUOTING_ON_LINE_3);
    expect(quotedText("Hi\n>>>>")).toEqual([]);
  });

  test("a link-like line after its last > line is not folded", () => {
    readReplyParts("a\nb\nc\n> d");
    expect(quotedText("Done.\n> Track your parcel\nhttp://contoso.com/track?id=42")).toEqual(["> Track your parcel"]);
  });

  test("From: and To: lines without an address at its end are the customer's, whatever key the longer one had below", () => {
    readReplyParts("Hi\nFrom: Contoso\nTo: Jane\nSubject: Invoice\n\nOld");
    expect(visible("My note:\nFrom: Jane\nTo: Sam")).toBe("My note:\nFrom: Jane\nTo: Sam");
  });
});
