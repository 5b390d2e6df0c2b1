/**
 * What mail clients write above the text they quote, in the languages Outlook, Gmail, Apple Mail and Thunderbird ship
 * (English, German, French, Spanish, Portuguese, Italian, Dutch, Polish, Swedish, Norwegian, Danish, Finnish, Russian,
 * Czech, Turkish, Japanese, Chinese, Korean, Vietnamese, Arabic, Hebrew). Kept as compact alternations: this file is
 * part of the control's bundle (PRODUCT.md §9, ≤ 25 KB gzip). Patterns with `\p{…}` or look-behind are built with
 * `new RegExp(…)`: the control's build compiles regular-expression literals for older browsers, and would expand
 * `\p{L}` into tens of kilobytes of character ranges.
 */

/** Letters that make a word go on: a verb must not be part of a longer word ("wrote" in "rewrote"). */
const WORDY = "A-Za-zÀ-ÿĀ-žА-яЁё";

/**
 * The verb of an attribution line: "wrote", "schrieb", "a écrit", "escribió", "escreveu", "ha scritto", "schreef" /
 * "het volgende geschreven", "napisał(a)" / "pisze", "skrev", "kirjoitti", "написал(а)" / "пишет", "napsal(a)",
 * "yazdı", "đã viết", "写道", "작성" / "쓴 글", "書きました", "كتب", "כתב/ה", and "sent" (some mobile clients).
 */
const VERBS =
  "wrote|writes|sent|schrieb|schreibt|a\\s+écrit|escribió|escreveu|scritto|scrive|schreef|geschreven|napisał(?:a|\\(a\\))?|pisze|skrev|kirjoitti|написала?|написал\\(а\\)|пишет|napsala?|napsal\\(a\\)|yazdı|đã\\s+viết|写道|寫道|작성|쓴\\s*글|書きました|كتب|כתב(?:\\/?ה)?";

export const VERB_RE = new RegExp(`(?<![${WORDY}])(?:${VERBS})(?![${WORDY}])`, "i");
/** The verb ends the attribution: "… wrote:", "… wrote -----", "… a écrit :", "… 写道：". */
export const VERB_LAST_RE = new RegExp(`(?<![${WORDY}])(?:${VERBS})\\s*[:：]?\\s*-*$`, "i");

/**
 * Words an attribution starts with: "On …" (English), "Am …" (German), "Le …" (French), "El …" (Spanish), "Em …"
 * (Portuguese), "Il …" / "Il giorno …" (Italian), "Op …" (Dutch), "W dniu …" (Polish), "Den …" / "På …"
 * (Swedish, Danish, Norwegian), "Dne …" (Czech), "Vào …" (Vietnamese), "在 …" (Chinese), "في …" (Arabic),
 * "בתאריך …" (Hebrew).
 */
const LEADS = "On|Am|Le|El|Em|Il|Op|W dniu|Den|den|På|Dne|Dňa|Vào|في|בתאריך";
/** Indentation, `>`, `*`, dashes and bidirectional marks some clients put before an attribution. */
const PREFIX = "[\\s>*\\-\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]*";
export const STRONG_START_RE = new RegExp(`^${PREFIX}(?:(?:${LEADS})\\s|在\\s?\\d)`);
/** The same words inside a line, after the reply it ends ("Thanks! On Wed, … wrote:", "reply--- On …"). */
export const EMBEDDED_LEAD_RE = new RegExp(`(?:-{2,}\\s*|(?<=\\s))(?:${LEADS})\\s`, "g");
/**
 * A line that starts with a date, perhaps after a short weekday or preposition: Gmail's "tis 19 nov. 2026 kl 18:02
 * skrev …", "вт, 19 нояб. 2026 г. в 18:02, …", "2026年11月19日(火) 18:02 …", "ב-19 בנוב׳ …", Thunderbird's
 * "19.11.2026 18:02, … пишет:".
 */
export const WEAK_START_RE = new RegExp(`^${PREFIX}(?:\\p{L}{1,4}[.,-]*\\s*)?\\d`, "u");

/** A clock time ("18:02", "6.02", "18h02") or an address: real attributions have one or the other. */
export const TIME_RE = /\d{1,2}[:.h]\d{2}/;
export const DATE_RE = /\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

