/**
 * The handoff connector (PRODUCT.md §8): validate everything, look up the contact and any incident already made for
 * the handoff (one round trip), then write everything in one `$batch` change set (the second). A change set that
 * loses a race (412: the handoff's incident or the new contact was just made by another delivery) is replanned from
 * a fresh lookup, so one handoff makes exactly one incident and one new customer exactly one contact.
 *
 * A change set whose answer was lost (a dropped connection or a 503 after it was sent) may have been carried out.
 * Before it says anything, the connector looks the handoff up by its alternate key (`e2c_handoffid`): a case whose
 * incident id is one this delivery generated is this delivery's (`created`, with its notes and queue item as
 * Dataverse holds them); another case is `already-there`; no case means nothing was written — and when even the
 * look-up fails, it says the outcome is unknown rather than guess.
 */
import { randomUUID } from "node:crypto";
import { odataString } from "../../core/connector/odata-literals";
import { chooseContact, type ContactCandidate, type ContactDecision } from "../../core/connector/contact-match";
import {
  acceptHandoff,
  customerEmail,
  planHandoff,
  plannedNotes,
  validateSettings,
  type ConnectorSettings,
  type EnvironmentFacts,
  type HandoffPlan,
  type SkippedAttachment,
} from "../../core/connector/handoff-plan";
import type { InputProblem } from "../../core/transcript/handoff";
import type { Handoff } from "../../core/transcript/types";
import { AnswerLostError, DataverseError } from "../dataverse/errors";
import { readEnvironmentFacts } from "../dataverse/read-metadata";
import type { DataverseWebApi, ReadRequest } from "../dataverse/web-api";
import { newContactId } from "./ids";
import { toRequests } from "./requests";

export type ContactOutcome = "created" | "matched" | "reactivated" | "none";

export interface HandoffResult {
  format: "e2c-handoff-result/1";
  status: "created" | "already-there" | "dry-run";
  handoffId: string;
  incidentId: string;
  ticketNumber: string | null;
  contact: { id: string | null; outcome: ContactOutcome };
  queueItemId: string | null;
  /** The notes this delivery wrote (read back from Dataverse when the write's answer was lost). */
  notes: Array<{ id: string; subject: string }>;
  skippedAttachments: SkippedAttachment[];
  warnings: string[];
  /** Round trips to Dataverse this handoff took: its lookups and change sets (retries of one request not counted;
   * the metadata read of a run's first handoff not counted). Correct also when handoffs are sent concurrently. */
  roundTrips: number;
  /** For --dry-run: what would be written. */
  plan?: {
    title: string;
    /** The exact text the case's description would hold. */
    description: string;
    descriptionTruncated: boolean;
    /** Each note: its subject, the file on it (or null) and its size in bytes. */
    notes: Array<{ subject: string; filename: string | null; bytes: number }>;
    operations: Array<{ kind: string; table?: string }>;
  };
}

/** An error in one line: a Dataverse refusal with its status, anything else by its message. */
export function messageOf(error: unknown): string {
  if (error instanceof DataverseError) return `${error.status}: ${error.message}`;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/** A bad handoff: every problem at once, nothing written (exit code 2). */
export class HandoffInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
    this.name = "HandoffInputError";
  }
}

/** Settings (the config file's) that do not fit the environment: every problem at once, nothing written. */
export class SettingsInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
    this.name = "SettingsInputError";
  }
}

/** The write's answer was lost, and the look-up by handoff id found no case: nothing was written. */
export class NothingWrittenAfterLostAnswer extends Error {
  constructor(
    readonly handoffId: string,
    /** How the write's last try ended. */
    override readonly cause: unknown,
  ) {
    super(`the answer to the write was lost (${messageOf(cause)}); no case has handoff id ${handoffId}`);
    this.name = "NothingWrittenAfterLostAnswer";
  }
}

/** The write's answer was lost and the look-up that would tell failed too: whether the case exists is unknown. */
export class OutcomeUnknownError extends Error {
  constructor(
    readonly handoffId: string,
    /** How the write's last try ended. */
    readonly writeError: unknown,
    /** Why the look-up failed. */
    override readonly cause: unknown,
  ) {
    super(
      `the answer to the write was lost (${messageOf(writeError)}) and the look-up by handoff id failed (${messageOf(cause)})`,
    );
    this.name = "OutcomeUnknownError";
  }
}

interface Found {
  contacts: ContactCandidate[];
  incident: Record<string, unknown> | null;
  /** When this delivery sent change sets: the notes and queue items on their incidents. */
  notes: Record<string, unknown>[];
  queueItems: Record<string, unknown>[];
}

/** How often a lost race is replanned before giving up. */
const MAX_REPLANS = 3;

