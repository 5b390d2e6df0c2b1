/** Which charset a text part is read with when its bytes do not fit its label (issue 19). */
import { repairHeaders, repairedCharset } from "../../plugins-js/connector/mail/charset";

const latin1 = (text: string) => Buffer.from(text, "latin1");
const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("a text part's charset", () => {
  test("7-bit text keeps its label, whatever it is", () => {
    expect(repairedCharset("utf-7", utf8("Hi +ZeVnLIqe-"))).toBeNull();
    expect(repairedCharset(false, utf8("plain ASCII"))).toBeNull();
  });

  test("Latin-1 bytes with no label or a us-ascii label are windows-1252", () => {
    expect(repairedCharset(false, latin1("Grüße"))).toBe("windows-1252");
    expect(repairedCharset("us-ascii", latin1("Grüße"))).toBe("windows-1252");
    expect(repairedCharset("utf-8", latin1("Grüße"))).toBe("windows-1252");
  });

  test("UTF-8 with no label, or labelled UTF-8, is read as mailparser reads it (UTF-8)", () => {
    expect(repairedCharset(false, utf8("Grüße"))).toBeNull();
    expect(repairedCharset("utf-8", utf8("Grüße"))).toBeNull();
  });

  test("UTF-8 with one broken byte is still UTF-8, not windows-1252 for the whole part", () => {
    const bytes = Buffer.concat([utf8("Профиль сообщения т"), Buffer.from([0xd1]), utf8(".к. в нем")]);
    expect(repairedCharset("us-ascii", bytes)).toBeNull();
    expect(repairedCharset("shift_jis", bytes)).toBe("utf-8");
  });

  test("UTF-8 under a Latin-1 label is UTF-8", () => {
    expect(repairedCharset("iso-8859-1", utf8("Crème brûlée"))).toBe("utf-8");
    expect(repairedCharset("iso-8859-1", latin1("Crème brûlée"))).toBeNull();
  });

  test("a label that does not fit the bytes falls back: UTF-8 when it is, else windows-1252", () => {
    expect(repairedCharset("iso-2022-jp", utf8("Grüße aus Köln"))).toBe("utf-8");
    expect(repairedCharset("x-unknown", latin1("Grüße"))).toBe("windows-1252");
  });
});

describe("raw 8-bit headers", () => {
  test("a Latin-1 Subject: becomes UTF-8; the body is untouched", () => {
    const raw = Buffer.concat([latin1("Subject: Grüße\r\n\r\n"), latin1("Köln")]);
    expect(repairHeaders(raw)).toEqual(Buffer.concat([utf8("Subject: Grüße\r\n\r\n"), latin1("Köln")]));
  });

  test("an encoded word whose bytes do not fit its charset is relabelled: Latin-1 bytes labelled UTF-8", () => {
    const raw = latin1("Subject: =?utf-8?Q?Gr=FC=DFe?= and =?utf-8?B?R3LDvMOfZQ==?=\r\n\r\nbody");
    expect(repairHeaders(raw).toString("latin1")).toBe(
      "Subject: =?windows-1252?Q?Gr=FC=DFe?= and =?utf-8?B?R3LDvMOfZQ==?=\r\n\r\nbody",
    );
  });

  test("a field with an encoded word keeps its raw bytes, which belong to the encoded word's charset", () => {
    const raw = latin1("Subject: =?iso-8859-1?Q?Fr\xf6sche?=\r\nX: \xe4\r\n\r\nbody");
    const fixed = repairHeaders(raw).toString("latin1");
    expect(fixed).toContain("Subject: =?iso-8859-1?Q?Fr\xf6sche?=");
    expect(fixed).toContain("X: \xc3\xa4");
  });
});
