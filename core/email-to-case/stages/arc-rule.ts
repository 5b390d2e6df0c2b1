/**
 * Stage 4, the automatic record creation and update rule (seed 000 and its validation table; S-ARC, S-FAQ, S-NC).
 * The checks run in the order the Activity monitor numbers its reasons: the rule itself, the connected case (3–5),
 * the sender (6, 7, 9), the entitlement (11), then the rule items' conditions (13). The first matching item wins.
 */
import { sameAddress } from "../addresses";
import { hasValidEntitlement } from "../entitlement";
import type { ArcRule, IncomingEmail, Queue, Records, RuleItem, Scenario } from "../scenario";
import { resolveSender } from "../sender";
import { halted, passed, type StageResult } from "../stage-result";

export interface ArcEffects {
  contactCreated: boolean;
  recordActivated: boolean;
  customer: { type: "contact" | "account"; id: string } | null;
  ruleId: string | null;
}

export interface ArcOutcome {
  result: StageResult;
  caseCreated: boolean;
  effects: ArcEffects;
}

export interface ArcInput {
  rules: readonly ArcRule[];
  queue: Queue;
  email: IncomingEmail;
  records: Records;
  /** Users and queues: a sender known only as one of them is not a customer. */
  known?: Pick<Scenario, "queues" | "users">;
}

/** Placeholder id for the contact a rule creates for an unknown sender. */
export const NEW_CONTACT_ID = "(new contact)";

/** Rule item conditions of the scenario format: "any", "none" or a subject test (case-insensitive). */
export function itemMatches(item: RuleItem, email: Pick<IncomingEmail, "subject">): boolean {
  if (item.matches === "any") return true;
  if (item.matches === "none") return false;
  return email.subject.toLowerCase().includes(item.matches.subjectContains.toLowerCase());
}

