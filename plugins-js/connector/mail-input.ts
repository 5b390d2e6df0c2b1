/**
 * An email thread as a handoff (PRODUCT.md §8 input): one .eml message or an mbox of several, parsed with
 * `mailparser` (MIME, encodings, HTML bodies turned into text, attachments kept). The earliest message's sender is
 * the customer; the thread root's Message-ID names the handoff, so the same thread sent twice is one case.
 */
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { createHash } from "node:crypto";
import { htmlToText } from "../../core/transcript/html";
import type { InputProblem } from "../../core/transcript/handoff";
import type { Handoff, HandoffMessage } from "../../core/transcript/types";

export interface MailOptions {
  classification?: string;
  sentiment?: string;
  handoffId?: string;
}

/** mbox: messages start at a "From " line; ">From " lines inside bodies are unescaped (mboxrd). */
export function splitMbox(text: string): string[] {
  if (!text.startsWith("From ")) return [text];
  const messages: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("From ")) {
      if (current) messages.push(current.join("\r\n"));
      current = [];
      continue;
    }
    current?.push(line.replace(/^>(>*From )/, "$1"));
  }
  if (current) messages.push(current.join("\r\n"));
  return messages.filter((m) => m.trim() !== "");
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { name?: string; email?: string } {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const address = list.flatMap((a) => a.value)[0];
  const out: { name?: string; email?: string } = {};
  if (address?.name) out.name = address.name;
  if (address?.address) out.email = address.address;
  return out;
}

function bodyOf(mail: ParsedMail): string {
  const text = mail.text ?? (typeof mail.html === "string" ? htmlToText(mail.html) : "");
  return text.replace(/\r\n/g, "\n").replace(/\s+$/, "");
}

export async function handoffFromMail(
  raw: Buffer,
  options: MailOptions,
): Promise<{ handoff: unknown; problems: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const parts = splitMbox(raw.toString("latin1"));
  const mails = await Promise.all(parts.map((p) => simpleParser(Buffer.from(p, "latin1"))));
  const dated = mails
    .map((mail, i) => ({ mail, i }))
    .sort((a, b) => (a.mail.date?.getTime() ?? 0) - (b.mail.date?.getTime() ?? 0) || a.i - b.i);
  const root = dated[0]?.mail;
  if (!root) problems.push({ field: "(root)", message: "holds no email message" });
  mails.forEach((mail, i) => {
    if (!mail.date)
      problems.push({
        field: `message ${i + 1}`,
        message: "has no Date header, so it cannot be placed in the transcript",
      });
    if (!firstAddress(mail.from).email && !firstAddress(mail.from).name) {
      problems.push({ field: `message ${i + 1}`, message: "has no From header" });
    }
  });
  if (!options.classification?.trim()) {
    problems.push({
      field: "--classification",
      message: "is required for an email thread: the handoff's classification, such as Billing",
    });
  }
  if (!options.sentiment?.trim()) {
    problems.push({
      field: "--sentiment",
      message: "is required for an email thread: one of Microsoft's labels, such as Negative",
    });
  }
  const customer = root ? firstAddress(root.from) : {};
  const messages: HandoffMessage[] = dated.map(({ mail }) => {
    const from = firstAddress(mail.from);
    const message: HandoffMessage = {
      timestamp: (mail.date ?? new Date(0)).toISOString(),
      from,
      role:
        from.email && customer.email && from.email.toLowerCase() === customer.email.toLowerCase()
          ? "customer"
          : "agent",
      body: bodyOf(mail),
    };
    if (mail.subject) message.subject = mail.subject;
    const attachments = mail.attachments
      .filter((a) => !a.related)
      .map((a, n) => ({
        filename: a.filename ?? `attachment-${n + 1}`,
        contentType: a.contentType || "application/octet-stream",
        contentBase64: a.content.toString("base64"),
      }));
    if (attachments.length) message.attachments = attachments;
    return message;
  });
  const rootId = root?.messageId ?? parts[0] ?? "";
  const handoff: Handoff = {
    handoffId: options.handoffId ?? `eml-${createHash("sha1").update(rootId).digest("hex").slice(0, 32)}`,
    channel: "email",
    classification: options.classification ?? "",
    sentiment: options.sentiment ?? "",
    customer,
    messages,
  };
  if (root?.subject) handoff.summary = root.subject;
  return { handoff, problems };
}