/** Outlook's "-----Original Message-----" line and its translations (and "Reply Message", "Antwort Nachricht"). */
export const ORIGINAL_MESSAGE_RE =
  /^-{2,}\s*(?:original message|reply message|ursprüngliche nachricht|antwort nachricht|message d'origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|ursprungligt meddelande|opprinnelig melding|oprindelig meddelelse|wiadomość oryginalna|oryginalna wiadomość|исходное сообщение|původní zpráva|alkuperäinen viesti|orijinal mesaj|özgün ileti|原始邮件|原始郵件|元のメッセージ|원본 메시지|thư gốc|الرسالة الأصلية|הודעה מקורית)\s*-{2,}$/i;

/**
 * A forwarded message starts here: Gmail's "---------- Forwarded message ---------", Thunderbird's "-------- Forwarded
 * Message --------", Apple Mail's "Begin forwarded message:", and their translations. Forwarded mail is content.
 */
export const FORWARD_RE =
  /^-*\s*(?:forwarded message|begin forwarded message|weitergeleitete nachricht|anfang der weitergeleiteten nachricht|message transféré|début du message (?:réexpédié|transféré)|mensaje reenviado|mensaje original reenviado|mensagem encaminhada|messaggio inoltrato|inizio messaggio inoltrato|doorgestuurd bericht|begin doorgestuurd bericht|vidarebefordrat meddelande|videresendt (?:melding|meddelelse)|przekazana wiadomość|wiadomość przekazana|пересылаемое сообщение|переадресованное сообщение|přeposlaná zpráva|välitetty viesti|iletilen ileti|転送されたメッセージ|转发的邮件|轉寄的郵件|전달된 메시지|tin nhắn đã chuyển tiếp|رسالة مُعاد توجيهها|رسالة معاد توجيهها|הודעה שהועברה)\s*[:：]?\s*-*$/i;

/** A subject that says the mail under an Outlook header block was forwarded (FW:, Fwd:, WG:, TR:, RV:, VS:, ENC:…). */
const FORWARD_SUBJECT_RE = /(?:fw|fwd|wg|tr|rv|vs|vb|enc|doorst|pd|пересл|i|转发|轉寄|전달)\s*[:：]/iy;

export type HeaderKey = "from" | "sent" | "date" | "to" | "subject";

/** Outlook header keys in each language: "From:", "Von:", "De :", "Från:", "差出人:", "보낸 사람:"… */
const HEADER_KEYS: Record<HeaderKey, string> = {
  from: "from|von|de|van|från|fra|od|от|da|lähettäjä|kimden|发件人|寄件者|差出人|보낸 사람|từ|من|מאת",
  sent: "sent|gesendet|envoyé|enviado el|enviado em|enviada em|enviado|enviada|inviato|verzonden|skickat|sendt|wysłano|wysłane|отправлено|odesláno|lähetetty|gönderildi|gönderilme tarihi|发送时间|已发送|傳送時間|寄件日期|送信日時|보낸 날짜|đã gửi|تاريخ الإرسال|تم الإرسال|أرسلت|נשלח",
  date: "date|datum|fecha|data|дата|päivämäärä|tarih|日期|日付|날짜|ngày|التاريخ|תאריך",
  to: "to|an|à|a|para|aan|till|til|do|кому|komu|vastaanottaja|kime|收件人|收件者|宛先|받는 사람|đến|إلى|אל|cc|kopie|copie|kopia|копия|kopio|bilgi|抄送|副本|참조",
  subject:
    "subject|betreff|objet|asunto|assunto|oggetto|onderwerp|ämne|emne|temat|тема|předmět|aihe|konu|主题|主旨|件名|제목|chủ đề|الموضوع|נושא",
};

interface KeyName {
  lower: string;
  /** The same name in capitals, character for character (the name itself when capitals would change its length). */
  upper: string;
  kind: HeaderKey;
}
/**
 * Key names by their first character, in either case: a line's key is compared with the few that can match, in place
 * and in any case, without cutting it out of the line. ASCII first characters index an array, others a map. This runs
 * on every line of a reply that has a colon near its start.
 */
const KEY_NAMES_ASCII: KeyName[][] = Array.from({ length: 128 }, () => []);
const KEY_NAMES_OTHER = new Map<number, KeyName[]>();
for (const [kind, names] of Object.entries(HEADER_KEYS) as [HeaderKey, string][]) {
  for (const lower of names.split("|")) {
    const capitals = lower.toUpperCase();
    const name = { lower, upper: capitals.length === lower.length ? capitals : lower, kind };
    for (const first of new Set([name.lower.charCodeAt(0), name.upper.charCodeAt(0)])) {
      if (first < 128) KEY_NAMES_ASCII[first]?.push(name);
      else KEY_NAMES_OTHER.set(first, [...(KEY_NAMES_OTHER.get(first) ?? []), name]);
    }
  }
}
const NO_KEY_NAMES: readonly KeyName[] = [];

function isKeyName(text: string, at: number, name: KeyName): boolean {
  for (let i = 1; i < name.lower.length; i++) {
    const code = text.charCodeAt(at + i);
    if (code !== name.lower.charCodeAt(i) && code !== name.upper.charCodeAt(i)) return false;
  }
  return true;
}

/** What `String.prototype.trim` and `\s` count as white space, and the `*` of a bold key. */
function isKeyEdge(code: number): boolean {
  return (
    code === 42 ||
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A header key's colon comes within this many characters of its line's start (the longest key is 17 characters). */
export const KEY_COLON_WITHIN = 25;

/**
 * Which Outlook header key the text from `from` to `to` starts with ("*Sent:* …" → "sent"), or null. The text has no
 * indentation; the key is what comes before the first colon, without bold marks. Read by index: this runs on every
 * line of a reply that has a colon near its start.
 */
export function headerKeyOf(text: string, from = 0, to = text.length): HeaderKey | null {
  let colon = -1;
  for (let at = from; at < to && at < from + KEY_COLON_WITHIN; at++) {
    const code = text.charCodeAt(at);
    if (code === 58 || code === 0xff1a) {
      colon = at;
      break;
    }
  }
  if (colon <= from) return null;
  let keyStart = from;
  let keyEnd = colon;
  while (keyStart < keyEnd && isKeyEdge(text.charCodeAt(keyStart))) keyStart++;
  while (keyEnd > keyStart && isKeyEdge(text.charCodeAt(keyEnd - 1))) keyEnd--;
  const first = text.charCodeAt(keyStart);
  const names = first < 128 ? (KEY_NAMES_ASCII[first] as KeyName[]) : (KEY_NAMES_OTHER.get(first) ?? NO_KEY_NAMES);
  const length = keyEnd - keyStart;
  for (const name of names) if (name.lower.length === length && isKeyName(text, keyStart, name)) return name.kind;
  return null;
}

/**
 * Whether the header line from `from` to `to` ("Subject: FW: Invoice", "*Betreff:* WG: Rechnung") has a subject that
 * says the mail was forwarded. Read in place: the value is matched where it starts in the line.
 */
export function isForwardSubject(text: string, from: number, to: number): boolean {
  let at = from;
  while (at < to && text.charCodeAt(at) !== 58 && text.charCodeAt(at) !== 0xff1a) at++;
  at++;
  while (at < to && isKeyEdge(text.charCodeAt(at))) at++;
  FORWARD_SUBJECT_RE.lastIndex = at;
  return FORWARD_SUBJECT_RE.test(text) && FORWARD_SUBJECT_RE.lastIndex <= to;
}

/** A rule Outlook draws above its header block: "________________________________" or "-----------------". */
export const RULE_LINE_RE = /^(?:_{5,}|-{5,})$/;

/** A signature delimiter: "-- " (RFC 3676), "--", a "-- Name" one-liner, or a mailing-list footer rule "____". */
export const SIGNATURE_DELIMITER_RE = /^(?:--|-- \S.{0,30}|_{2,})$/;

/** A sign-off written as "-Name" directly under the reply ("-Abhishek Kona"). */
export const DASH_NAME_RE = new RegExp(String.raw`^-\p{L}[\p{L}.'’]*(?: [\p{L}.'’]+){0,2}$`, "u");

/**
 * Device and app footers: "Sent from my iPhone", "Sent with Sparrow", "Get Outlook for Android", "Von meinem iPhone
 * gesendet", "Envoyé de mon iPad", "Enviado desde mi…", "Enviado do meu…", "Inviato da…", "Verzonden vanaf mijn…",
 * "Skickat från min…", "Sendt fra min…", "Wysłane z…", "Отправлено с…", "Odesláno z…", "Lähetetty…",
 * "…'dan gönderildi", "iPhoneから送信", "发自我的iPhone", "…에서 보냄", "Được gửi từ…", "أُرسلت من…", "נשלח מ…".
 */
export const DEVICE_FOOTER_RE = new RegExp(
  String.raw`^(?:sent (?:from|with|via) (?:my )?[\w .'’&-]{1,40}|get outlook for \w+|von meinem [\w ]{1,30} gesendet|gesendet von (?:meinem )?[\w ]{1,30}|envoyé (?:de|depuis) mon [\w ]{1,30}|enviado (?:desde|de|do) (?:mi|meu|o meu) [\w ]{1,30}|inviato da(?:l mio)? [\w ]{1,30}|verzonden (?:vanaf|met|van) (?:mijn )?[\w ]{1,30}|skickat från (?:min )?[\w ]{1,30}|sendt fra (?:min )?[\w ]{1,30}|wysłane z (?:mojego |mojej )?[\w '’]{1,30}|отправлено (?:с|из) [\p{L}\w ]{1,30}|odesláno z [\p{L}\w ]{1,30}|lähetetty [\p{L}\w ]{1,30}|[\w ]{1,30}['’]?(?:dan|den|tan|ten) gönderildi|[\w ]{1,20}から送信|发自我的[\w ]{1,20}|從我的[\w ]{1,20}傳送|[\w ]{1,20}에서 보냄|được gửi từ [\p{L}\w ]{1,30}|أُ?رسلت من [\p{L}\w ]{1,30}|נשלח מ[\p{L}\w -]{1,30})\.?$`,
  "iu",
);
