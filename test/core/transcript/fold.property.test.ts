/**
 * Folding is safe for any body (PRODUCT.md §4 rule 5): text with no quote markers is never folded, and folding only
 * marks ranges, so no character of the body is ever lost.
 */
import fc from "fast-check";
import { parseTranscript } from "../../../core/transcript/parse";
import { readReplyParts, readReplyPartsLineByLine } from "../../../core/transcript/quoted";
import { writeTranscript } from "../../../core/transcript/write";
import { propertyRuns } from "../../fixtures/property-runs";

/** Words and punctuation of ordinary prose: no `>`, no colon, no line starting with a dash or underscore. */
const plainWord = fc.oneof(
  fc.constantFrom("On", "Am", "Le", "From", "Sent", "wrote", "schrieb", "2026", "18.02", "jane@contoso.com", "Thanks,"),
  fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöüéß0123456789.,!?()'\"@<"),
    minLength: 1,
    maxLength: 12,
  }),
);
const plainLine = fc.array(plainWord, { maxLength: 10 }).map((words) => words.join(" "));
const plainBody = fc.array(plainLine, { maxLength: 12 }).map((lines) => lines.join("\n"));

/** Lines that look like replies, quotes, attributions, headers and signatures, mixed with arbitrary text. */
const replyLine = fc.oneof(
  fc.constantFrom(
    "> quoted",
    "  > indented quote",
    ">",
    ">>> link <<<",
    "On Tue, 19 Nov 2026 at 18:02, Jane <jane@contoso.com> wrote:",
    "Thanks! On Wed, Nov 20, 2026 at 3:59 PM, b@contoso.com wrote:",
    "Am 19.11.2026 um 18:02 schrieb Jane Doe:",
    "From: Contoso <billing@contoso.com>",
    "Sent: Tuesday, November 19, 2026 6:02 PM",
    "Subject: FW: Invoice",
    "-----Original Message-----",
    "---------- Forwarded message ---------",
    "________________________________",
    "-- ",
    "--",
    "-Jane",
    "Sent from my iPhone",
    "",
    "\r",
  ),
  plainLine,
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const anyBody = fc.array(replyLine, { maxLength: 14 }).map((lines) => lines.join("\n"));

/**
 * Lines of replies without quote markers, where colons, dashes and footers sit anywhere: at a line's start, inside it
 * ("at 18:02", "Note: …"), at its end, alone.
 */
const looseLine = fc
  .tuple(
    fc.array(
      fc.oneof(
        plainWord,
        fc.constantFrom(
          ":",
          "：",
          "-",
          "--",
          "_",
          "Note:",
          "18:02",
          "https://contoso.com/a",
          "wrote:",
          "wrote --",
          " ",
        ),
        fc.constantFrom("Sent from my iPhone", "Von meinem iPhone gesendet", "-Jane", "\u200f", "\u00a0", "\r"),
        fc.constantFrom("From: Contoso", "Sent: Tuesday 18.02", "To: jane@contoso.com", "Subject: FW: Invoice"),
        fc.constantFrom("On Tue 19 Nov 2026 at 18.02 Jane wrote --", "Am 19.11.2026 schrieb jane@contoso.com -----"),
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom(" ", ""),
  )
  .map(([words, separator]) => words.join(separator));
const looseBody = fc.array(looseLine, { maxLength: 10 }).map((lines) => lines.join("\n"));

describe("folding is safe for any body", () => {
  test("the shortcut for bodies that cannot hold a quote gives what reading every line gives", () => {
    fc.assert(
      fc.property(fc.oneof(looseBody, plainBody, anyBody), (body) => {
        expect(readReplyParts(body)).toEqual(readReplyPartsLineByLine(body));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  test("a body with no quote markers is never folded", () => {
    fc.assert(
      fc.property(plainBody, (body) => {
        expect(readReplyParts(body).quoted).toEqual([]);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("folding never removes a character: ranges lie in the body, in order, without overlapping", () => {
    fc.assert(
      fc.property(anyBody, (body) => {
        const { quoted, signature } = readReplyParts(body);
        let at = 0;
        for (const q of quoted) {
          expect(q.start).toBeGreaterThanOrEqual(at);
          expect(q.end).toBeGreaterThan(q.start);
          expect(q.end).toBeLessThanOrEqual(body.length);
          at = q.end;
        }
        if (signature) {
          expect(signature.start).toBeGreaterThanOrEqual(0);
          expect(signature.end).toBeGreaterThan(signature.start);
          expect(signature.end).toBeLessThanOrEqual(body.length);
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test("folding never removes a character: the parsed body is the written body, whatever is folded", () => {
    fc.assert(
      fc.property(fc.array(anyBody, { minLength: 1, maxLength: 4 }), (bodies) => {
        const text = writeTranscript(
          {
            handoffId: "h",
            channel: "email",
            classification: "Billing",
            sentiment: "Neutral",
            customer: { name: "Jane" },
            messages: bodies.map((body, i) => ({
              timestamp: `2026-11-20T09:0${i}:00Z`,
              from: { name: "Jane" },
              role: "customer",
              body,
            })),
          },
          { maxLength: null },
        );
        const parsed = parseTranscript(text);
        expect(parsed.messages.map((m) => m.body)).toEqual(bodies);
        parsed.messages.forEach((m) => expect(m.quoted).toEqual(readReplyParts(m.body).quoted));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
