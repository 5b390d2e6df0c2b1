/**
 * What the connector writes for one handoff (PRODUCT.md §8, seed 003 "How conversations land in Dynamics 365"):
 * decided here from the handoff, the settings, the environment's metadata and the contact lookup; carried out by
 * the Node side as one `$batch` change set. Nothing here talks to Dataverse.
 */
import { composeValidTranscript, type ComposedTranscript } from "../transcript/write";
import { parseHandoff, type InputProblem, type ValidHandoff } from "../transcript/handoff";
import { caseColumnValues } from "../enrichment/case-columns";
import { normalizeRole } from "../transcript/roles";
import type { Handoff, Party } from "../transcript/types";
import { columnValueProblem, isGuid } from "./column-values";
import type { ContactDecision } from "./contact-match";
import {
  contactLimit,
  handoffLimitProblems,
  splitName,
  utf8Length,
  type ContactTextColumn,
  type CustomerFields,
} from "./handoff-limits";
import type { TableMetadata } from "./table-metadata";
import { validateTicketProperties } from "./ticket-properties";

export interface RecordRef {
  entityType: string;
  id: string;
}

export interface ConnectorSettings {
  /** seed 003: "set default_queue_id to the Dynamics queue your email team works from". */
  defaultQueueId: string;
  defaultOwner: RecordRef | null;
  defaultPriority: number | null;
  /** Dataverse requires a customer on every case: the account or contact for handoffs without an email address. */
  defaultCustomer: RecordRef | null;
  ticketProperties: Record<string, unknown>;
  copyAttachments: boolean;
}

/** What the connector reads once from the environment. */
export interface EnvironmentFacts {
  incident: TableMetadata;
  /** Max lengths of the contact columns a new contact gets (Dataverse's defaults when not read). */
  contactTextLimits?: Partial<Record<ContactTextColumn, number>>;
  /** organization.maxuploadfilesize, in bytes (Dataverse default 5 MB). */
  maxUploadBytes: number;
  /** organization.blockedattachments, as lower-case extensions without the dot. */
  blockedExtensions: string[];
  entitySetOf: (logicalName: string) => string | undefined;
}

export type Operation =
  | { kind: "create"; table: string; id: string; record: Record<string, unknown> }
  | { kind: "update"; table: string; id: string; record: Record<string, unknown> }
  | { kind: "addToQueue"; queueId: string; target: RecordRef };

export interface SkippedAttachment {
  filename: string;
  why: string;
}

export interface HandoffPlan {
  incidentId: string;
  title: string;
  transcript: ComposedTranscript;
  contact: ContactDecision;
  operations: Operation[];
  skippedAttachments: SkippedAttachment[];
  warnings: string[];
}

export interface PlanTools {
  newId: () => string;
  base64OfUtf8: (text: string) => string;
}

/** Case origin Email (domain.md §4 caseorigincode 2). */
export const CASE_ORIGIN_EMAIL = 2;
/** prioritycode 2 Normal is Dataverse's default and the seed's when default_priority is not set. */
export const DEFAULT_PRIORITY = 2;
export const TRANSCRIPT_NOTE_SUBJECT = "Handoff transcript";
const TITLE_MAX_DEFAULT = 200;
/** annotation.notetext holds 100,000 characters (domain.md §4); a longer transcript goes in as a text file. */
const NOTE_TEXT_MAX_DEFAULT = 100000;
const NOTE_SUBJECT_MAX = 500;

/** The customer's address and name, and the handoff fields they come from: the customer's, else the first
 * customer message's sender's. */