export function evaluateArcRule(input: ArcInput): ArcOutcome {
  const { queue, email, records } = input;
  const effects: ArcEffects = { contactCreated: false, recordActivated: false, customer: null, ruleId: null };
  const assumptions: string[] = [];
  const stop = (result: StageResult): ArcOutcome => ({ result, caseCreated: false, effects });
  const queueName = `queue "${queue.name ?? queue.id}"`;

  // S-NC cause 9: an active rule for the queue the email was sent to.
  const forQueue = input.rules.filter((r) => r.queueId === queue.id);
  const rule = forQueue.find((r) => r.state === "active");
  if (!rule) {
    const draft = forQueue[0];
    effects.ruleId = draft?.id ?? null;
    return stop(
      halted(
        "arc-rule",
        draft ? "no-active-rule/draft" : "no-active-rule",
        [],
        draft ? `rule "${draft.name ?? draft.id}"` : queueName,
      ),
    );
  }
  effects.ruleId = rule.id;
  const ruleName = `rule "${rule.name ?? rule.id}"`;
  if (forQueue.filter((r) => r.state === "active").length > 1) {
    assumptions.push(`Several active rules watch ${queueName}; the first one listed, ${ruleName}, is evaluated.`);
  }
  // S-NC symptom 2: a deleted or disabled rule owner disconnects the rule's flow.
  if (!rule.ownerEnabled) return stop(halted("arc-rule", "rule-owner-disabled", assumptions, ruleName));
  // S-FAQ: without a rule item, ARC doesn't run.
  if (rule.items.length === 0) return stop(halted("arc-rule", "no-rule-items", assumptions, ruleName));

  // Connected case (seed 000 table rows for "Create a case for activities associated with a resolved case").
  if (email.relatedCaseId !== null) {
    const related = records.cases.find((c) => c.id === email.relatedCaseId);
    if (!related) {
      assumptions.push(`Related case "${email.relatedCaseId}" is not in records.cases: taken as an active case.`);
    }
    const state = related?.state ?? "active";
    if (state === "active") return stop(halted("arc-rule", "active-case-connected", assumptions));
    if (!rule.checkIfResolved) return stop(halted("arc-rule", "resolved-case-connected", assumptions, ruleName));
    const wait = rule.resolvedSinceMinutes ?? 0;
    if (wait > 0) {
      const received = email.receivedAt ? Date.parse(email.receivedAt) : Date.now();
      if (!email.receivedAt) assumptions.push("email.receivedAt is not given: the email is taken as received now.");
      if (!related?.resolvedAt) {
        assumptions.push(`The resolved case has no resolvedAt: taken as resolved longer ago than the rule's wait.`);
      } else if (received - Date.parse(related.resolvedAt) < wait * 60_000) {
        return stop(halted("arc-rule", "resolved-too-recently", assumptions, ruleName));
      }
    }
  } else if (email.inReplyToTrackedEmail) {
    assumptions.push(
      "A reply to a tracked email with no connected case is processed like new email: 'Incoming email isn't converted to a case' (cause 7) skips only replies to tracked email associated with a case.",
    );
  }

  // Sender (seed 000 step 3, step 5 and the "unknown senders" table rows).
  const sender = resolveSender(email.from, records, input.known);
  if (sender.kind === "none") return stop(halted("arc-rule", "no-sender", assumptions));
  let treatAsUnknown = sender.kind === "unknown";
  if (sender.kind === "contact" || sender.kind === "account") {
    if (!sender.active) {
      if (!rule.allowUnknownSender) return stop(halted("arc-rule", "inactive-sender", assumptions, ruleName));
      effects.recordActivated = true; // "An inactive account or contact is activated."
    }
    effects.customer = { type: sender.kind, id: sender.record.id };
  } else if (sender.kind === "other") {
    if (!rule.allowUnknownSender) return stop(halted("arc-rule", "unsupported-sender-type", assumptions, ruleName));
    assumptions.push(
      `The sender is known only as a ${sender.type}; with unknown senders allowed it is taken as unknown (Microsoft's validation table is silent on this).`,
    );
    treatAsUnknown = true;
  }
  if (treatAsUnknown) {
    if (!rule.allowUnknownSender) return stop(halted("arc-rule", "unknown-sender", assumptions, ruleName));
    if (rule.senderResolution === "powerAutomate") {
      assumptions.push(
        "Unknown senders are mapped in Power Automate: the case is created only if the rule item's flow sets the Customer.",
      );
    } else {
      // S-NC cause 8: contact creation runs as the email owner (or the rule owner with the env variable).
      if (!rule.ownerCanCreateContacts) return stop(halted("arc-rule", "contact-not-created", assumptions, ruleName));
      effects.contactCreated = true;
      effects.customer = { type: "contact", id: NEW_CONTACT_ID };
    }
  }

  // Entitlement (seed 000 table: valid entitlement rules). A contact created just now has none.
  if (rule.checkActiveEntitlement) {
    const customer = effects.customer;
    let valid = false;
    if (customer && customer.id !== NEW_CONTACT_ID) {
      const contact = customer.type === "contact" ? records.contacts.find((c) => c.id === customer.id) : undefined;
      valid = contact
        ? hasValidEntitlement({ type: "contact", record: contact }, records)
        : hasValidEntitlement({ type: "account", id: customer.id }, records);
    }
    if (!valid) return stop(halted("arc-rule", "no-valid-entitlement", assumptions, ruleName));
  }

  // Rule items in list order; the first match creates the case (S-ARC).
  const item = rule.items.find((i) => itemMatches(i, email));
  if (!item) return stop(halted("arc-rule", "no-matching-condition", assumptions, ruleName));
  if (rule.sendAutomaticResponse && !rule.responseTemplateId) {
    assumptions.push("Automatic response is on without a template: no response is sent.");
  }
  if (sameAddress(email.from, queue.emailAddress)) {
    assumptions.push("The email comes from the queue's own address: the case may be missing its customer.");
  }
  return { result: passed("arc-rule", assumptions), caseCreated: true, effects };
}
