/**
 * The handoff connector (PRODUCT.md §8): validate everything, look up the contact and any incident already made for
 * the handoff (one round trip), then write everything in one `$batch` change set (the second). A change set that
 * loses a race (412: the handoff's incident or the new contact was just made by another delivery) is replanned from
 * a fresh lookup, so one handoff makes exactly one incident and one new customer exactly one contact.
 */
import { randomUUID } from "node:crypto";
import { odataString } from "../../core/connector/odata-literals";
import { chooseContact, type ContactCandidate, type ContactDecision } from "../../core/connector/contact-match";
import {
  customerEmail,
  planHandoff,
  validateConnectorInput,
  type ConnectorSettings,
  type EnvironmentFacts,
  type HandoffPlan,
  type SkippedAttachment,
} from "../../core/connector/handoff-plan";
import type { InputProblem } from "../../core/transcript/handoff";
import type { Handoff } from "../../core/transcript/types";
import { DataverseError } from "../dataverse/errors";
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
  notes: Array<{ id: string; subject: string }>;
  skippedAttachments: SkippedAttachment[];
  warnings: string[];
  /** Round trips to Dataverse this handoff took: its lookups and change sets (retries of one request not counted;
   * the metadata read of a run's first handoff not counted). Correct also when handoffs are sent concurrently. */
  roundTrips: number;
  /** For --dry-run: what would be written. */
  plan?: { title: string; descriptionTruncated: boolean; operations: Array<{ kind: string; table?: string }> };
}

/** Bad input: every problem at once, nothing written (exit code 2). */
export class HandoffInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("\n"));
    this.name = "HandoffInputError";
  }
}

/** How often a lost race is replanned before giving up. */
const MAX_REPLANS = 3;

function asText(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export class HandoffConnector {
  private facts: Promise<EnvironmentFacts> | null = null;

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

  async deliver(input: unknown, options: { dryRun?: boolean } = {}): Promise<HandoffResult> {
    const facts = await this.environment();
    const problems = validateConnectorInput(input, this.settings, facts);
    if (problems.length > 0) throw new HandoffInputError(problems);
    const handoff = input as Handoff;
    const trips = { count: 0 };
    for (let attempt = 1; ; attempt++) {
      const found = await this.lookup(handoff, facts, trips);
      if (found.incident) return this.alreadyThere(handoff, found.incident, trips.count);
      const email = customerEmail(handoff);
      const contact = chooseContact(email, found.contacts, email ? newContactId(email) : "");
      const plan = planHandoff(handoff, this.settings, facts, contact, randomUUID(), {
        newId: randomUUID,
        base64OfUtf8: (text) => Buffer.from(text, "utf8").toString("base64"),
      });
      if (options.dryRun) return this.dryRun(handoff, plan, trips.count);
      try {
        trips.count += 1;
        const results = await this.api.changeSet(await toRequests(plan.operations));
        return this.created(handoff, plan, results, trips.count);
      } catch (error) {
        // 412: another delivery made the incident or the contact first; look again and build on what is there.
        if (error instanceof DataverseError && error.status === 412 && attempt < MAX_REPLANS) continue;
        throw error;
      }
    }
  }

  private async lookup(
    handoff: Handoff,
    facts: EnvironmentFacts,
    trips: { count: number },
  ): Promise<{ contacts: ContactCandidate[]; incident: Record<string, unknown> | null }> {
    const email = customerEmail(handoff);
    const keyed = facts.incident.columns.e2c_handoffid !== undefined;
    const reads: ReadRequest[] = [];
    if (keyed) {
      reads.push({
        path: "incidents",
        query: {
          $select: "incidentid,ticketnumber,_customerid_value",
          $filter: `e2c_handoffid eq ${odataString(handoff.handoffId)}`,
          $top: "1",
        },
      });
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
    if (reads.length === 0) return { contacts: [], incident: null };
    trips.count += 1;
    const results = await this.api.readMany(reads);
    const rows = (i: number): Record<string, unknown>[] =>
      (results[i]?.data?.value as Record<string, unknown>[] | undefined) ?? [];
    const incident = keyed ? (rows(0)[0] ?? null) : null;
    const contacts = rows(keyed ? 1 : 0).map((c): ContactCandidate => ({
      contactid: String(c.contactid),
      statecode: Number(c.statecode ?? 0),
      modifiedon: c.modifiedon instanceof Date ? c.modifiedon.toISOString() : asText(c.modifiedon),
      fullname: asText(c.fullname),
      emailaddress1: asText(c.emailaddress1),
    }));
    return { contacts: email ? contacts : [], incident };
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

  private dryRun(handoff: Handoff, plan: HandoffPlan, roundTrips: number): HandoffResult {
    return {
      ...this.base(handoff, plan, roundTrips),
      status: "dry-run",
      plan: {
        title: plan.title,
        descriptionTruncated: plan.transcript.truncated,
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
