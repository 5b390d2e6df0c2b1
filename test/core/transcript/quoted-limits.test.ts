/** How far the reply reader looks: the limits on attributions, header blocks, signatures and marker lines. */
import { readReplyParts } from "../../../core/transcript/quoted";
import { signatureText, visible } from "../../fixtures/reply-view";

const OLD_MAIL = "Your invoice for November is attached.\nKind regards, Contoso Billing";

describe("an attribution wrapped over lines", () => {
  const wrapped = (nameLines: string[]) =>
    `Thanks!\n\nOn Tue, Nov 19, 2026 at 6:02 PM\n${nameLines.join("\n")}\n<jane@contoso.com> wrote:\n\n${OLD_MAIL}`;

  test("six lines are one attribution", () => {
    expect(visible(wrapped(["Jane", "Doe", "of", "Contoso"]))).toBe("Thanks!");
  });

  test("over seven lines only the last line, with the verb and the address, starts the quote", () => {
    expect(visible(wrapped(["Jane", "Doe", "of", "Contoso", "Billing"]))).toBe(
      "Thanks!\n\nOn Tue, Nov 19, 2026 at 6:02 PM\nJane\nDoe\nof\nContoso\nBilling",
    );
  });

  test("a line of 500 characters can be an attribution; one of 501 cannot", () => {
    const line = (length: number) => {
      const start = "On Tue, Nov 19, 2026 at 6:02 PM ";
      const end = " <jane@contoso.com> wrote:";
      return `${start}${"x".repeat(length - start.length - end.length)}${end}`;
    };
    expect(line(500)).toHaveLength(500);
    expect(visible(`Thanks!\n\n${line(500)}\n\n${OLD_MAIL}`)).toBe("Thanks!");
    expect(readReplyParts(`Thanks!\n\n${line(501)}\n\n${OLD_MAIL}`).quoted).toEqual([]);
  });

  test("wrapped lines of more than 500 characters in all are no attribution", () => {
    const name = "x".repeat(300);
    const body = `Thanks!\n\nOn Tue, Nov 19, 2026 at 6:02 PM ${name}\n${name} <jane@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe(`Thanks!\n\nOn Tue, Nov 19, 2026 at 6:02 PM ${name}`);
  });

  test("a sentence above the attribution's last line is reply text, not part of it", () => {
    const body = `I paid on time.\nJane <jane@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("I paid on time.");
  });
});

describe("a signature", () => {
  const withLines = (count: number) =>
    `Please call me.\n-- \n${Array.from({ length: count }, (_, i) => `Signature line ${i}`).join("\n")}`;

  test("a delimiter with ten lines under it starts the signature", () => {
    expect(signatureText(withLines(10))).toBe(withLines(10).slice("Please call me.\n".length));
  });

  test("a delimiter with eleven lines under it is too far from the end to start one", () => {
    expect(signatureText(withLines(11))).toBeNull();
  });

  test("a device footer right above a delimiter with ten lines under it joins the signature", () => {
    const body = withLines(10).replace("Please call me.\n", "Please call me.\nSent from my iPhone\n");
    expect(signatureText(body)).toBe(body.slice("Please call me.\n".length));
  });

  test("a rule of 60 underscores starts the signature; one of 61 is too long to", () => {
    expect(signatureText(`Please call me.\n${"_".repeat(60)}\nMailing list footer`)).toBe(
      `${"_".repeat(60)}\nMailing list footer`,
    );
    expect(signatureText(`Please call me.\n${"_".repeat(61)}\nMailing list footer`)).toBeNull();
  });

  test("a device footer under a '-- ' signature belongs to the signature", () => {
    expect(signatureText("Please call me.\n-- \nJane\nSent from my iPhone")).toBe("-- \nJane\nSent from my iPhone");
  });

  test("a device footer above reply text is not a signature", () => {
    expect(signatureText("Sent from my iPhone\nPlease call me.")).toBeNull();
  });
});

