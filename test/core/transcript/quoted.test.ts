/**
 * PRODUCT.md §4 rule 5: what the reader folds as quoted, what it marks as signature, and what it leaves to the rep.
 * The attributions and header blocks are the strings Outlook, Gmail, Apple Mail and Thunderbird write.
 */
import { findQuotedRanges, readReplyParts } from "../../../core/transcript/quoted";
import { parseTranscript } from "../../../core/transcript/parse";
import { quotedText, signatureText, visible } from "../../fixtures/reply-view";

const OLD_MAIL = "Your invoice for November is attached.\nKind regards, Contoso Billing";

describe("quote lines", () => {
  test("lines starting with > are quoted, consecutive lines as one range", () => {
    expect(quotedText("Yes, please refund it.\n> Shall we refund\n> the second charge?")).toEqual([
      "> Shall we refund\n> the second charge?",
    ]);
  });

  test("an indented quote line is quoted", () => {
    expect(quotedText("Yes.\n  > Shall we refund the second charge?")).toEqual([
      "  > Shall we refund the second charge?",
    ]);
  });

  test("blank lines inside a > block stay in the one quote", () => {
    expect(quotedText("Yes.\n> first\n>\n\n> second")).toEqual(["> first\n>\n\n> second"]);
  });

  test("a link wrapped out of a > block stays in the quote", () => {
    const body = "Done.\n> View ticket (http://example.com/action\n_nonce=3dd518)\n> Thanks";
    expect(visible(body)).toBe("Done.");
  });

  test("a >>> link <<< banner is not a quote", () => {
    const body = "Visit us now\n>>> >>>  http://www.example.com <<<\nClick the link above";
    expect(quotedText(body)).toEqual([]);
  });

  test("a line of > marks on its own is not a quote", () => {
    expect(quotedText("Before\n>>>>>>>>>>>>\nAfter")).toEqual([]);
  });
});

