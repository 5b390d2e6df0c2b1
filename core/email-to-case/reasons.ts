/**
 * Every reason an email does not become a case, in Microsoft's vocabulary, with a one-sentence recommendation for
 * an admin (PRODUCT.md §5.2, diagnose-scenario.md). Where an Activity monitor reason fits, its code and verbatim
 * label are used; otherwise the label uses the name Microsoft's troubleshooting articles give the condition.
 *
 * Sources: seed 000 = "Troubleshoot an issue faced when converting an email to a case"; seed 001 = "Emails aren't
 * automatically tracked or synchronized"; seed 002 = "Email fails to create with a NoCorrelationMatch sync error";
 * S-NC = SupportArticles-docs `support/dynamics-365/customer-service/email/incoming-email-not-converted-case.md`.
 */
import { ACTIVITY_MONITOR_REASONS } from "./codes";
import { MICROSOFT_DOCS, type MicrosoftDocument } from "./sources";

export type StageName = "mailbox-sync" | "tracking" | "queue-item" | "arc-rule";

export interface Reason {
  id: string;
  activityMonitorReason: number | null;
  label: string;
  /** The Microsoft document that describes this reason. */
  source: MicrosoftDocument;
}

interface ReasonEntry {
  id: string;
  status: "stopped" | "failed";
  code: number | null;
  /** Used when no Activity monitor code fits. */
  label?: string;
  recommendation: string;
  source: MicrosoftDocument;
}

function entry(e: ReasonEntry): ReasonEntry {
  return e;
}

