/**
 * Edges of the reply reader that mutation testing showed no other test pinned down (issue 20): which line starts a
 * quote, which text stays the customer's, and where the signature begins.
 */
import { quotedText, signatureText, visible } from "../../fixtures/reply-view";

const OLD_MAIL = "Your invoice for November is attached.\nKind regards, Contoso Billing";

describe("attributions", () => {
  test("a Thunderbird French attribution wrapped before 'écrit', its last line quoted and indented, starts a quote", () => {
    const body = `Merci !\n\nLe 19/11/2026 à 18:02, Jane Doe a\n  > écrit :\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Merci !");
  });

  test("an indented '---- Name wrote ----' line starts a quote", () => {
    expect(visible(`Thanks!\n\n   ---- Contoso Billing wrote ----\n\n${OLD_MAIL}`)).toBe("Thanks!");
  });

  test("an attribution whose colon is followed by dashes starts a quote", () => {
    expect(visible(`Thanks!\n\nJane Doe <jane@contoso.com> wrote: --\n\n${OLD_MAIL}`)).toBe("Thanks!");
  });

  test("a mobile client's attribution of 44 characters is read whole", () => {
    const attribution = "Sent from my iPad Jo <jo@contoso.com> wrote:";
    expect(attribution).toHaveLength(44);
    expect(visible(`Thanks!\n\n${attribution}\n\n${OLD_MAIL}`)).toBe("Thanks!");
  });
});

describe("sentences that only look like attributions are the customer's", () => {
  test.each([
    ["ending 'wrote' and one dash", "On Monday at 9:30 your agent wrote -\nthe refund takes 5 days."],
    ["ending in one dash", "On Monday at 9:30 I wrote to your support team -\nstill no answer."],
    ["ending in two dashes", "On Monday at 9:30 I wrote to your support team --\nstill no answer."],
    ["with a time and a colon but no verb", "On 19 Nov at 18:02 the status changed to:\nShipped. Nothing arrived."],
    ["with an address and a colon but no date", "On your website the address is billing@contoso.com:\nit bounces."],
    [
      "ending 'wrote:' after a time, with no address",
      "Thanks.\nYesterday at 18:02 your agent wrote:\nthe refund is sent.",
    ],
    ["ending 'wrote --' without leading dashes", "As your agent wrote --\nthe refund takes 5 days. It has been 10."],
    ["ending in an address and a colon, with no verb", "Please send the invoice to jane@contoso.com:\nthe March one."],
    [
      "with a date and an address in brackets, over reply text",
      "On 19/11/2026 I wrote to Contoso <billing@contoso.com>\nno answer.",
    ],
  ])("a line %s", (_shape, body) => {
    expect(quotedText(body)).toEqual([]);
  });

  test("a line with a date and an address that ends in a dash does not pull the quote under it up", () => {
    const body = "On 19/11/2026 I emailed billing@contoso.com -\n> Your refund is on its way.";
    expect(quotedText(body)).toEqual(["> Your refund is on its way."]);
  });
});

describe("signatures", () => {
  test("a signature inside a forwarded message is content, not the customer's signature", () => {
    const body =
      "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Contoso <billing@contoso.com>\nDate: Tue, Nov 19, 2026 at 6:02 PM\n\nHello\n-- \nContoso Billing";
    expect(signatureText(body)).toBeNull();
  });

  test("a device footer with reply text under it is not the signature", () => {
    expect(signatureText("Please call me.\nSent from my iPhone\nPS: my order number is 1234.")).toBeNull();
  });

  test("a >>> link <<< banner under a sign-off ends the search: nothing above it is the signature", () => {
    expect(signatureText("Please call me.\n-- \nJane\n>>> http://www.contoso.com <<<")).toBeNull();
  });

  test("in an inline reply the signature under the last quote lets that quote fold", () => {
    const body = [
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:",
      "> Which card was charged?",
      "",
      "The Visa ending 4242.",
      "",
      "> Kind regards, Contoso Billing",
      "",
      "-- ",
      "Jane Doe",
    ].join("\n");
    expect(quotedText(body)).toEqual(["> Kind regards, Contoso Billing"]);
    expect(signatureText(body)).toBe("-- \nJane Doe");
  });
});

describe("two quotes with only blank lines between them", () => {
  test("a bottom-posted answer under two attributed quotes folds both: blank lines are no inline answer", () => {
    const body = [
      "On Wed, Nov 20, 2026 at 3:59 PM, Jane Doe <jane@contoso.com> wrote:",
      "> The Visa ending 4242.",
      "",
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:",
      "> Which card was charged?",
      "",
      "Thanks, refunded.",
    ].join("\n");
    expect(visible(body)).toBe("Thanks, refunded.");
  });
});

describe("where a quote starts and ends", () => {
  test("a reply written before an attribution on the same line counts as an inline answer", () => {
    const body =
      "> Which card was charged?\nThe Visa. On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:\n> Thanks, refunded.";
    expect(quotedText(body)).toEqual([
      "On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:\n> Thanks, refunded.",
    ]);
  });

  test("a > line without a space after the mark, between reply lines, is quoted", () => {
    expect(quotedText("Yes, please.\n>Shall we refund the second charge?\nThanks")).toEqual([
      ">Shall we refund the second charge?",
    ]);
  });

  test("four > marks right above a quote stay in it", () => {
    expect(quotedText("Hi\n>>>>\n> old")).toEqual([">>>>\n> old"]);
  });

  test("a >>> link <<< banner right under a quote is not folded with it", () => {
    expect(quotedText("Thanks\n> old\n>>> http://www.contoso.com <<<")).toEqual(["> old"]);
  });

  test("a link wrapped out of a > block and ending in '>' stays in the quote", () => {
    expect(visible("Done.\n> Track your parcel\nhttp://contoso.com/track?id=42 >\n> Thanks")).toBe("Done.");
  });

  test("a link-like line after the last > line is not folded", () => {
    expect(quotedText("Done.\n> View ticket (http://example.com/action\n_nonce=3dd518)\nThanks")).toEqual([
      "> View ticket (http://example.com/action",
    ]);
  });

  test("a Thunderbird Russian attribution on a bottom-posted reply's first line is folded with its quote", () => {
    expect(quotedText("19.11.2026 18:02, Jane Doe пишет:\n> Old\n\nReply")).toEqual([
      "19.11.2026 18:02, Jane Doe пишет:\n> Old",
    ]);
  });

  test("a sentence starting like an attribution, above its last line, stays the customer's", () => {
    const body = `On Monday I paid in full.\nJane <jane@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("On Monday I paid in full.");
  });

  test("an attribution wrapped over two lines of 500 characters in all starts a quote", () => {
    const start = "On Tue, Nov 19, 2026 at 6:02 PM ";
    const end = " <jane@contoso.com> wrote:";
    const first = `${start}${"x".repeat(200)}`;
    const second = `${"y".repeat(500 - first.length - end.length)}${end}`;
    expect(first.length + second.length).toBe(500);
    expect(visible(`Thanks!\n\n${first}\n${second}\n\n${OLD_MAIL}`)).toBe("Thanks!");
  });

  test("a quote inside a message forwarded from Outlook is content", () => {
    const body =
      "FYI\n\nFrom: Contoso <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\nSubject: FW: Invoice\n\nSee below.\n> Your invoice";
    expect(quotedText(body)).toEqual([]);
  });
});

