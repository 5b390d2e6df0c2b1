/**
 * One email message as the transcript needs it: sender, time, subject, readable body, attachments — and the
 * messages it carries (a forward as `message/rfc822`, a bounce's returned message), each read the same way.
 * mailparser does the MIME work; this decides what a rep sees.
 */
import { lookup } from "mime-types";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { sentTime } from "../../../core/mail/date";
import { isEmailAddress } from "../../../core/transcript/handoff";
import type { HandoffAttachment, Party } from "../../../core/transcript/types";
import { attachmentName } from "./attachment-name";
import { bodyText } from "./body-text";
import { repairHeaders, relabelTextParts } from "./charset";
import { extractUuencoded, type UuencodedFile } from "./uuencode";

export interface ReadMessage {
  date: Date | null;
  from: Party;
  subject?: string;
  body: string;
  attachments: HandoffAttachment[];
  messageId?: string;
  /** A message carried inside another (forwarded or returned), placed after its carrier when it has no time. */
  carried: boolean;
  /** A delivery report (a bounce): written by a mail system, never the customer. */
  report: boolean;
  /** Its first recipient with an internet address: whom a returned message was for. */
  to?: Party;
}

export interface ReadResult {
  messages: ReadMessage[];
  warnings: string[];
  /** False when the bytes carry none of the headers an email has: not an email at all. */
  isEmail: boolean;
}

const PARSE_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true };
const CARRIED_TYPES = new Set(["message/rfc822", "message/global", "text/rfc822-headers"]);
/** A forward of a forward of a forward is still read; deeper nesting is kept as a file only. */
const MAX_DEPTH = 3;
/** A file with none of these headers is not an email (a text file named .eml). */
const EMAIL_HEADERS = ["from", "date", "subject", "message-id", "received", "to", "mime-version", "content-type"];

function rawHeaders(mail: ParsedMail, key: string): string[] {
  return mail.headerLines
    .filter((h) => h.key === key)
    .map((h) =>
      h.line
        .slice(h.line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { name?: string; address?: string } {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value)[0] ?? {};
}

/**
 * The sender. An address the toolkit's rule does not accept as a contact's email (`guest@localhost`: a domain
 * without a dot is not reachable on the internet, RFC 5321 §2.3.5) is kept as the sender's name, so the rep sees
 * it, and no contact is made from it. Dataverse would store it — an Email-format column is not validated
 * ("Data type format conversions", https://learn.microsoft.com/power-apps/developer/data-platform/data-type-format-conversions)
 * — but a reply from the case could never reach it.
 */
function sender(mail: ParsedMail, warn: (text: string) => void): Party {
  if (rawHeaders(mail, "from").length === 0) {
    warn("there is no From: header: the sender is unknown");
    return {};
  }
  const { name, address } = firstAddress(mail.from);
  const party: Party = {};
  if (name?.trim()) party.name = name.trim();
  if (address && isEmailAddress(address)) party.email = address;
  else if (address) {
    party.name = party.name ? `${party.name} (${address})` : address;
    warn(
      `From: ${address} is not an internet email address (it needs a dot in its domain), so it is shown as the ` +
        "sender's name and no contact is matched or made from it",
    );
  } else if (!party.name) warn(`From: ${JSON.stringify(rawHeaders(mail, "from")[0])} holds no address`);
  return party;
}

/** U+FFFD, or UTF-8 read as Latin-1 (`Ã©`): a part whose bytes do not fit its label. */
const MISREAD_RE = /\ufffd|[\u00c2-\u00f4][\u0080-\u00bf]/;

function misread(mail: ParsedMail): boolean {
  return [mail.text, mail.html, mail.subject].some((t) => typeof t === "string" && MISREAD_RE.test(t));
}

async function parse(raw: Buffer): Promise<ParsedMail> {
  const bytes = repairHeaders(raw);
  const mail = await simpleParser(bytes, PARSE_OPTIONS);
  if (!misread(mail) && !bytes.includes("multipart/digest")) return mail;
  const relabelled = await relabelTextParts(bytes);
  return relabelled === bytes ? mail : simpleParser(relabelled, PARSE_OPTIONS);
}

/**
 * The message's files, each with a name and an extension; a carried message (forward, bounce) is read in turn and
 * returned to join the thread, or, when it is no email, its text is added to the body.
 */
async function readAttachments(
  mail: ParsedMail,
  message: ReadMessage,
  uuencoded: UuencodedFile[],
  now: Date,
  depth: number,
  warn: (text: string) => void,
): Promise<ReadMessage[]> {
  const carried: ReadMessage[] = [];
  const add = (filename: string | undefined, type: string, content: Buffer): void => {
    const n = message.attachments.length + 1;
    message.attachments.push({
      filename: attachmentName(filename, type, n),
      contentType: type,
      contentBase64: content.toString("base64"),
    });
  };
  for (const a of mail.attachments.filter((part) => !part.related)) {
    const type = (a.contentType || "application/octet-stream").toLowerCase();
    add(a.filename, type, a.content);
    if (!CARRIED_TYPES.has(type) || depth >= MAX_DEPTH) continue;
    const inner = await readMessage(a.content, now, depth + 1);
    if (inner.isEmail) {
      carried.push(...inner.messages);
      inner.warnings.forEach((w) => warn(`attached message: ${w}`));
    } else if (inner.messages[0]?.body) {
      message.body += `${message.body ? "\n\n" : ""}[attached message]\n${inner.messages[0].body}`;
    }
  }
  for (const file of uuencoded) add(file.filename, lookup(file.filename) || "application/octet-stream", file.content);
  return carried;
}

export async function readMessage(raw: Buffer, now: Date, depth = 0): Promise<ReadResult> {
  const mail = await parse(raw);
  const warnings: string[] = [];
  const warn = (text: string): void => {
    warnings.push(text);
  };
  const isEmail = EMAIL_HEADERS.some((key) => rawHeaders(mail, key).length > 0);
  const time = sentTime(rawHeaders(mail, "date")[0], rawHeaders(mail, "received"), now);
  time.warnings.forEach(warn);
  const from = sender(mail, warn);
  const { text: body, files } = extractUuencoded(bodyText(mail.text, mail.html));
  const contentType = mail.headers.get("content-type") as { value?: string } | undefined;
  const report =
    contentType?.value?.toLowerCase() === "multipart/report" || /^(mailer-daemon|postmaster)@/i.test(from.email ?? "");
  const message: ReadMessage = { date: time.date, from, body, attachments: [], carried: depth > 0, report };
  const to = firstAddress(mail.to);
  if (to.address && isEmailAddress(to.address))
    message.to = to.name ? { name: to.name, email: to.address } : { email: to.address };
  if (mail.subject?.trim()) message.subject = mail.subject.trim();
  if (mail.messageId) message.messageId = mail.messageId;
  const carried = await readAttachments(mail, message, files, now, depth, warn);
  return { messages: [message, ...carried], warnings, isEmail };
}