describe("where a quote ends", () => {
  test("an answer written under the quote (bottom-posting) is the customer's", () => {
    const body =
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\n> Shall we refund it?\n\nYes, please.";
    expect(visible(body)).toBe("Yes, please.");
  });

  test("a sign-off after the quote is the customer's", () => {
    const body =
      "Thanks!\n\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\n\n> Your invoice\n\nRegards, Jane";
    expect(visible(body)).toBe("Thanks!\n\n\n\nRegards, Jane");
  });

  test("in an inline reply the quoted questions stay visible and only the trailing quote is folded", () => {
    const body = [
      "On Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:",
      "> Which card was charged?",
      "",
      "The Visa ending 4242.",
      "",
      "> When did you notice?",
      "",
      "This morning.",
      "",
      "> Kind regards, Contoso Billing",
    ].join("\n");
    expect(quotedText(body)).toEqual(["> Kind regards, Contoso Billing"]);
  });

  test("an attribution with unmarked quoted mail under it folds to the end of the body", () => {
    const body = `See below.\n\nOn Tue, 19 Nov 2026 at 18:02, Contoso <billing@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("See below.");
  });

  test("nothing is deleted: the body keeps the quoted text", () => {
    const t = parseTranscript(
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane (customer)\nnew\n> old\n\n--- End of transcript (1 messages) ---",
    );
    expect(t.messages[0]!.body).toBe("new\n> old");
    expect(t.messages[0]!.quoted).toEqual([{ start: 4, end: 9 }]);
  });

  test("findQuotedRanges reads a body given as lines", () => {
    expect(findQuotedRanges(["new", "> old"])).toEqual([{ start: 4, end: 9 }]);
  });
});

describe("attribution lines", () => {
  test("an attribution wrapped over two lines", () => {
    const body = `Thanks!\nOn Fri, May 6, 2026 at 6:03 PM, Contoso Billing from Contoso\n<billing@contoso.com> wrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("an attribution wrapped over three lines", () => {
    const body = `Thanks!\n\nOn Nov 19, 2026, at 6:02 PM, Contoso <\n7f3e2a9c5b1d4c1e@reply.contoso.com>\nwrote:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("an attribution wrapped over five lines, with a blank line and a '> wrote:' line", () => {
    const body = `Thanks!\n\nOn Tue, Nov 19, 2026 at 6:02 PM Contoso Billing\n\n<\nmailto:Contoso Billing <billing@contoso.com>\n> wrote:\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("an indented attribution", () => {
    const body = `Thanks!\n   On Nov 19, 2026 6:02 PM, "Contoso" <\nbilling@contoso.com> wrote:\n\n> Your invoice`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("an attribution at the end of a reply line splits the line", () => {
    const body = "Thanks! On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:\n> Your invoice";
    const [range] = readReplyParts(body).quoted;
    expect(body.slice(0, range!.start)).toBe("Thanks! ");
    expect(body.slice(range!.start)).toMatch(/^On Wed/);
  });

  test("dashes between the reply and the attribution go with the attribution", () => {
    expect(visible("Thanks--- On Wed, Nov 20, 2026 at 3:59 PM, billing@contoso.com wrote:\n> Hi")).toBe("Thanks");
  });

  test("'… sent:' is an attribution", () => {
    const body = `Thanks!\n\nOn 19-Nov-2026, at 6:02 PM, Contoso <billing@contoso.com> sent:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Thanks!");
  });

  test("'---- Name wrote ----' is an attribution", () => {
    expect(visible("Thanks!\n\n---- Contoso Billing wrote ----\n\n> Your invoice")).toBe("Thanks!");
  });

  test("'------On … wrote-----' is an attribution", () => {
    expect(visible(`Thanks!\n\n------On 19/11/2026 18:02, Contoso Billing wrote-----\n\n${OLD_MAIL}`)).toBe("Thanks!");
  });

  test("a date and address line directly above a > block is an attribution", () => {
    expect(visible("Thanks!\n2026/11/19 Contoso Billing <billing@contoso.com>\n\n> Your invoice")).toBe("Thanks!");
  });

  test("a mobile client's attribution without a date", () => {
    expect(visible("Thanks!\n\nSent from my phone Contoso <billing@contoso.com> wrote:\n\n> Your invoice")).toBe(
      "Thanks!",
    );
  });

  test("a line that only starts like an attribution is the customer's", () => {
    const body = "On your remote host you can run:\n\n    telnet 127.0.0.1 52698\n\nOn Monday I wrote:\nplease cancel";
    expect(quotedText(body)).toEqual([]);
  });

  test("the German Thunderbird attribution 'Am … schrieb …:' starts a quote", () => {
    const body = `Danke!\n\nAm 19.11.2026 um 18:02 schrieb Contoso Billing:\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Danke!");
  });

  // Gmail (G), Apple Mail (A) and Thunderbird (T) attributions, each followed by unmarked quoted mail: only the
  // attribution rule can fold it.
  test.each([
    ["English (G)", "On Tue, Nov 19, 2026 at 6:02 PM Jane Doe <jane@contoso.com> wrote:"],
    ["English (A)", "On Nov 19, 2026, at 18:02, Jane Doe <jane@contoso.com> wrote:"],
    ["English (T)", "On 19/11/2026 18:02, Jane Doe wrote:"],
    ["German (G)", "Am Di., 19. Nov. 2026 um 18:02 Uhr schrieb Jane Doe <jane@contoso.com>:"],
    ["German (A)", "Am 19.11.2026 um 18:02 schrieb Jane Doe <jane@contoso.com>:"],
    ["French (G)", "Le mar. 19 nov. 2026 à 18:02, Jane Doe <jane@contoso.com> a écrit :"],
    ["French (T)", "Le 19/11/2026 à 18:02, Jane Doe a écrit :"],
    ["Spanish (G)", "El mar, 19 nov 2026 a las 18:02, Jane Doe (<jane@contoso.com>) escribió:"],
    ["Spanish (T)", "El 19/11/26 a las 18:02, Jane Doe escribió:"],
    ["Portuguese (G)", "Em ter., 19 de nov. de 2026 às 18:02, Jane Doe <jane@contoso.com> escreveu:"],
    ["Italian (G)", "Il giorno mar 19 nov 2026 alle ore 18:02 Jane Doe <jane@contoso.com> ha scritto:"],
    ["Italian (T)", "Il 19/11/2026 18:02, Jane Doe ha scritto:"],
    ["Dutch (G)", "Op di 19 nov 2026 om 18:02 schreef Jane Doe <jane@contoso.com>:"],
    ["Dutch (A)", "Op 19 nov. 2026, om 18:02 heeft Jane Doe <jane@contoso.com> het volgende geschreven:"],
    ["Polish (G)", "wt., 19 lis 2026 o 18:02 Jane Doe <jane@contoso.com> napisał(a):"],
    ["Polish (T)", "W dniu 19.11.2026 o 18:02, Jane Doe pisze:"],
    ["Polish, wrapped", "W dniu 19 listopada 2026 18:02 użytkownik Jane Doe <jane@contoso.com>\nnapisał:"],
    ["Swedish (G)", "tis 19 nov. 2026 kl 18:02 skrev Jane Doe <jane@contoso.com>:"],
    ["Swedish (A)", "Den 19 nov. 2026 kl. 18:02 skrev Jane Doe <jane@contoso.com>:"],
    ["Norwegian (G)", "tir. 19. nov. 2026 kl. 18:02 skrev Jane Doe <jane@contoso.com>:"],
    ["Norwegian (A)", "På 19. nov. 2026 kl. 18:02, Jane Doe (jane@contoso.com) skrev:"],
    ["Danish (G)", "tir. 19. nov. 2026 kl. 18.02 skrev Jane Doe <jane@contoso.com>:"],
    ["Finnish (G)", "ti 19. marrask. 2026 klo 18.02 Jane Doe (jane@contoso.com) kirjoitti:"],
    ["Russian (G)", "вт, 19 нояб. 2026 г. в 18:02, Jane Doe <jane@contoso.com>:"],
    ["Russian (A)", "19 нояб. 2026 г., в 18:02, Jane Doe <jane@contoso.com> написал(а):"],
    ["Russian (T)", "19.11.2026 18:02, Jane Doe пишет:"],
    ["Russian, wrapped", '19.11.2026 18:02 пользователь "jane@contoso.com" <\njane@contoso.com> написал:'],
    ["Czech (G)", "út 19. 11. 2026 v 18:02 odesílatel Jane Doe <jane@contoso.com> napsal:"],
    ["Czech (T)", "Dne 19. 11. 2026 v 18:02 Jane Doe napsal(a):"],
    ["Turkish (G)", "19 Kas 2026 Sal, saat 18:02 tarihinde Jane Doe <jane@contoso.com> şunu yazdı:"],
    ["Japanese (G)", "2026年11月19日(火) 18:02 Jane Doe <jane@contoso.com>:"],
    ["Chinese (G)", "Jane Doe <jane@contoso.com> 于2026年11月19日周二 18:02写道："],
    ["Chinese (T)", "在 2026/11/19 18:02, Jane Doe 写道:"],
    ["Korean (G)", "2026년 11월 19일 (화) 오후 6:02, Jane Doe <jane@contoso.com>님이 작성:"],
    ["Vietnamese (G)", "Vào Th 3, 19 thg 11, 2026 vào lúc 18:02 Jane Doe <jane@contoso.com> đã viết:"],
    ["Arabic (G)", "\u202bفي الثلاثاء، 19 نوفمبر 2026 في 6:02 م، كتب Jane Doe <\u202ajane@contoso.com\u202c>:\u202c"],
    ["Hebrew (G)", "\u202bבתאריך יום ג׳, 19 בנוב׳ 2026 ב-18:02 מאת Jane Doe <\u202ajane@contoso.com\u202c>:\u202c"],
    ["Hebrew (A)", "ב-19 בנוב׳ 2026, בשעה 18:02, Jane Doe <jane@contoso.com> כתב/ה:"],
  ])("%s: %s", (_language, attribution) => {
    expect(visible(`Thanks, that helps.\n\n${attribution}\n\n${OLD_MAIL}`)).toBe("Thanks, that helps.");
  });
});

test("an attribution ending in an ideographic space, as a Japanese input method leaves it, starts a quote", () => {
  const attribution = "2026年11月19日(火) 18:02 Jane Doe <jane@contoso.com>:\u3000";
  expect(visible(`ありがとうございます。\n\n${attribution}\n\n${OLD_MAIL}`)).toBe("ありがとうございます。");
});

describe("what a reply with no quote marker holds", () => {
  test("a colon inside a sentence folds nothing", () => {
    const body = "Note: the charge is still there.\nI called at 18:02 and again at https://contoso.com/help today.";
    expect(readReplyParts(body)).toEqual({ quoted: [], signature: null });
  });

  test("an attribution that ends in dashes, with its only colon in the time, starts a quote", () => {
    const body =
      "Thanks, that helps.\nOn Tuesday, 19 November 2026 at 18:02 Jane Doe wrote --\nYour invoice is attached.";
    expect(visible(body)).toBe("Thanks, that helps.");
  });

  test("a run of device footers at the end is one signature", () => {
    const body = "Please call me.\nSent from my iPhone\nVon meinem iPad gesendet";
    expect(signatureText(body)).toBe("Sent from my iPhone\nVon meinem iPad gesendet");
  });
});

describe("Outlook header blocks and separators", () => {
  test.each([
    [
      "English",
      "From: Contoso <billing@contoso.com>",
      "Sent: Tuesday, November 19, 2026 6:02 PM",
      "To: Jane",
      "Subject: Invoice",
    ],
    [
      "German",
      "Von: Contoso <billing@contoso.com>",
      "Gesendet: Dienstag, 19. November 2026 18:02",
      "An: Jane",
      "Betreff: Rechnung",
    ],
    [
      "French",
      "De : Contoso <billing@contoso.com>",
      "Envoyé : mardi 19 novembre 2026 18:02",
      "À : Jane",
      "Objet : Facture",
    ],
    [
      "Spanish",
      "De: Contoso <billing@contoso.com>",
      "Enviado el: martes, 19 de noviembre de 2026 18:02",
      "Para: Jane",
      "Asunto: Factura",
    ],
    [
      "Portuguese",
      "De: Contoso <billing@contoso.com>",
      "Enviada em: terça-feira, 19 de novembro de 2026 18:02",
      "Para: Jane",
      "Assunto: Fatura",
    ],
    [
      "Italian",
      "Da: Contoso <billing@contoso.com>",
      "Inviato: martedì 19 novembre 2026 18:02",
      "A: Jane",
      "Oggetto: Fattura",
    ],
    [
      "Dutch",
      "Van: Contoso <billing@contoso.com>",
      "Verzonden: dinsdag 19 november 2026 18:02",
      "Aan: Jane",
      "Onderwerp: Factuur",
    ],
    [
      "Polish",
      "Od: Contoso <billing@contoso.com>",
      "Wysłano: wtorek, 19 listopada 2026 18:02",
      "Do: Jane",
      "Temat: Faktura",
    ],
    [
      "Swedish",
      "Från: Contoso <billing@contoso.com>",
      "Skickat: den 19 november 2026 18:02",
      "Till: Jane",
      "Ämne: Faktura",
    ],
    [
      "Norwegian",
      "Fra: Contoso <billing@contoso.com>",
      "Sendt: tirsdag 19. november 2026 18:02",
      "Til: Jane",
      "Emne: Faktura",
    ],
    ["Danish", "Fra: Contoso", "Sendt: 19. november 2026 18:02", "Til: Jane", "Emne: Faktura"],
    [
      "Finnish",
      "Lähettäjä: Contoso <billing@contoso.com>",
      "Lähetetty: tiistai 19. marraskuuta 2026 18.02",
      "Vastaanottaja: Jane",
      "Aihe: Lasku",
    ],
    ["Russian", "От: Contoso <billing@contoso.com>", "Отправлено: 19 ноября 2026 г. 18:02", "Кому: Jane", "Тема: Счёт"],
    [
      "Czech",
      "Od: Contoso <billing@contoso.com>",
      "Odesláno: úterý 19. listopadu 2026 18:02",
      "Komu: Jane",
      "Předmět: Faktura",
    ],
    [
      "Turkish",
      "Kimden: Contoso <billing@contoso.com>",
      "Gönderildi: 19 Kasım 2026 Salı 18:02",
      "Kime: Jane",
      "Konu: Fatura",
    ],
    [
      "Japanese",
      "差出人: Contoso <billing@contoso.com>",
      "送信日時: 2026年11月19日 18:02",
      "宛先: Jane",
      "件名: 請求書",
    ],
    [
      "Chinese",
      "发件人: Contoso <billing@contoso.com>",
      "发送时间: 2026年11月19日 18:02",
      "收件人: Jane",
      "主题: 发票",
    ],
    [
      "Korean",
      "보낸 사람: Contoso <billing@contoso.com>",
      "보낸 날짜: 2026년 11월 19일 화요일 오후 6:02",
      "받는 사람: Jane",
      "제목: 청구서",
    ],
    [
      "Vietnamese",
      "Từ: Contoso <billing@contoso.com>",
      "Đã gửi: Thứ Ba, 19 tháng 11, 2026 18:02",
      "Đến: Jane",
      "Chủ đề: Hóa đơn",
    ],
    [
      "Arabic",
      "من: Contoso <billing@contoso.com>",
      "تم الإرسال: الثلاثاء، 19 نوفمبر 2026 6:02 م",
      "إلى: Jane",
      "الموضوع: فاتورة",
    ],
    [
      "Hebrew",
      "מאת: Contoso <billing@contoso.com>",
      "נשלח: יום שלישי 19 נובמבר 2026 18:02",
      "אל: Jane",
      "נושא: חשבונית",
    ],
  ])("%s header block", (_language, ...header) => {
    expect(visible(`Please see below.\n\n${header.join("\n")}\n\n${OLD_MAIL}`)).toBe("Please see below.");
  });

  test("a header block that starts with Date:", () => {
    expect(visible("Blah\n\nDate: Wed, 16 May 2026 00:15:02 -0600\nTo: jane@contoso.com\n\nOld")).toBe("Blah");
  });

  test("a bold header block with From: wrapped before Sent:", () => {
    const body =
      "Hi\n\n  *From:* billing@contoso.com [mailto:\n  billing@contoso.com]\n  *Sent:* Wednesday, June 27, 2026 3:05 PM\n  *To:* jane@contoso.com\n  *Subject:* Hello\n\nOld";
    expect(visible(body)).toBe("Hi");
  });

  test("a header block written in capitals is folded like Outlook's own", () => {
    const body =
      "See below.\n\nFROM: Contoso <billing@contoso.com>\nSENT: Tuesday, November 19, 2026 6:02 PM\nTO: Jane\nSUBJECT: Invoice\n\nOld";
    expect(visible(body)).toBe("See below.");
    expect(visible("Siehe unten.\n\nVON: billing@contoso.com\nGESENDET: Dienstag\nBETREFF: Rechnung\n\nAlt")).toBe(
      "Siehe unten.",
    );
  });

  test("a key that only starts like a known key is not a header key", () => {
    // "Fromage:" and "Tomorrow:" begin with From and To; "Sentence:" with Sent.
    const body = "My order:\nFromage: brie <shop@contoso.com>\nSentence: guilty\nTomorrow: shipping\n\nWhere is it?";
    expect(quotedText(body)).toEqual([]);
  });

  test("the rule Outlook draws above its header block is folded with it", () => {
    const body =
      "Reply above the line\n________________________________\nFrom: Contoso [billing@contoso.com]\nSent: Friday, 23 March 2026 5:08 p.m.\nTo: Jane\nSubject: Invoice\n\nOld";
    expect(visible(body)).toBe("Reply above the line");
  });

  test("header-like lines without an address or Outlook's From:/Sent: pair are the customer's", () => {
    expect(quotedText("My booking:\nFrom: London\nTo: Paris\n\nPlease move it.")).toEqual([]);
    expect(quotedText("Invitation:\nDate: Wednesday 3, October 2026\nTime: 7:00am\nAddress: 130 Fox St")).toEqual([]);
    expect(quotedText("I wrote twice.\nSent: 19 Nov 2026 18:02\nTo: billing@contoso.com\n\nNo answer.")).toEqual([]);
  });

  test.each([
    "-----Original Message-----",
    "----- Original Message -----",
    "-----Reply Message-----",
    "-----Ursprüngliche Nachricht-----",
    "-----Antwort Nachricht-----",
    "-----Message d'origine-----",
    "-----Mensaje original-----",
    "-----Oprindelig meddelelse-----",
    "-----Ursprungligt meddelande-----",
    "-----Исходное сообщение-----",
  ])("everything from %s on is quoted", (separator) => {
    expect(visible(`New text\n\n${separator}\n\n${OLD_MAIL}`)).toBe("New text");
  });
});

describe("forwarded messages are content", () => {
  test.each([
    [
      "Gmail",
      "---------- Forwarded message ---------\nFrom: Contoso <billing@contoso.com>\nDate: Tue, Nov 19, 2026 at 6:02 PM\nSubject: Invoice\nTo: <jane@contoso.com>",
    ],
    [
      "Thunderbird",
      "-------- Forwarded Message --------\nSubject: Invoice\nDate: Tue, 19 Nov 2026 18:02:00 +0100\nFrom: Contoso <billing@contoso.com>",
    ],
    [
      "Apple Mail",
      "Begin forwarded message:\n\nFrom: Contoso <billing@contoso.com>\nDate: November 19, 2026 at 18:02:00 GMT+1\nSubject: Invoice",
    ],
    [
      "Apple Mail, French",
      "Début du message réexpédié :\n\nDe: Contoso <billing@contoso.com>\nDate: 19 novembre 2026 à 18:02:00 UTC+1",
    ],
    [
      "Gmail, German",
      "---------- Weitergeleitete Nachricht ---------\nVon: Contoso <billing@contoso.com>\nDate: Di., 19. Nov. 2026 um 18:02 Uhr",
    ],
    [
      "Outlook (FW: subject)",
      "From: Contoso <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\nTo: Jane\nSubject: FW: Invoice",
    ],
  ])("%s", (_client, forward) => {
    expect(quotedText(`FYI, see the invoice below.\n\n${forward}\n\n${OLD_MAIL}`)).toEqual([]);
  });

  test.each(["Subject: *FW:* Invoice", "*Betreff:*   WG: Rechnung", "Subject: fwd : Invoice", "Тема: Пересл: Счёт"])(
    "a subject written %s says the mail was forwarded",
    (subject) => {
      const block = `From: Contoso <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\n${subject}`;
      expect(quotedText(`FYI\n\n${block}\n\n${OLD_MAIL}`)).toEqual([]);
    },
  );

  test("a subject that only mentions forwarding, or whose FW has no colon on its line, is a reply's quote", () => {
    for (const subject of ["Subject: Invoice (FW: see below)", "Subject: Fwdx: Invoice", "Subject: FW\n: Invoice"]) {
      const block = `From: Contoso <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\n${subject}`;
      expect(quotedText(`My reply\n\n${block}\n\n${OLD_MAIL}`)).not.toEqual([]);
    }
  });

  test("a forwarded message inside a quote stays in the quote", () => {
    const body = `Blah\n\n-----Original Message-----\n\nFYI\n\n---------- Forwarded message ----------\nFrom: a@contoso.com\n\n${OLD_MAIL}`;
    expect(visible(body)).toBe("Blah");
  });
});

describe("signatures and device footers are their own kind", () => {
  test("'-- ' starts the signature", () => {
    const body = "Please refund it.\n\n-- \nJane Doe\nContoso Ltd.";
    expect(signatureText(body)).toBe("-- \nJane Doe\nContoso Ltd.");
    expect(readReplyParts(body).quoted).toEqual([]);
  });

  test("'--' without the space starts the signature", () => {
    expect(signatureText("Please refund it.\n\n--\nJane")).toBe("--\nJane");
  });

  test("a signature is never part of a quoted range", () => {
    const body = "Please refund it.\n\n-- \nJane\n\nOn Tue, 19 Nov 2026 at 18:02, Contoso <b@contoso.com> wrote:\n> Hi";
    const { quoted, signature } = readReplyParts(body);
    expect(body.slice(signature!.start, signature!.end)).toBe("-- \nJane");
    expect(quoted.every((q) => q.start >= signature!.end || q.end <= signature!.start)).toBe(true);
  });

  test.each([
    "Sent from my iPhone",
    "Sent from my Verizon Wireless BlackBerry",
    "Get Outlook for Android",
    "Von meinem iPhone gesendet",
    "Envoyé de mon iPad",
    "Enviado desde mi iPhone",
    "Enviado do meu iPhone",
    "Inviato da iPhone",
    "Verzonden vanaf mijn iPhone",
    "Skickat från min iPhone",
    "Sendt fra min iPhone",
    "Wysłane z iPhone'a",
    "Отправлено с iPhone",
    "Odesláno z iPhonu",
    "Lähetetty iPhonesta",
    "iPhone'dan gönderildi",
    "iPhoneから送信",
    "发自我的iPhone",
    "iPhone에서 보냄",
    "Được gửi từ iPhone của tôi",
    "أرسلت من iPhone",
    "נשלח מה-iPhone שלי",
  ])("the device footer '%s' is the signature", (footer) => {
    expect(signatureText(`Please refund it.\n\n${footer}\n`)).toBe(footer);
  });

  test("a device footer above a trailing quote is the signature", () => {
    const body = "Hello\n\nSent from my iPhone\n\nOn Apr 3, 2026, at 4:19 PM, Contoso <b@contoso.com> wrote:\n\n> Hi";
    expect(signatureText(body)).toBe("Sent from my iPhone");
  });

  test("a '-Name' sign-off and a mailing-list footer are the signature", () => {
    const body = "How do I clear a bucket?\n\n-Jane Doe\n\n\n________\nusers mailing list\nusers@lists.example.com";
    expect(signatureText(body)).toBe("-Jane Doe\n\n\n________\nusers mailing list\nusers@lists.example.com");
  });

  test("a sentence that starts like a device footer is the customer's", () => {
    expect(signatureText("Here it is.\n\nSent from my desk, which is easier than my phone.")).toBeNull();
  });

  test("'--' inside a line is not a signature", () => {
    expect(signatureText("Here is a fix -- this is not a signature.\n\nThanks")).toBeNull();
  });

  test("a body without a signature has none", () => {
    expect(readReplyParts("Please refund it.\nThanks, Jane").signature).toBeNull();
  });

  test("the parser gives each message its signature", () => {
    const t = parseTranscript(
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane (customer)\nPlease refund it.\n\nSent from my iPhone\n\n--- End of transcript (1 messages) ---",
    );
    expect(t.messages[0]!.signature).toEqual({ start: 19, end: 38 });
  });
});