export function customerFields(handoff: Handoff): CustomerFields {
  // Safe on a handoff that failed validation too, so its limits can be reported with its other problems.
  const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
  const messages: unknown[] = Array.isArray(handoff.messages) ? handoff.messages : [];
  const from = (i: number): Record<string, unknown> =>
    ((messages[i] as { from?: unknown } | null)?.from as Record<string, unknown> | null) ?? {};
  const isCustomer = (m: unknown): boolean => {
    const role = (m as { role?: unknown } | null)?.role;
    return typeof role === "string" && normalizeRole(role) === "customer";
  };
  const first = messages.findIndex(isCustomer);
  const withEmail = messages.findIndex((m, i) => isCustomer(m) && text(from(i).email));
  const customer = (handoff.customer ?? {}) as Record<string, unknown>;
  const email = text(customer.email)
    ? { value: text(customer.email), field: "customer.email" }
    : withEmail >= 0
      ? { value: text(from(withEmail).email), field: `messages[${withEmail}].from.email` }
      : null;
  const name = text(customer.name)
    ? { value: text(customer.name), field: "customer.name" }
    : first >= 0 && text(from(first).name)
      ? { value: text(from(first).name), field: `messages[${first}].from.name` }
      : null;
  return { email, name };
}

/** The address the connector dedupes on: the customer's, else the first customer message's sender. */
export function customerEmail(handoff: Handoff): string | null {
  return customerFields(handoff).email?.value ?? null;
}

function customerParty(handoff: Handoff): Party {
  const { email, name } = customerFields(handoff);
  return { name: name?.value || undefined, email: email?.value };
}

/** seed 003: "Title: <classification> - <sender name or email>"; no name and no address → "Anonymous". */
export function incidentTitle(handoff: Handoff, maxLength = TITLE_MAX_DEFAULT): string {
  const party = customerParty(handoff);
  const who = party.name || party.email || "Anonymous";
  const title = `${handoff.classification.replace(/\s+/g, " ").trim()} - ${who.replace(/\s+/g, " ")}`;
  return title.length <= maxLength ? title : `${title.slice(0, maxLength - 1)}…`;
}

/** Every problem with the settings against the environment (PRODUCT.md §8 points 1 and 2): the config file's. */
export function validateSettings(settings: ConnectorSettings, facts: EnvironmentFacts): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isGuid(settings.defaultQueueId)) {
    problems.push({
      field: "default_queue_id",
      message: "must be the id (a GUID) of the queue your email team works from",
    });
  }
  const priority = facts.incident.columns.prioritycode;
  if (settings.defaultPriority !== null && priority) {
    const problem = columnValueProblem(settings.defaultPriority, priority);
    if (problem) problems.push({ field: "default_priority", message: problem });
  }
  problems.push(...validateTicketProperties(settings.ticketProperties, facts.incident, facts.entitySetOf));
  return problems;
}

/** A handoff the connector accepted (acceptHandoff found no problem), read once: what planHandoff takes. */
export interface AcceptedHandoff {
  handoff: ValidHandoff;
  /** Its whole transcript, with no length limit: composed once, to size the note and to fill the description. */
  fullTranscript: ComposedTranscript;
}

/**
 * The handoff read at the edge (PRODUCT.md §8 point 1): every problem with it before anything is written — its
 * shape, then the environment's limits (handoff-limits.ts) and whether it can have a customer — or, with none, the
 * accepted handoff and its transcript, which nothing downstream checks or composes again.
 */
export function acceptHandoff(
  input: unknown,
  settings: ConnectorSettings,
  facts: EnvironmentFacts,
): { accepted: AcceptedHandoff; problems: [] } | { accepted: null; problems: InputProblem[] } {
  const parsed = parseHandoff(input);
  const problems = parsed.problems as InputProblem[];
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { accepted: null, problems };
  const shaped = input as Handoff;
  const customer = customerFields(shaped);
  // The full transcript goes into a note as a file when the description is cut and the note's text cannot hold it.
  const transcript =
    parsed.handoff && parsed.handoff.messages.length > 0
      ? composeValidTranscript(parsed.handoff, { maxLength: null })
      : null;
  const full = transcript?.full ?? "";
  const descriptionMax = maxLengthOf(facts.incident, "description", 2000) ?? Infinity;
  const transcriptFile = full.length > descriptionMax && full.length > NOTE_TEXT_MAX_DEFAULT ? full : "";
  const named = new Set(problems.map((p) => p.field));
  problems.push(...handoffLimitProblems(shaped, customer, facts, transcriptFile).filter((p) => !named.has(p.field)));
  if (problems.length === 0 && customer.email === null && settings.defaultCustomer === null) {
    problems.push({
      field: "customer.email",
      message:
        "is needed to link the case to a contact (Dataverse requires a customer on every case); " +
        "send the customer's address, or set default_customer_id for anonymous handoffs",
    });
  }
  if (problems.length > 0 || !parsed.handoff || !transcript) return { accepted: null, problems };
  return { accepted: { handoff: parsed.handoff, fullTranscript: transcript }, problems: [] };
}