/** Keyed by id, or `id/variant` where one id needs different words in different situations. */
export const REASONS = {
  "no-dataverse-mailbox": entry({
    id: "no-dataverse-mailbox",
    status: "failed",
    code: null,
    label:
      "None of the recipients (To, Cc, Bcc) is the email address of a Dataverse queue or user, so no mailbox synchronizes this email.",
    recommendation:
      "Make the queue's email address the one customers write to (it must match the Exchange mailbox), or send to that address.",
    // seed 001, 'Specific emails are not automatically tracked' point 3
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "mailbox-not-syncing": entry({
    id: "mailbox-not-syncing",
    status: "failed",
    code: null,
    label:
      "The receiving mailbox does not receive email by server-side synchronization, or is not enabled for incoming email.",
    recommendation:
      "Set the mailbox's Incoming Email to Server-Side Synchronization or Email Router, then select Test & Enable Mailbox.",
    // seed 001, common cause 5 and point 2 (Tested and Enabled for Server-Side Synchronization)
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "mailbox-test-failed": entry({
    id: "mailbox-test-failed",
    status: "failed",
    code: null,
    label: "The receiving mailbox has not passed Test & Enable: its incoming email status is not Success.",
    recommendation:
      "Open the mailbox's Alerts, fix the Exchange or connection problem they name, and run Test & Enable Mailbox.",
    // seed 001, common cause 5 and 'Review Mailbox Alerts'
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "not-in-root-inbox": entry({
    id: "not-in-root-inbox",
    status: "stopped",
    code: null,
    label:
      "The email is not in the root Inbox folder of the mailbox; server-side synchronization does not process it, even if it is moved back to the Inbox later.",
    recommendation:
      "Keep email in the root Inbox until it is tracked (check Outlook rules and junk filtering); to reprocess it, reset the mailbox's Process Email Received After (ProcessEmailsReceivedAfter) date.",
    // seed 001, common cause 4 and point 1
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "no-correlation-match": entry({
    id: "no-correlation-match",
    status: "stopped",
    code: null,
    label:
      "NoCorrelationMatch: no user or queue recipient of the email accepts it under its incoming email filtering method (Track setting).",
    recommendation:
      "Set the receiving queue's Convert Incoming Email To Activities to All email messages, or to an option this email meets.",
    // seed 002 (Cause) and seed 001, common cause 2
    source: MICROSOFT_DOCS.noCorrelationMatch,
  }),
  "no-correlation-match/correlation-disabled": entry({
    id: "no-correlation-match",
    status: "stopped",
    code: null,
    label: "NoCorrelationMatch: Use correlation to track email conversations is turned off in System Settings.",
    recommendation: "Turn on System Settings > Email > Use correlation to track email conversations.",
    // seed 002, Note
    source: MICROSOFT_DOCS.noCorrelationMatch,
  }),
  "bcc-only": entry({
    id: "bcc-only",
    status: "stopped",
    code: null,
    label:
      "The email reached the mailbox only as a Bcc recipient: Dataverse cannot resolve Bcc recipients, and only a mailbox set to All email messages accepts such email.",
    recommendation:
      "Ask senders to put the queue's address in To or Cc, or set the mailbox owner's tracking to All email messages.",
    // seed 001, 'Distribution Groups and BCC Recipients'
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "bcc-only/queue": entry({
    id: "bcc-only",
    status: "stopped",
    code: null,
    label: "The queue's address is only in Bcc: email sent with the queue address in Bcc isn't processed into a case.",
    recommendation: "Ask senders to put the queue's address in To or Cc.",
    // S-NC cause 6
    source: MICROSOFT_DOCS.emailNotConverted,
  }),
  "via-distribution-group": entry({
    id: "via-distribution-group",
    status: "stopped",
    code: null,
    label:
      "The email reached the mailbox through a distribution group, which Dataverse cannot resolve to a user or queue; only a mailbox set to All email messages accepts it.",
    recommendation:
      "Set the receiving queue's Convert Incoming Email To Activities to All email messages, or have senders write to the queue's own address.",
    // seed 001, 'Distribution Groups and BCC Recipients'
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "privilege-denied": entry({
    id: "privilege-denied",
    status: "failed",
    code: null,
    label:
      "PrivilegeDenied: the owner of the receiving mailbox or queue has no licence or lacks the privileges to synchronize email, so the email activity was not created (Exchange shows it as Undeliverable).",
    recommendation:
      "Give the mailbox owner a licence and a security role with the email synchronization privileges, then check the Item Level Monitoring dashboard.",
    // seed 001, common cause 3 and 'Undeliverable category'
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "isv-aborted": entry({
    id: "isv-aborted",
    status: "failed",
    code: null,
    label:
      "IsvAborted: a plug-in or workflow failed while the email activity was created; Exchange shows the email in the Undeliverable category.",
    recommendation:
      "Find the failing plug-in or workflow in the mailbox's Alerts or the Item Level Monitoring dashboard and have its owner fix it.",
    // seed 001, common cause 1 and 'Undeliverable category'
    source: MICROSOFT_DOCS.emailsNotTracked,
  }),
  "no-queue-recipient": entry({
    id: "no-queue-recipient",
    status: "stopped",
    code: null,
    label:
      "The email was tracked, but no queue among its recipients received it, so no queue item was created and no rule can process it.",
    recommendation: "Send email to the address of a queue that has an active record creation rule.",
    // seed 000, step 2
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "no-active-rule": entry({
    id: "no-active-rule",
    status: "stopped",
    code: null,
    label: "No active automatic record creation and update rule exists for the queue the email was sent to.",
    recommendation: "Create a record creation and update rule for this queue and activate it.",
    // S-NC cause 9
    source: MICROSOFT_DOCS.emailNotConverted,
  }),
  "no-active-rule/draft": entry({
    id: "no-active-rule",
    status: "stopped",
    code: null,
    label:
      "The queue's automatic record creation and update rule is in draft; a rule processes email only once activated.",
    recommendation: "Activate the rule.",
    // S-NC cause 9; S-ARC (a rule is Draft until activated)
    source: MICROSOFT_DOCS.emailNotConverted,
  }),
  "rule-owner-disabled": entry({
    id: "rule-owner-disabled",
    status: "failed",
    code: 17,
    recommendation:
      "Give the rule an active owner, then deactivate and reactivate the rule to reconnect its Power Automate flow.",
    // S-NC symptom 2
    source: MICROSOFT_DOCS.emailNotConverted,
  }),
  "no-rule-items": entry({
    id: "no-rule-items",
    status: "stopped",
    code: null,
    label: "The rule has no rule items, so automatic record creation does not run for it.",
    recommendation: "Add at least one rule item; a last item whose condition every email meets acts as a catch-all.",
    // S-FAQ (no rule item: ARC doesn't run)
    source: MICROSOFT_DOCS.recordCreationFaq,
  }),
  "active-case-connected": entry({
    id: "active-case-connected",
    status: "stopped",
    code: 3,
    recommendation: "Nothing to fix if the email belongs to that case: it is associated with the active case instead.",
    // seed 000 validation table ('related to an active case: No case is created'); S-NC cause 7
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "resolved-case-connected": entry({
    id: "resolved-case-connected",
    status: "stopped",
    code: 4,
    recommendation:
      "Set 'Create a case for activities associated with a resolved case' (checkifresolved) to Yes to open a new case for such email.",
    // seed 000 validation table; S-ARC (if No, no case is created while a related case exists)
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "resolved-too-recently": entry({
    id: "resolved-too-recently",
    status: "stopped",
    code: 5,
    recommendation:
      "Shorten the rule's wait time after resolution (resolvedsince), or expect a new case once it has passed.",
    // S-LEG / S-ARC resolved-case window
    source: MICROSOFT_DOCS.recordCreationRules,
  }),
  "no-sender": entry({
    id: "no-sender",
    status: "stopped",
    code: 6,
    recommendation: "Check the email's From address: a case needs a sender to become its customer.",
    // Activity monitor reason 6
    source: MICROSOFT_DOCS.activityMonitor,
  }),
  "unknown-sender": entry({
    id: "unknown-sender",
    status: "stopped",
    code: 7,
    recommendation:
      "Select 'Create contact for unknown sender' (allowunknownsender) on the rule, or add the sender as a contact or account.",
    // seed 000, step 3 and validation table
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "inactive-sender": entry({
    id: "inactive-sender",
    status: "stopped",
    code: 7,
    recommendation:
      "Reactivate the sender's contact or account, or allow unknown senders so the rule activates it and creates the case.",
    // seed 000 validation table (unknown senders No, inactive account or contact: no case)
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "unsupported-sender-type": entry({
    id: "unsupported-sender-type",
    status: "stopped",
    code: 7,
    recommendation:
      "The sender is known only as another record type (for example a lead): convert it to a contact, or allow unknown senders.",
    // seed 000 validation table (record type other than account or contact: no case)
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "contact-not-created": entry({
    id: "contact-not-created",
    status: "failed",
    code: 9,
    recommendation:
      "Give the email owner the Create privilege on Contact, or set msdyn_ArcCreateContactWithRuleOwner so contacts are created as the rule owner, who must have it.",
    // S-NC cause 8
    source: MICROSOFT_DOCS.emailNotConverted,
  }),
  "no-valid-entitlement": entry({
    id: "no-valid-entitlement",
    status: "stopped",
    code: 11,
    recommendation:
      "Give the customer an active entitlement (listing this contact, or with no contacts listed), or set 'Create a case if a valid entitlement exists' to No.",
    // seed 000 validation table (valid entitlement rule)
    source: MICROSOFT_DOCS.emailToCaseTroubleshooting,
  }),
  "no-matching-condition": entry({
    id: "no-matching-condition",
    status: "stopped",
    code: 13,
    recommendation: "Add a rule item whose condition this email meets, or a catch-all item last.",
    // S-FAQ skip reason 5
    source: MICROSOFT_DOCS.recordCreationFaq,
  }),
} satisfies Record<string, ReasonEntry>;

export type ReasonKey = keyof typeof REASONS;

export function reasonOf(key: ReasonKey): Reason {
  const e: ReasonEntry = REASONS[key];
  const label = e.code !== null ? ACTIVITY_MONITOR_REASONS[e.code] : e.label;
  return { id: e.id, activityMonitorReason: e.code, label: label ?? e.label ?? e.id, source: e.source };
}

export function statusOf(key: ReasonKey): "stopped" | "failed" {
  return REASONS[key].status;
}

export function recommendationOf(key: ReasonKey): string {
  return REASONS[key].recommendation;
}

/** Every reason id the toolkit can report, for the README and the tests. */
export const REASON_IDS: readonly string[] = [...new Set(Object.values(REASONS).map((e: ReasonEntry) => e.id))];
