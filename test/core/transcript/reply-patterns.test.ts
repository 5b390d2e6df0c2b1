/**
 * The words and marks the reply reader (quoted.ts) looks for, each read on its own: the header keys of Outlook's
 * block, the attribution's lead words, verb, date and time, the separators and footers mail clients write.
 */
import {
  DASH_NAME_RE,
  DATE_RE,
  DEVICE_FOOTER_RE,
  EMBEDDED_LEAD_RE,
  FORWARD_RE,
  headerKeyOf,
  isForwardSubject,
  ORIGINAL_MESSAGE_RE,
  RULE_LINE_RE,
  SIGNATURE_DELIMITER_RE,
  STRONG_START_RE,
  TIME_RE,
  VERB_LAST_RE,
  VERB_RE,
  WEAK_START_RE,
} from "../../../core/transcript/reply-patterns";

describe("Outlook header keys", () => {
  test.each([
    ["From: Jane", "from"],
    ["FROM: Jane", "from"],
    ["fRoM: Jane", "from"],
    ["Sent: Tuesday", "sent"],
    ["Date: Tuesday", "date"],
    ["To: Sam", "to"],
    ["Cc: Sam", "to"],
    ["Subject: Invoice", "subject"],
    ["Betreff: Rechnung", "subject"],
    ["Тема: Счёт", "subject"],
    ["тема: Счёт", "subject"],
    ["Ämne: Faktura", "subject"],
    ["ämne: Faktura", "subject"],
    ["差出人：山田", "from"],
    ["보낸 사람: 김", "from"],
    ["*Sent:* Tuesday", "sent"],
    ["**From** : Jane", "from"],
  ])("%j starts with the key %s", (line, key) => {
    expect(headerKeyOf(line)).toBe(key);
  });

  test.each([
    ["Fromm: Jane"],
    ["Fro: Jane"],
    ["Sent Date: Tuesday"],
    ["Ωmega: x"],
    ["\u0080x: y"],
    ["a note without a colon"],
    [": From"],
    ["From Jane"],
    ["Dear Jane, from: me"],
  ])("%j starts with no known key", (line) => {
    expect(headerKeyOf(line)).toBeNull();
  });

  test.each([
    ["tab", "\t"],
    ["line feed", "\n"],
    ["vertical tab", "\u000b"],
    ["form feed", "\f"],
    ["carriage return", "\r"],
    ["space", " "],
    ["no-break space", "\u00a0"],
    ["ogham space", "\u1680"],
    ["en quad", "\u2000"],
    ["four-per-em space", "\u2005"],
    ["hair space", "\u200a"],
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
    ["narrow no-break space", "\u202f"],
    ["medium mathematical space", "\u205f"],
    ["ideographic space", "\u3000"],
    ["byte order mark", "\ufeff"],
  ])("a key with a %s on both sides is still the key", (_name, space) => {
    expect(headerKeyOf(`${space}From${space}: Jane`)).toBe("from");
  });

  test.each([
    ["backspace", "\u0008"],
    ["shift out", "\u000e"],
    ["Greek letter before the spaces", "\u1fff"],
    ["zero-width space", "\u200b"],
    ["ideographic comma", "\u3001"],
  ])("a %s is not white space around a key", (_name, other) => {
    expect(headerKeyOf(`${other}From: Jane`)).toBeNull();
    expect(headerKeyOf(`From${other}: Jane`)).toBeNull();
  });

  test("a key's colon must come within 25 characters of the line's start", () => {
    expect(headerKeyOf(`${" ".repeat(20)}From: Jane`)).toBe("from");
    expect(headerKeyOf(`${" ".repeat(21)}From: Jane`)).toBeNull();
  });

  test("only the part of the text between from and to is read", () => {
    expect(headerKeyOf("> From: Jane", 2)).toBe("from");
    expect(headerKeyOf("From: Jane", 0, 4)).toBeNull();
    expect(headerKeyOf("xxFrom: Jane", 2, 7)).toBe("from");
  });
});