describe("Outlook header blocks", () => {
  test("a From: line with an address and one more key line is a header block", () => {
    expect(visible(`Hi\n\nFrom: Contoso <billing@contoso.com>\nTo: Jane\n\n${OLD_MAIL}`)).toBe("Hi");
  });

  test("a lone From: line with an address is the customer's", () => {
    expect(quotedText("My details:\nFrom: jane@contoso.com\n\nPlease update them.")).toEqual([]);
  });

  test("a From: line and a Subject: line without an address are the customer's", () => {
    expect(quotedText("My note:\nFrom: Jane\nSubject: Invoice\n\nPlease check it.")).toEqual([]);
  });

  test("From:, Date: and To: lines without a subject or an address are the customer's", () => {
    expect(quotedText("My note:\nFrom: Jane\nDate: Tuesday\nTo: Sam\n\nPlease check it.")).toEqual([]);
  });

  test("a 'Subject: FW:' line after a blank line is not part of the header block", () => {
    const body = "My reply\n\nFrom: Contoso <billing@contoso.com>\nSent: Friday\n\nSubject: FW: Invoice\n\nOld";
    expect(visible(body)).toBe("My reply");
  });
});

describe("marks and white space around the text", () => {
  const HEBREW = "ב-19 בנוב׳ 2026, בשעה 18:02, Jane Doe <jane@contoso.com> כתב/ה:";

  test.each([
    ["U+200E U+202C", "\u200e\u202c"],
    ["U+200F U+202C", "\u200f\u202c"],
    ["U+202A", "\u202a"],
    ["U+202E", "\u202e"],
    ["U+2066", "\u2066"],
    ["U+2069", "\u2069"],
  ])("a Hebrew attribution followed by the bidirectional marks %s starts a quote", (_name, marks) => {
    expect(visible(`Thanks, that helps.\n\n${HEBREW}${marks}\n\n${OLD_MAIL}`)).toBe("Thanks, that helps.");
  });

  test.each([
    ["a tab", "\t"],
    ["a no-break space", "\u00a0"],
    ["a left-to-right mark", "\u200e"],
    ["a right-to-left mark", "\u200f"],
  ])("a > line indented with %s is quoted", (_name, indent) => {
    expect(quotedText(`Yes, please.\n${indent}> Shall we refund it?`)).toEqual([`${indent}> Shall we refund it?`]);
  });

  test("an attribution line ending in a carriage return starts a quote", () => {
    const body = `Thanks!\r\n\r\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\r\n\r\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("a quote after a leading blank line is quoted", () => {
    expect(quotedText("\n> Shall we refund it?\nYes.")).toEqual(["> Shall we refund it?"]);
  });
});

describe("which quotes fold", () => {
  test("two quotes with only an attribution between them both fold", () => {
    const body =
      "Yes.\n> Your refund is on its way.\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\n> Shall we refund it?";
    expect(quotedText(body)).toEqual([
      "> Your refund is on its way.",
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\n> Shall we refund it?",
    ]);
  });

  test("in an inline reply, an attribution ending the last reply line is folded", () => {
    const body =
      "> Which card was charged?\nThe Visa.\nThanks! On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:";
    expect(quotedText(body)).toEqual(["On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:"]);
  });
});

describe("forward separators", () => {
  test("a line reading only 'Forwarded message', with no dashes and no colon, is the customer's: the quote under it folds", () => {
    expect(quotedText("I sent it on.\nForwarded message\n> Shall we refund it?")).toEqual(["> Shall we refund it?"]);
  });

  test("Apple Mail's Japanese 'forwarded message' line ending in a full-width colon makes the rest content", () => {
    expect(quotedText("下記をご確認ください。\n転送されたメッセージ：\n> 請求書を添付します。")).toEqual([]);
  });
});

describe("the end of a > block", () => {
  test("a one-word > line without a space after the mark, between reply lines, is quoted", () => {
    expect(quotedText("Can you confirm?\n>Agreed\nThanks")).toEqual([">Agreed"]);
  });

  test("a one-word answer between two quoted lines is the customer's: an inline reply, nothing folds", () => {
    expect(quotedText("> Shall we refund the charge?\nYes\n> And close the case?\nNo, keep it open.")).toEqual([]);
  });

  test("a link the customer writes after a blank line under a quote is their answer, not part of the quote", () => {
    const body = "> Where can I track my parcel?\n\nhttps://contoso.com/track?id=42\n> Thanks, found it.";
    expect(quotedText(body)).toEqual(["> Thanks, found it."]);
  });

  test("a link wrapped out of a > block, with dots inside it, stays in the quote", () => {
    const body =
      "Paid, thanks.\n> Download your invoice: https://contoso.sharepoint.com/sites/billing/\nShared%20Documents/invoice-42.pdf\n> Kind regards, Contoso Billing";
    expect(visible(body)).toBe("Paid, thanks.");
  });
});

describe("how far an Outlook header block reaches", () => {
  const block = (ccLines: number) =>
    [
      "From: Contoso Billing",
      ...Array.from({ length: ccLines }, (_, k) => `Cc: Billing agent ${k + 1}`),
      "Subject: Invoice",
    ].join("\n");

  test("a Subject: on the 13th line of the block counts", () => {
    expect(block(11).split("\n")).toHaveLength(13);
    expect(visible(`Hi\n\n${block(11)}\n\n${OLD_MAIL}`)).toBe("Hi");
  });

  test("a Subject: on the 14th line is past the block: without it, From: and Cc: names alone are the customer's", () => {
    expect(block(12).split("\n")).toHaveLength(14);
    expect(quotedText(`Hi\n\n${block(12)}\n\n${OLD_MAIL}`)).toEqual([]);
  });

  test("a recipient named 'Fwd: …' does not make the mail forwarded; only the Subject: line says so", () => {
    const body = `Hi\n\nFrom: Contoso <billing@contoso.com>\nSent: Friday\nTo: Fwd: Billing team\nSubject: Invoice\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Hi");
  });
});