function contactRecord(handoff: Handoff, facts: EnvironmentFacts): Record<string, unknown> {
  const party = customerParty(handoff);
  const email = party.email ?? "";
  const name = splitName(party.name ?? "");
  const record: Record<string, unknown> = {
    emailaddress1: email,
    // contact.lastname is the required name part; with no name, the address stands in for it, cut to the column.
    lastname: name.lastname || email.slice(0, contactLimit(facts, "lastname")),
  };
  if (name.firstname) record.firstname = name.firstname;
  const phone = handoff.customer?.phone;
  if (typeof phone === "string" && phone.trim()) record.telephone1 = phone.trim();
  return record;
}

function base64Bytes(base64: string): number {
  const clean = base64.replace(/\s+/g, "");
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function maxLengthOf(table: TableMetadata, column: string, fallback: number): number | null {
  const metadata = table.columns[column];
  if (!metadata) return fallback;
  return metadata.maxLength ?? null;
}

export function planHandoff(
  { handoff, fullTranscript }: AcceptedHandoff,
  settings: ConnectorSettings,
  facts: EnvironmentFacts,
  contact: ContactDecision,
  incidentId: string,
  tools: PlanTools,
): HandoffPlan {
  const incident = facts.incident;
  const has = (column: string): boolean => incident.columns[column] !== undefined;
  const warnings: string[] = [];
  const descriptionMax = maxLengthOf(incident, "description", 2000);
  // The whole transcript is the description when it fits; only a cut one is composed again, to its length.
  const transcript =
    descriptionMax === null || fullTranscript.full.length <= descriptionMax
      ? fullTranscript
      : composeValidTranscript(handoff, { maxLength: descriptionMax });
  const title = incidentTitle(handoff, maxLengthOf(incident, "title", TITLE_MAX_DEFAULT) ?? TITLE_MAX_DEFAULT);
  const operations: Operation[] = [];

  let customer: RecordRef | null = settings.defaultCustomer;
  if (contact.kind === "create") {
    operations.push({ kind: "create", table: "contact", id: contact.id, record: contactRecord(handoff, facts) });
    customer = { entityType: "contact", id: contact.id };
  } else if (contact.kind === "reactivated") {
    // contact.statecode 0 Active / statuscode 1 Active (domain.md §4).
    operations.push({ kind: "update", table: "contact", id: contact.id, record: { statecode: 0, statuscode: 1 } });
    customer = { entityType: "contact", id: contact.id };
  } else if (contact.kind === "matched") {
    customer = { entityType: "contact", id: contact.id };
  }
  if (contact.kind !== "none" && "note" in contact && contact.note) warnings.push(contact.note);

  const record: Record<string, unknown> = {
    title,
    description: transcript.text,
    caseorigincode: CASE_ORIGIN_EMAIL,
    prioritycode: settings.defaultPriority ?? DEFAULT_PRIORITY,
  };
  if (customer) record.customerid = customer;
  if (settings.defaultOwner) record.ownerid = settings.defaultOwner;
  if (has("e2c_handoffid")) record.e2c_handoffid = handoff.handoffId;
  else {
    warnings.push(
      "The Email to Case Toolkit solution is not installed (no e2c_handoffid column): the same handoff sent twice would make two cases.",
    );
  }
  // The same four values the webhook gives a case made by another integration (core/enrichment).
  const columns = caseColumnValues(handoff, {
    e2c_classification: maxLengthOf(incident, "e2c_classification", 100) ?? 100,
  });
  for (const [column, value] of Object.entries(columns)) if (has(column)) record[column] = value;
  // Own properties only, defined rather than assigned: a "__proto__" key can never reach the prototype.
  for (const [column, value] of Object.entries(settings.ticketProperties)) {
    Object.defineProperty(record, column, { value, enumerable: true, writable: true, configurable: true });
  }
  operations.push({ kind: "create", table: "incident", id: incidentId, record });
  operations.push({
    kind: "addToQueue",
    queueId: settings.defaultQueueId,
    target: { entityType: "incident", id: incidentId },
  });

  const regarding: RecordRef = { entityType: "incident", id: incidentId };
  if (transcript.truncated) {
    const note: Record<string, unknown> = { subject: TRANSCRIPT_NOTE_SUBJECT, objectid: regarding };
    if (transcript.full.length <= NOTE_TEXT_MAX_DEFAULT) note.notetext = transcript.full;
    else {
      note.notetext = "The full transcript is attached: it is longer than a note's text can hold.";
      note.filename = "handoff-transcript.txt";
      note.mimetype = "text/plain";
      note.documentbody = tools.base64OfUtf8(transcript.full);
    }
    operations.push({ kind: "create", table: "annotation", id: tools.newId(), record: note });
  }

  const skippedAttachments: SkippedAttachment[] = [];
  if (settings.copyAttachments) {
    handoff.messages.forEach((message, index) => {
      for (const attachment of message.attachments ?? []) {
        const why = attachmentProblem(attachment.filename, attachment.contentBase64, facts);
        if (why) {
          skippedAttachments.push({ filename: attachment.filename, why });
          continue;
        }
        const sender = message.from?.name || message.from?.email || "the sender";
        operations.push({
          kind: "create",
          table: "annotation",
          id: tools.newId(),
          record: {
            subject: `Attachment: ${attachment.filename}`.slice(0, NOTE_SUBJECT_MAX),
            notetext: `Sent by ${sender} at ${message.timestamp ?? "an unknown time"} (message ${index + 1} of the handoff).`,
            filename: attachment.filename,
            mimetype: attachment.contentType,
            documentbody: attachment.contentBase64.replace(/\s+/g, ""),
            objectid: regarding,
          },
        });
      }
    });
  }
  for (const s of skippedAttachments) warnings.push(`Attachment ${s.filename} not copied: ${s.why}`);
  return { incidentId, title, transcript, contact, operations, skippedAttachments, warnings };
}

/** What each note of a plan is: its subject, the file on it (if any) and its size — the file's bytes, or the
 * UTF-8 size of its text. */
export function plannedNotes(plan: HandoffPlan): Array<{ subject: string; filename: string | null; bytes: number }> {
  return plan.operations.flatMap((o) => {
    if (o.kind !== "create" || o.table !== "annotation") return [];
    const r = o.record;
    const file = typeof r.documentbody === "string" && typeof r.filename === "string";
    return [
      {
        subject: String(r.subject),
        filename: file ? String(r.filename) : null,
        bytes: file ? base64Bytes(String(r.documentbody)) : utf8Length(String(r.notetext ?? "")),
      },
    ];
  });
}

/** The environment's attachment rules (System Settings → Email: maximum file size; General: blocked extensions). */
function attachmentProblem(filename: string, base64: string, facts: EnvironmentFacts): string | null {
  const dot = filename.lastIndexOf(".");
  const extension = dot >= 0 ? filename.slice(dot + 1).toLowerCase() : "";
  if (extension && facts.blockedExtensions.includes(extension)) {
    return `.${extension} files are blocked in this environment (System Settings → General → blocked file extensions); open the session to get it`;
  }
  const bytes = base64Bytes(base64);
  if (bytes > facts.maxUploadBytes) {
    return `it is ${bytes} bytes and this environment accepts attachments up to ${facts.maxUploadBytes} bytes (System Settings → Email → maximum file size); open the session to get it`;
  }
  return null;
}