function asText(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export class HandoffConnector {
  private facts: Promise<EnvironmentFacts> | null = null;
  /** The environment the settings were last found to fit: they are checked once per environment, not per handoff. */
  private settingsFit: EnvironmentFacts | null = null;

  constructor(
    private readonly api: DataverseWebApi,
    private readonly settings: ConnectorSettings,
  ) {}

  /** The environment's metadata and limits, read once and shared by every handoff of this connector. */
  environment(): Promise<EnvironmentFacts> {
    if (!this.facts) {
      this.facts = readEnvironmentFacts(this.api);
      this.facts.catch(() => (this.facts = null));
    }
    return this.facts;
  }

  /** The settings against the environment: the config file's problems, before any handoff is read. */
  async settingsProblems(): Promise<InputProblem[]> {
    return validateSettings(this.settings, await this.environment());
  }

  async deliver(input: unknown, options: { dryRun?: boolean } = {}): Promise<HandoffResult> {
    const facts = await this.environment();
    if (this.settingsFit !== facts) {
      const settingsProblems = validateSettings(this.settings, facts);
      if (settingsProblems.length > 0) throw new SettingsInputError(settingsProblems);
      this.settingsFit = facts;
    }
    const checked = acceptHandoff(input, this.settings, facts);
    if (!checked.accepted) throw new HandoffInputError(checked.problems);
    const accepted = checked.accepted;
    const handoff = accepted.handoff;
    const trips = { count: 0 };
    // The change sets this delivery sent, by the incident id it generated for each: how it knows its own case.
    const sent = new Map<string, HandoffPlan>();
    let lost: AnswerLostError | null = null;
    for (let attempt = 1; ; attempt++) {
      let found: Found;
      try {
        found = await this.lookup(handoff, facts, trips, [...sent.keys()]);
      } catch (error) {
        if (lost) throw new OutcomeUnknownError(handoff.handoffId, lost.cause, error);
        throw error;
      }
      if (found.incident) {
        const mine = sent.get(String(found.incident.incidentid).toLowerCase());
        if (mine) return this.landed(handoff, mine, found, trips.count, lost);
        return this.alreadyThere(handoff, found.incident, trips.count);
      }
      if (lost) {
        // Looked, and no case: nothing was written. A retry that lost a race for a new contact (412) is replanned.
        const cause = lost.cause;
        if (!(cause instanceof DataverseError && cause.status === 412 && attempt < MAX_REPLANS)) {
          throw new NothingWrittenAfterLostAnswer(handoff.handoffId, cause);
        }
        lost = null;
      }
      const email = customerEmail(handoff);
      const contact = chooseContact(email, found.contacts, email ? newContactId(email) : "");
      const plan = planHandoff(accepted, this.settings, facts, contact, randomUUID(), {
        newId: randomUUID,
        base64OfUtf8: (text) => Buffer.from(text, "utf8").toString("base64"),
      });
      if (options.dryRun) return this.dryRun(handoff, plan, trips.count);
      sent.set(plan.incidentId, plan);
      try {
        trips.count += 1;
        const results = await this.api.changeSet(await toRequests(plan.operations));
        return this.created(handoff, plan, results, trips.count);
      } catch (error) {
        // The write may have been carried out: look before saying anything.
        if (error instanceof AnswerLostError) {
          lost = error;
          continue;
        }
        // 412: another delivery made the incident or the contact first; look again and build on what is there.
        if (error instanceof DataverseError && error.status === 412 && attempt < MAX_REPLANS) continue;
        throw error;
      }
    }
  }

  /**
   * One `$batch` of reads: the case of this handoff (by its alternate key), the contacts with the customer's
   * address, and — once this delivery has sent change sets — the notes and queue items on their incidents.
   */
  private async lookup(
    handoff: Handoff,
    facts: EnvironmentFacts,
    trips: { count: number },
    sentIds: string[],
  ): Promise<Found> {
    const email = customerEmail(handoff);
    const keyed = facts.incident.columns.e2c_handoffid !== undefined;
    const anyOf = (column: string) => sentIds.map((id) => `${column} eq ${id}`).join(" or ");
    const byIncident = keyed || sentIds.length > 0;
    const reads: ReadRequest[] = [];
    if (byIncident) {
      reads.push({
        path: "incidents",
        query: {
          $select: "incidentid,ticketnumber,_customerid_value",
          // By the alternate key; without the solution's column, by the incident ids this delivery generated.
          $filter: keyed ? `e2c_handoffid eq ${odataString(handoff.handoffId)}` : anyOf("incidentid"),
          $top: "1",
        },
      });
    }
    if (sentIds.length > 0) {
      const on = anyOf("_objectid_value");
      reads.push({ path: "annotations", query: { $select: "annotationid,subject,_objectid_value", $filter: on } });
      reads.push({ path: "queueitems", query: { $select: "queueitemid,_objectid_value", $filter: on } });
    }
    if (email) {
      reads.push({
        path: "contacts",
        query: {
          $select: "contactid,statecode,modifiedon,fullname,emailaddress1",
          $filter: `emailaddress1 eq ${odataString(email)}`,
          $top: "50",
        },
      });
    }
    if (reads.length === 0) return { contacts: [], incident: null, notes: [], queueItems: [] };
    trips.count += 1;
    const results = await this.api.readMany(reads);
    let at = 0;
    const next = (): Record<string, unknown>[] =>
      (results[at++]?.data?.value as Record<string, unknown>[] | undefined) ?? [];
    const incident = byIncident ? (next()[0] ?? null) : null;
    const notes = sentIds.length > 0 ? next() : [];
    const queueItems = sentIds.length > 0 ? next() : [];
    const contacts = email
      ? next().map((c): ContactCandidate => ({
          contactid: String(c.contactid),
          statecode: Number(c.statecode ?? 0),
          modifiedon: c.modifiedon instanceof Date ? c.modifiedon.toISOString() : asText(c.modifiedon),
          fullname: asText(c.fullname),
          emailaddress1: asText(c.emailaddress1),
        }))
      : [];
    return { contacts, incident, notes, queueItems };
  }

  private alreadyThere(handoff: Handoff, incident: Record<string, unknown>, roundTrips: number): HandoffResult {
    const contactId = asText(incident._customerid_value);
    return {
      format: "e2c-handoff-result/1",
      status: "already-there",
      handoffId: handoff.handoffId,
      incidentId: String(incident.incidentid),
      ticketNumber: asText(incident.ticketnumber),
      contact: { id: contactId, outcome: contactId ? "matched" : "none" },
      queueItemId: null,
      notes: [],
      skippedAttachments: [],
      warnings: ["This handoff already has a case; nothing was written."],
      roundTrips,
    };
  }

  /** This delivery's change set landed though its answer was lost: the case, its notes and queue item as they are. */
  private landed(
    handoff: Handoff,
    plan: HandoffPlan,
    found: Found,
    roundTrips: number,
    lost: AnswerLostError | null,
  ): HandoffResult {
    const out = this.base(handoff, plan, roundTrips);
    const on = (row: Record<string, unknown>) => String(row._objectid_value).toLowerCase() === plan.incidentId;
    const order = new Map(out.notes.map((n, i) => [n.id, i]));
    out.notes = found.notes
      .filter(on)
      .map((n) => ({ id: String(n.annotationid), subject: String(n.subject ?? "") }))
      .sort((a, b) => (order.get(a.id) ?? order.size) - (order.get(b.id) ?? order.size));
    out.ticketNumber = asText(found.incident?.ticketnumber);
    out.queueItemId = asText(found.queueItems.find(on)?.queueitemid);
    const reason = lost ? ` (${messageOf(lost.cause)})` : "";
    out.warnings = [
      ...out.warnings,
      `Dataverse's answer to the write was lost${reason}; the look-up by handoff id found the case with the incident id this delivery generated, so this delivery wrote it.`,
    ];
    return out;
  }

  private dryRun(handoff: Handoff, plan: HandoffPlan, roundTrips: number): HandoffResult {
    return {
      ...this.base(handoff, plan, roundTrips),
      status: "dry-run",
      plan: {
        title: plan.title,
        description: plan.transcript.text,
        descriptionTruncated: plan.transcript.truncated,
        notes: plannedNotes(plan),
        operations: plan.operations.map((o) =>
          o.kind === "addToQueue" ? { kind: o.kind } : { kind: o.kind, table: o.table },
        ),
      },
    };
  }

  private base(handoff: Handoff, plan: HandoffPlan, roundTrips: number): HandoffResult {
    return {
      format: "e2c-handoff-result/1",
      status: "created",
      handoffId: handoff.handoffId,
      incidentId: plan.incidentId,
      ticketNumber: null,
      contact: { id: contactIdOf(plan.contact), outcome: outcomeOf(plan.contact) },
      queueItemId: null,
      notes: plan.operations.flatMap((o) =>
        o.kind === "create" && o.table === "annotation" ? [{ id: o.id, subject: String(o.record.subject) }] : [],
      ),
      skippedAttachments: plan.skippedAttachments,
      warnings: plan.warnings,
      roundTrips,
    };
  }

  private created(
    handoff: Handoff,
    plan: HandoffPlan,
    results: Array<{ data: Record<string, unknown> | undefined }>,
    roundTrips: number,
  ): HandoffResult {
    const out = this.base(handoff, plan, roundTrips);
    const incidentAt = plan.operations.findIndex((o) => o.kind === "create" && o.table === "incident");
    const queueAt = plan.operations.findIndex((o) => o.kind === "addToQueue");
    out.ticketNumber = asText(results[incidentAt]?.data?.ticketnumber);
    out.queueItemId = asText(results[queueAt]?.data?.QueueItemId);
    return out;
  }
}

function contactIdOf(decision: ContactDecision): string | null {
  return decision.kind === "none" ? null : decision.id;
}

function outcomeOf(decision: ContactDecision): ContactOutcome {
  return decision.kind === "create" ? "created" : decision.kind;
}