describe("where a wrapped attribution starts", () => {
  test("a >>> link <<< banner above an attribution's last line ends it: the reply line above the banner stays visible", () => {
    const body = `On Monday I will call you\n>>> https://www.contoso.com/support <<<\nJane Doe <jane@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("On Monday I will call you\n>>> https://www.contoso.com/support <<<");
  });

  test("a reply line starting with a number, above a Thunderbird attribution, stays the customer's", () => {
    const body = `2 invoices are still open\n19.11.2026 18:02, Jane Doe <jane@contoso.com> пишет:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("2 invoices are still open");
  });
});

describe("a forwarded message under a line that looks like an attribution's first", () => {
  test("'Begin forwarded message:' under a line with a date and an address is content: nothing folds", () => {
    const body = "Sent 19 Nov 2026 by jane@contoso.com\nBegin forwarded message:\n\n> Your invoice is attached.";
    expect(quotedText(body)).toEqual([]);
  });

  test("a quoted 'Begin forwarded message:' stays in its quote, which folds", () => {
    const body =
      "Thanks.\n\nOn 19 Nov 2026, at 18:02, Jane Doe <jane@contoso.com> wrote:\n> Begin forwarded message:\n> Invoice.";
    expect(visible(body)).toBe("Thanks.");
  });
});