describe("lines of > marks", () => {
  test("three > marks alone are an empty quote line", () => {
    expect(readReplyParts("Hi\n>>>\nBye").quoted).toEqual([{ start: 3, end: 6 }]);
  });

  test("four > marks alone between reply lines are a separator, not a quote", () => {
    expect(readReplyParts("Hi\n>>>>\nBye").quoted).toEqual([]);
  });

  test("four > marks right under a quote stay in it", () => {
    expect(readReplyParts("Hi\n> old\n>>>>").quoted).toEqual([{ start: 3, end: 13 }]);
  });
});

describe("an Outlook header block", () => {
  test("its rule three lines above, with blank lines between, is folded with it", () => {
    const body = "Reply\n_____\n\n\nFrom: Contoso <billing@contoso.com>\nSent: Friday\nTo: Jane\n\nOld";
    expect(readReplyParts(body).quoted).toEqual([{ start: 6, end: body.length }]);
  });

  test("a rule four lines above is not", () => {
    const body = "Reply\n_____\n\n\n\nFrom: Contoso <billing@contoso.com>\nSent: Friday\nTo: Jane\n\nOld";
    expect(readReplyParts(body).quoted).toEqual([{ start: body.indexOf("From:"), end: body.length }]);
  });

  test("two wrapped lines inside the block keep it together; three end it", () => {
    const two = "Hi\n\nFrom: Contoso\nwrapped one\nwrapped two\nSent: Friday\n\nOld";
    expect(visible(two)).toBe("Hi");
    const three = "Hi\n\nFrom: Contoso\nwrapped one\nwrapped two\nwrapped three\nSent: Friday\n\nOld";
    expect(readReplyParts(three).quoted).toEqual([]);
  });

  test("an address on a later line of the block is enough with two keys", () => {
    expect(visible("Hi\n\nFrom: Contoso\nTo: jane@contoso.com\n\nOld")).toBe("Hi");
  });

  test("three keys with a subject need no address", () => {
    expect(visible("Hi\n\nFrom: Contoso\nTo: Jane\nSubject: Invoice\n\nOld")).toBe("Hi");
    expect(readReplyParts("Hi\n\nFrom: Contoso\nTo: Jane\nCc: Sam\n\nOld").quoted).toEqual([]);
  });

  test("a forwarded subject inside the block makes the rest content", () => {
    expect(
      readReplyParts("Hi\n\nFrom: Contoso <billing@contoso.com>\nSent: Friday\nSubject: FW: Invoice\n\nOld").quoted,
    ).toEqual([]);
  });
});

describe("bodies with a single sign of a quote or a signature", () => {
  test("a body that is only a quote is all quoted", () => {
    expect(readReplyParts("> old quote")).toEqual({ quoted: [{ start: 0, end: 11 }], signature: null });
  });

  test("a signature delimiter is the only sign: the signature is found", () => {
    expect(signatureText("Thanks\n--\nJane")).toBe("--\nJane");
  });

  test("a '-- Name' line is the only sign: it is the signature", () => {
    expect(signatureText("Thanks\n-- Jane")).toBe("-- Jane");
    expect(signatureText("-- Jane")).toBe("-- Jane");
  });

  test("a body that is only an underscore rule is a signature", () => {
    expect(signatureText("__")).toBe("__");
  });

  test("an underscore rule is the only sign: the footer after it is the signature", () => {
    expect(signatureText("Thanks\n__\nList footer")).toBe("__\nList footer");
  });

  test("an attribution ending in a full-width colon is the only sign: the mail under it is quoted", () => {
    const body = "谢谢\nJane Doe <jane@contoso.com> 于2026年11月19日周二 18:02写道：\nOld mail";
    expect(visible(body)).toBe("谢谢");
  });

  test("an attribution ending in dashes is the only sign: the mail under it is quoted", () => {
    const body = "Thanks\nOn Tuesday, 19 November 2026 at 18:02 Jane Doe wrote --\nOld mail";
    expect(visible(body)).toBe("Thanks");
  });
});
