/**
 * An email thread as a handoff (PRODUCT.md §8 input): one .eml message or an mbox of several, each read by
 * `mail/read-message.ts` (mailparser underneath). The earliest message's sender is the customer; the thread root's
 * Message-ID names the handoff, so the same thread sent twice is one case. What could not be read exactly (a
 * missing date, an address that is not an internet one) is kept and reported as a warning; only what is not an
 * email at all is refused, named as the user knows it (the file, the header), never as a JSON path.
 */
import { createHash } from "node:crypto";
import type { InputProblem } from "../../core/transcript/handoff";
import type { Handoff, HandoffMessage } from "../../core/transcript/types";
import { readMessage, type ReadMessage } from "./mail/read-message";

export interface MailOptions {
  classification?: string;
  sentiment?: string;
  handoffId?: string;
}

export interface MailInput {
  handoff: Handoff | null;
  problems: InputProblem[];
  /** What a person should know about how the thread was read; each names the message and header it is about. */
  warnings: string[];
}

/**
 * mbox: messages start at a "From sender date" line; ">From " lines inside bodies are unescaped (mboxrd). A body
 * line that starts with "From " but carries no time of day is text an mboxo writer left unescaped.
 */
const SEPARATOR_RE = /^From \S+ .*\b\d{1,2}:\d{2}\b/;

export function splitMbox(text: string): string[] {
  if (!text.startsWith("From ")) return [text];
  const messages: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (current === null ? line.startsWith("From ") : SEPARATOR_RE.test(line)) {
      if (current) messages.push(current.join("\r\n"));
      current = [];
      continue;
    }
    current?.push(line.replace(/^>(>*From )/, "$1"));
  }
  if (current) messages.push(current.join("\r\n"));
  return messages.filter((m) => m.trim() !== "");
}

/** An Outlook .msg is an OLE compound file ([MS-CFB] §2.2: the header signature D0 CF 11 E0 A1 B1 1A E1). */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isOutlookMsg(raw: Buffer): boolean {
  return raw.subarray(0, 8).equals(OLE_SIGNATURE);
}

interface Placed extends ReadMessage {
  /** Top-level message the customer can be. */
  top: boolean;
  /** Time it is sorted by: its own, or that of the message before it in the file when it has none. */
  sortKey: number;
  position: number;
}

export async function handoffFromMail(raw: Buffer, options: MailOptions, now = new Date()): Promise<MailInput> {
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  if (isOutlookMsg(raw)) {
    problems.push({
      field: "(root)",
      message:
        "is an Outlook .msg file (an OLE compound file), not an .eml message: save or export the message as .eml " +
        "(Outlook on the web and the new Outlook can download a message as .eml) and send that file",
    });
    return { handoff: null, problems, warnings };
  }
  const parts = splitMbox(raw.toString("latin1"));
  if (parts.length === 0) problems.push({ field: "(root)", message: "holds no email message" });
  const placed: Placed[] = [];
  let lastKey = -Infinity;
  for (const [i, part] of parts.entries()) {
    const where = parts.length > 1 ? `message ${i + 1} of the mbox: ` : "";
    const read = await readMessage(Buffer.from(part, "latin1"), now);
    if (!read.isEmail) {
      problems.push({
        field: parts.length > 1 ? `message ${i + 1}` : "(root)",
        message:
          "is not an email message: it has none of the headers From:, Date:, Subject:, To:, Message-ID:, " +
          "MIME-Version:, Content-Type:",
      });
      continue;
    }
    for (const w of read.warnings) warnings.push(`${where}${w}`);
    const carrierKey = read.messages[0]?.date?.getTime() ?? lastKey;
    for (const message of read.messages) {
      const key = message.date?.getTime() ?? (message.carried ? carrierKey : lastKey);
      placed.push({ ...message, top: !message.carried, sortKey: key, position: placed.length });
    }
    lastKey = carrierKey;
  }
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
  placed.sort((a, b) => a.sortKey - b.sortKey || a.position - b.position);
  // The customer wrote the earliest message; a bounce is written by a mail system, so for a thread of bounces
  // alone the customer is whom the returned message was for.
  const root = placed.find((m) => m.top && !m.report) ?? placed.find((m) => m.top);
  const returned = root?.report ? placed.find((m) => m.carried && m.to) : undefined;
  const customer = (returned ? returned.to : root?.from) ?? {};
  const messages: HandoffMessage[] = placed.map((m) => {
    // The customer's messages are theirs by address; by name only when the customer has no usable address.
    const same = customer.email
      ? m.from.email?.toLowerCase() === customer.email.toLowerCase()
      : !m.from.email && !!customer.name && m.from.name === customer.name;
    const message: HandoffMessage = {
      timestamp: m.date ? m.date.toISOString() : null,
      from: m.from,
      role: m.report ? "system" : same ? "customer" : "agent",
      body: m.body,
    };
    if (m.subject) message.subject = m.subject;
    if (m.attachments.length) message.attachments = m.attachments;
    return message;
  });
  const rootId = root?.messageId ?? parts[0] ?? "";
  const handoff: Handoff = {
    handoffId: options.handoffId ?? `eml-${createHash("sha1").update(rootId).digest("hex").slice(0, 32)}`,
    channel: "email",
    classification: options.classification ?? "",
    sentiment: options.sentiment ?? "",
    customer: { ...customer },
    messages,
  };
  if (root?.subject) handoff.summary = root.subject;
  return { handoff, problems, warnings };
}

const MESSAGE_FIELD_RE = /^messages\[(\d+)\](?:\.(from|timestamp|subject|body|attachments)\b.*)?$/;
const MESSAGE_HEADER: Record<string, string> = {
  from: "From: header",
  timestamp: "Date: header",
  subject: "Subject: header",
};
const HANDOFF_FIELD: Record<string, string> = {
  summary: "Subject: header",
  classification: "--classification",
  handoffId: "--handoff-id",
};

/**
 * A problem the connector found in a handoff read from email, named as the user knows the file: the header of the
 * message (`From:`), not the handoff's JSON path (`customer.email`, `messages[0].from.email`) they never wrote.
 */
export function inMailTerms(problem: InputProblem): InputProblem {
  const { field } = problem;
  if (field === "customer" || field.startsWith("customer.")) return { ...problem, field: "From: header" };
  if (HANDOFF_FIELD[field]) return { ...problem, field: HANDOFF_FIELD[field] };
  if (field === "sentiment") return { ...problem, field: "--sentiment" };
  const m = MESSAGE_FIELD_RE.exec(field);
  if (!m) return problem;
  const n = Number(m[1]) + 1;
  const part = m[2] === "body" ? "the body" : m[2] === "attachments" ? "an attachment" : MESSAGE_HEADER[m[2] ?? ""];
  return { ...problem, field: part ? `${part} of message ${n}` : `message ${n}` };
}