describe("a subject that says the mail was forwarded", () => {
  test.each([
    ["Subject: FW: Invoice"],
    ["Subject:Fwd: Invoice"],
    ["Subject:\u3000WG: Rechnung"],
    ["主题：转发：发票"],
    ["件名：FW：請求書"],
  ])("%j was forwarded", (line) => {
    expect(isForwardSubject(line, 0, line.length)).toBe(true);
  });

  test("a line without a colon says nothing about forwarding", () => {
    expect(isForwardSubject("Betreff WG Rechnung", 0, 19)).toBe(false);
  });

  test("a subject that only mentions forwarding later on was not forwarded", () => {
    const line = "Subject: Invoice FW: copy";
    expect(isForwardSubject(line, 0, line.length)).toBe(false);
  });

  test("a forward mark past the end of the line's part is not read", () => {
    expect(isForwardSubject("Subject: FW: Invoice", 0, 11)).toBe(false);
    expect(isForwardSubject("Subject: FW: Invoice", 0, 12)).toBe(true);
  });

  test("the line's part starts where it is told to", () => {
    expect(isForwardSubject("Note: x Subject: FW: y", 8, 22)).toBe(true);
  });
});

describe("separators and signatures", () => {
  test("Outlook's rule is five or more underscores or dashes, alone on its line", () => {
    expect(["_____", "__________", "-----", "----------"].map((l) => RULE_LINE_RE.test(l))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["____", "----", "_____ x", "x _____", "__-__"].map((l) => RULE_LINE_RE.test(l))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test("a signature starts at '--', at '-- ' and a short name, or at a rule of underscores", () => {
    expect(
      ["--", "-- Jane", `-- J${"x".repeat(30)}`, "__", "_____"].map((l) => SIGNATURE_DELIMITER_RE.test(l)),
    ).toEqual([true, true, true, true, true]);
  });

  test("a long line after '-- ', a single underscore or three dashes start no signature", () => {
    expect(
      [`-- J${"x".repeat(31)}`, "-- ", "_", "---", "x--", "-- Jane\nx"].map((l) => SIGNATURE_DELIMITER_RE.test(l)),
    ).toEqual([false, false, false, false, false, false]);
  });

  test("a '-Name' sign-off is a dash and up to three words of letters", () => {
    expect(
      ["-Abhishek Kona", "-J", "-Anne Marie O'Brien", "-Zoë", "-J. R. R."].map((l) => DASH_NAME_RE.test(l)),
    ).toEqual([true, true, true, true, true]);
    expect(
      ["- Jane", "-Anne Marie de Vries", "-Jane 2", "-1st", "x-Jane", "-Jane "].map((l) => DASH_NAME_RE.test(l)),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe("Outlook's original-message line and forwarded-message lines", () => {
  test.each([
    ["-----Original Message-----"],
    ["--Original Message--"],
    ["----- Original Message -----"],
    ["-----ORIGINAL MESSAGE-----"],
    ["-----Ursprüngliche Nachricht-----"],
    ["-----原始邮件-----"],
  ])("%j starts the original message", (line) => {
    expect(ORIGINAL_MESSAGE_RE.test(line)).toBe(true);
  });

  test.each([
    ["-Original Message-"],
    ["-----Original Message-----x"],
    ["x-----Original Message-----"],
    ["Original Message"],
  ])("%j does not", (line) => {
    expect(ORIGINAL_MESSAGE_RE.test(line)).toBe(false);
  });

  test.each([
    ["---------- Forwarded message ---------"],
    ["-------- Forwarded Message --------"],
    ["Begin forwarded message:"],
    ["Forwarded message"],
    ["---------- Weitergeleitete Nachricht ----------"],
    ["Début du message réexpédié :"],
    ["転送されたメッセージ："],
  ])("%j starts a forwarded message", (line) => {
    expect(FORWARD_RE.test(line)).toBe(true);
  });

  test.each([["Forwarded message: see below"], ["I forwarded message 3"], ["Begin forwarded message: x"]])(
    "%j does not",
    (line) => {
      expect(FORWARD_RE.test(line)).toBe(false);
    },
  );
});

describe("the parts of an attribution line", () => {
  test("a clock time has one or two digits, a separator and two digits", () => {
    expect(["18:02", "6.02", "18h02", "at 9:30 pm"].map((t) => TIME_RE.test(t))).toEqual([true, true, true, true]);
    expect(["1802", "18:2", "18-02", "h02"].map((t) => TIME_RE.test(t))).toEqual([false, false, false, false]);
  });

  test("a date has a four-digit year, or day, month and a two-digit year", () => {
    expect(["2026", "19.11.26", "19/11/26", "1-1-26", "19.11.2026"].map((t) => DATE_RE.test(t))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["19.11", "123", "19.11.6", "19 11 26"].map((t) => DATE_RE.test(t))).toEqual([false, false, false, false]);
  });

  test("a line starts with a date, perhaps after a word of up to four letters", () => {
    expect(
      ["19.11.2026 18:02", "tis 19 nov. 2026", "вт, 19 нояб.", "Mon. 19 Nov", "> 19 Nov", "ב-19 בנוב׳", "abcd 1"].map(
        (l) => WEAK_START_RE.test(l),
      ),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(["Monday 19 Nov", "abcde 1", "Nov", "Invoice 19"].map((l) => WEAK_START_RE.test(l))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  test("an attribution starts with its lead word, after quote marks, dashes or direction marks", () => {
    expect(
      [
        "On Wed, 19 Nov",
        "> On Wed",
        "-- On Wed",
        "\u200eOn Wed",
        "Am 19.11.2026",
        "W dniu 19",
        "在2026年",
        "在 2026年",
      ].map((l) => STRONG_START_RE.test(l)),
    ).toEqual([true, true, true, true, true, true, true, true]);
    expect(["Online today", "Once more", "在这里", "x On Wed", "on Wed"].map((l) => STRONG_START_RE.test(l))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test("a lead word inside a line follows a space or two dashes", () => {
    const at = (line: string) => {
      EMBEDDED_LEAD_RE.lastIndex = 0;
      return EMBEDDED_LEAD_RE.exec(line)?.index ?? -1;
    };
    expect(at("Thanks! On Wed, Jane wrote:")).toBe(8);
    expect(at("reply--- On Wed")).toBe(5);
    expect(at("Canon Wed")).toBe(-1);
    expect(at("reply-On Wed")).toBe(-1);
  });

  test("the verb is a whole word, in any case", () => {
    expect(
      ["Jane wrote:", "JANE WROTE:", "Jane a  écrit :", "Jan napisał(a):", "Анна написала:", "Jane כתב/ה:"].map((l) =>
        VERB_RE.test(l),
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(["Jane rewrote it", "wroteness", "Анна перенаписала", "Jane wrotE2"].map((l) => VERB_RE.test(l))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  test("the verb ends the attribution, perhaps with a colon and dashes after it", () => {
    expect(
      ["Jane wrote:", "Jane wrote -----", "Jane a écrit :", "张三写道：", "Jane wrote"].map((l) =>
        VERB_LAST_RE.test(l),
      ),
    ).toEqual([true, true, true, true, true]);
    expect(["Jane wrote: hello", "Jane rewrote:", "wrote: x -"].map((l) => VERB_LAST_RE.test(l))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("device and app footers", () => {
  test.each([
    ["Sent from my iPhone"],
    ["Sent from my iPhone."],
    ["sent via Outlook"],
    ["Sent with Sparrow"],
    ["Get Outlook for Android"],
    ["Von meinem iPhone gesendet"],
    ["Envoyé de mon iPad"],
    ["Enviado desde mi Samsung"],
    ["Inviato dal mio iPhone"],
    ["Verzonden vanaf mijn iPhone"],
    ["Skickat från min iPhone"],
    ["Sendt fra min iPhone"],
    ["Wysłane z mojego iPhone’a"],
    ["Отправлено с iPhone"],
    ["Odesláno z iPhonu"],
    ["iPhone'dan gönderildi"],
    ["iPhoneから送信"],
    ["发自我的iPhone"],
    ["iPhone에서 보냄"],
    ["Được gửi từ iPhone của tôi"],
    ["أُرسلت من iPhone"],
    ["נשלח מ-iPhone"],
    [`Sent from my ${"x".repeat(40)}`],
  ])("%j is a device footer", (line) => {
    expect(DEVICE_FOOTER_RE.test(line)).toBe(true);
  });

  test.each([
    [`Sent from my ${"x".repeat(41)}`],
    ["I sent from my desk"],
    ["Sent from my iPhone, sorry"],
    ["Get Outlook for"],
  ])("%j is not", (line) => {
    expect(DEVICE_FOOTER_RE.test(line)).toBe(false);
  });
});
