/**
 * `validateRule(rule, context?)` (PRODUCT.md §5.3): findings about an automatic record creation and update rule,
 * alone and together with its queue. `field` is the Dataverse column the finding is about, so the rule form can
 * put it on that control (domain.md §1).
 */
import { FILTERING_METHOD_LABELS } from "./codes";
import type { ArcRule, Queue } from "./scenario";
import { MICROSOFT_DOCS, type MicrosoftDocument } from "./sources";
import { mailboxProblem } from "./stages/mailbox-sync";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  id: string;
  severity: Severity;
  field?: string;
  message: string;
  recommendation: string;
  /** The Microsoft document the finding comes from; absent for the toolkit's own notes (a read that failed). */
  source?: MicrosoftDocument;
}

export interface RuleContext {
  /** The queue the rule watches, with its mailbox. */
  queue?: Queue;
  /** Whether customers' email reaches the queue by Bcc or through a distribution group. */
  expectBccOrDistributionGroup?: boolean;
  /** Other rules in the environment, to find a second active rule on the same queue. */
  otherRules?: readonly ArcRule[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validateRule(rule: ArcRule, context: RuleContext = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Finding): void => {
    findings.push(f);
  };

  if (rule.state === "draft") {
    add({
      id: "rule-is-draft",
      source: MICROSOFT_DOCS.recordCreationRules,
      severity: "warning",
      field: "statecode",
      message: "The rule is in draft: it processes no email until it is activated.",
      recommendation: "Activate the rule when its settings are complete.",
    });
  }
  if (rule.queueId === null) {
    add({
      id: "no-queue",
      source: MICROSOFT_DOCS.recordCreationRules,
      severity: "error",
      field: "queueid",
      message: "The rule watches no queue: an email rule needs the queue the email arrives in.",
      recommendation: "Set Queue to monitor to the queue whose email address customers write to.",
    });
  }
  if (!rule.ownerEnabled) {
    add({
      id: "rule-owner-disabled",
      source: MICROSOFT_DOCS.emailNotConverted,
      severity: "error",
      field: "ownerid",
      message:
        "The rule's owner is disabled or deleted: the rule fails with 'Error matching conditions. Contact Microsoft support.'",
      recommendation: "Assign the rule to an active user, then deactivate and reactivate it.",
    });
  }

  // Rule items: at least one, first match wins (S-ARC, S-FAQ).
  if (rule.items.length === 0) {
    add({
      id: "no-rule-items",
      source: MICROSOFT_DOCS.recordCreationFaq,
      severity: "error",
      message: "The rule has no rule items, so it never runs and creates no case.",
      recommendation: "Add a rule item; a last item whose condition every email meets acts as a catch-all.",
    });
  } else if (rule.items.every((i) => i.matches === "none")) {
    add({
      id: "no-item-can-match",
      source: MICROSOFT_DOCS.recordCreationFaq,
      severity: "error",
      message: "No rule item has a condition an email can meet, so no case is ever created.",
      recommendation: "Give at least one rule item a condition incoming email meets.",
    });
  } else {
    const catchAll = rule.items.findIndex((i) => i.matches === "any");
    if (catchAll >= 0 && catchAll < rule.items.length - 1) {
      const skipped = rule.items
        .slice(catchAll + 1)
        .map((i) => `"${i.name}"`)
        .join(", ");
      add({
        id: "items-after-catch-all",
        source: MICROSOFT_DOCS.recordCreationRules,
        severity: "warning",
        message: `Rule item "${rule.items[catchAll]?.name}" matches every email, so the items after it (${skipped}) never run.`,
        recommendation: "Move the catch-all item to the end: items run in order and the first match wins.",
      });
    }
  }

  // Unknown senders and the settings that interact with them (seed 000 table; S-NC cause 8).
  if (!rule.allowUnknownSender) {
    add({
      id: "unknown-senders-rejected",
      source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
      severity: "info",
      field: "allowunknownsender",
      message: "Email from unknown senders, and from inactive contacts and accounts, does not become a case.",
      recommendation: "Select 'Create contact for unknown sender' if such email should open cases.",
    });
  } else {
    if (rule.checkActiveEntitlement) {
      add({
        id: "unknown-senders-never-entitled",
        source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
        severity: "warning",
        field: "checkactiveentitlement",
        message:
          "Unknown senders are allowed and a valid entitlement is required: a contact is created for each unknown sender, but never a case, because a new contact has no entitlement.",
        recommendation: "Clear one of the two options, depending on whether unknown senders should get cases.",
      });
    }
    if (rule.senderResolution === "powerAutomate") {
      add({
        id: "power-automate-needs-customer-mapping",
        source: MICROSOFT_DOCS.recordCreationRules,
        severity: "warning",
        field: "senderresolutionoption",
        message:
          "Unknown senders are mapped in Power Automate: no contact is created, so a case needs its Customer set by the flow.",
        recommendation: "Map the Customer in each rule item's Power Automate flow.",
      });
    } else if (!rule.ownerCanCreateContacts) {
      add({
        id: "owner-cannot-create-contacts",
        source: MICROSOFT_DOCS.emailNotConverted,
        severity: "error",
        field: "ownerid",
        message: "The contact for an unknown sender cannot be created, so such email never becomes a case.",
        recommendation:
          "Give the email owner (or, with msdyn_ArcCreateContactWithRuleOwner, the rule owner) the Create privilege on Contact.",
      });
    }
  }

  // Resolved cases and the wait time (S-LEG, S-ARC).
  const wait = rule.resolvedSinceMinutes;
  if (wait !== null && wait < 0) {
    add({
      id: "resolved-wait-negative",
      source: MICROSOFT_DOCS.recordCreationRules,
      severity: "error",
      field: "resolvedsince",
      message: `The wait after resolution is ${wait} minutes; it cannot be negative.`,
      recommendation: "Set the wait time to zero or more minutes.",
    });
  }
  if (rule.checkIfResolved && (wait === null || wait === 0)) {
    add({
      id: "resolved-wait-missing",
      source: MICROSOFT_DOCS.recordCreationRules,
      severity: "warning",
      field: "resolvedsince",
      message:
        "New cases are created for email about resolved cases, with no wait: a customer's 'thank you' after resolution opens a new case.",
      recommendation: "Set how long a case must stay resolved before a reply opens a new case.",
    });
  }
  if (!rule.checkIfResolved && wait !== null && wait > 0) {
    add({
      id: "resolved-wait-ignored",
      source: MICROSOFT_DOCS.recordCreationRules,
      severity: "info",
      field: "resolvedsince",
      message:
        "The wait time has no effect: email about a resolved case never opens a new case while the resolved-case option is off.",
      recommendation:
        "Turn on 'Create a case for activities associated with a resolved case' if such email should open cases.",
    });
  }

  // Automatic response (S-LEG: sent only if a template is selected).
  if (rule.sendAutomaticResponse && !rule.responseTemplateId) {
    add({
      id: "auto-response-without-template",
      source: MICROSOFT_DOCS.legacyCaseCreationRules,
      severity: "error",
      field: "responsetemplateid",
      message: "Automatic response is on, but no email template is selected, so no response is sent.",
      recommendation: "Select the email template to send, or turn automatic response off.",
    });
  } else if (!rule.sendAutomaticResponse && rule.responseTemplateId) {
    add({
      id: "template-without-auto-response",
      source: MICROSOFT_DOCS.legacyCaseCreationRules,
      severity: "info",
      field: "sendautomaticresponse",
      message: "A response template is selected, but automatic response is off.",
      recommendation: "Turn on automatic response if customers should get the template.",
    });
  }

  const queue = context.queue;
  if (queue) findings.push(...queueFindings(rule, queue, context.expectBccOrDistributionGroup));
  const twin = context.otherRules?.find(
    (r) => r.id !== rule.id && r.state === "active" && r.queueId !== null && r.queueId === rule.queueId,
  );
  if (twin) {
    add({
      id: "another-active-rule-for-queue",
      source: MICROSOFT_DOCS.legacyCaseCreationRules,
      severity: "warning",
      field: "queueid",
      message: `Rule "${twin.name ?? twin.id}" is also active for this queue.`,
      recommendation: "Keep one active rule per queue and activity type, with one item per kind of email.",
    });
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function queueFindings(rule: ArcRule, queue: Queue, expectBccOrDistributionGroup: boolean | undefined): Finding[] {
  const findings: Finding[] = [];
  const queueName = `queue "${queue.name ?? queue.id}"`;
  const name = `Q${queueName.slice(1)}`;
  if (!queue.emailAddress) {
    findings.push({
      id: "queue-no-email-address",
      source: MICROSOFT_DOCS.legacyCaseCreationRules,
      severity: "error",
      field: "queueid",
      message: `${name} has no email address, so no email reaches it.`,
      recommendation: "Set the queue's email address and approve and test its mailbox.",
    });
  }
  const problem = mailboxProblem(queue.mailbox);
  if (problem === "mailbox-not-syncing") {
    findings.push({
      id: "queue-mailbox-not-syncing",
      source: MICROSOFT_DOCS.emailsNotTracked,
      severity: "error",
      field: "queueid",
      message: `The mailbox of ${queueName} does not receive email by server-side synchronization.`,
      recommendation:
        "Set the mailbox's Incoming Email to Server-Side Synchronization and select Test & Enable Mailbox.",
    });
  } else if (problem === "mailbox-test-failed") {
    const notRun = queue.mailbox.incomingEmailStatus === 0;
    findings.push({
      id: "queue-mailbox-test-failed",
      source: MICROSOFT_DOCS.emailsNotTracked,
      severity: notRun ? "warning" : "error",
      field: "queueid",
      message: `The mailbox of ${queueName} ${notRun ? "has not been tested" : "failed its test"}: incoming email status is ${notRun ? "Not Run" : "Failure"}.`,
      recommendation: "Read the mailbox's Alerts, fix what they name and run Test & Enable Mailbox.",
    });
  }
  const method = queue.incomingEmailFilteringMethod;
  const methodLabel = `"${FILTERING_METHOD_LABELS[method]}"`;
  if (method === 4) {
    findings.push({
      id: "queue-accepts-no-email",
      source: MICROSOFT_DOCS.noCorrelationMatch,
      severity: "error",
      field: "queueid",
      message: `${name} converts no incoming email to activities (${methodLabel}), so it never gets a queue item.`,
      recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
    });
  } else if (method === 1) {
    findings.push({
      id: "queue-tracks-replies-only",
      source: MICROSOFT_DOCS.noCorrelationMatch,
      severity: "warning",
      field: "queueid",
      message: `${name} tracks only ${methodLabel}: a customer's new email ends with NoCorrelationMatch unless another recipient tracks it.`,
      recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
    });
  } else if ((method === 2 || method === 3) && rule.allowUnknownSender) {
    findings.push({
      id: "queue-rejects-unknown-senders",
      source: MICROSOFT_DOCS.noCorrelationMatch,
      severity: "warning",
      field: "allowunknownsender",
      message: `${name} tracks only ${methodLabel}, so email from unknown senders is never tracked and the rule's 'Create contact for unknown sender' has no effect.`,
      recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
    });
  }
  if (method !== 0 && method !== 4) {
    findings.push({
      id: "queue-filtering-excludes-bcc",
      source: MICROSOFT_DOCS.emailsNotTracked,
      severity: expectBccOrDistributionGroup ? "warning" : "info",
      field: "queueid",
      message: `${name} tracks ${methodLabel}: email that reaches it by Bcc or through a distribution group is not tracked, because only "All email messages" accepts it.`,
      recommendation:
        "Set the queue to All email messages if customers write to a distribution group or Bcc the queue.",
    });
  }
  return findings;
}
