/**
 * `outcomeTable(rule)` (PRODUCT.md §5.3): for each row of the validation table in seed 000 (and the further
 * documented situations of §5.1), whether a case is created for the rule's current settings, and why not.
 * Each row is one synthetic email run through the same `evaluateArcRule` the diagnosis uses.
 */
import type { Reason } from "./reasons";
import type { ArcRule, IncomingEmail, Queue, Records } from "./scenario";
import { MICROSOFT_DOCS, type MicrosoftDocument } from "./sources";
import { evaluateArcRule } from "./stages/arc-rule";

export interface OutcomeRow {
  id: string;
  /** The kind of incoming email, in the admin's words. */
  situation: string;
  /** Where Microsoft documents the row. */
  source: MicrosoftDocument;
  caseCreated: boolean;
  contactCreated: boolean;
  recordActivated: boolean;
  customer: "contact" | "account" | null;
  reason: Reason | null;
  recommendation: string | null;
  assumptions: string[];
}

const RECEIVED_AT = "2026-01-15T12:00:00Z";
const SENDER = "sender@example.com";
// seed 000 (and S-TS), the validation table.
const TABLE = MICROSOFT_DOCS.emailToCaseTroubleshooting;

interface Situation {
  id: string;
  situation: string;
  source: MicrosoftDocument;
  email?: Partial<IncomingEmail>;
  records?: Partial<Records>;
}

function minutesBefore(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}

function situations(rule: ArcRule): Situation[] {
  const wait = rule.resolvedSinceMinutes ?? 0;
  const contact = (extra: Partial<Records["contacts"][number]> = {}): Records["contacts"][number] => ({
    id: "c1",
    email: SENDER,
    active: true,
    parentAccountId: null,
    ...extra,
  });
  const parent = { id: "a1", email: "info@example.com", active: true };
  const entitlement = (contactIds: string[]): Records["entitlements"][number] => ({
    id: "e1",
    customerId: "a1",
    active: true,
    contactIds,
  });
  return [
    { id: "unknown-sender", situation: "Email from an unknown sender", source: TABLE },
    {
      id: "active-contact",
      situation: "Email from an active contact (no entitlement)",
      source: TABLE,
      records: { contacts: [contact()] },
    },
    {
      id: "active-account",
      situation: "Email from an active account (no entitlement)",
      source: TABLE,
      records: { accounts: [{ id: "a1", email: SENDER, active: true }] },
    },
    {
      id: "inactive-contact-or-account",
      situation: "Email from an inactive contact or account",
      source: TABLE,
      records: { contacts: [contact({ active: false })] },
    },
    {
      id: "contact-and-account-same-address",
      situation: "Email from an address a contact and an account share",
      source: MICROSOFT_DOCS.emailToCaseTroubleshooting, // step 5
      records: { contacts: [contact()], accounts: [{ id: "a1", email: SENDER, active: true }] },
    },
    {
      id: "other-record-type",
      situation: "Email from a record other than a contact or account (a lead)",
      source: TABLE,
      records: { otherSenders: [{ id: "l1", type: "lead", email: SENDER, active: true }] },
    },
    {
      id: "contact-listed-on-parent-entitlement",
      situation: "Email from a contact listed on its parent account's active entitlement",
      source: TABLE,
      records: {
        contacts: [contact({ parentAccountId: "a1" })],
        accounts: [parent],
        entitlements: [entitlement(["c1"])],
      },
    },
    {
      id: "parent-entitlement-for-all-contacts",
      situation: "Email from a contact whose parent account's entitlement lists no contacts (applies to all)",
      source: TABLE,
      records: { contacts: [contact({ parentAccountId: "a1" })], accounts: [parent], entitlements: [entitlement([])] },
    },
    {
      id: "parent-entitlement-for-other-contacts",
      situation: "Email from a contact not listed on its parent account's entitlement",
      source: TABLE,
      records: {
        contacts: [
          contact({ parentAccountId: "a1" }),
          contact({ id: "c2", email: "other@example.com", parentAccountId: "a1" }),
        ],
        accounts: [parent],
        entitlements: [entitlement(["c2"])],
      },
    },
    {
      id: "related-active-case",
      situation: "Email from a known contact related to an active case",
      source: TABLE,
      email: { relatedCaseId: "k1", inReplyToTrackedEmail: true },
      records: { contacts: [contact()], cases: [{ id: "k1", customerId: "c1", state: "active", resolvedAt: null }] },
    },
    {
      id: "related-resolved-case",
      situation: "Email from a known contact related to a case resolved long ago",
      source: TABLE,
      email: { relatedCaseId: "k1" },
      records: {
        contacts: [contact()],
        cases: [
          {
            id: "k1",
            customerId: "c1",
            state: "resolved",
            resolvedAt: minutesBefore(RECEIVED_AT, wait + 30 * 24 * 60),
          },
        ],
      },
    },
    {
      id: "related-recently-resolved-case",
      situation: "Email from a known contact related to a case resolved a minute ago",
      source: MICROSOFT_DOCS.recordCreationRules, // S-ARC / S-LEG, resolved-case wait time
      email: { relatedCaseId: "k1" },
      records: {
        contacts: [contact()],
        cases: [{ id: "k1", customerId: "c1", state: "resolved", resolvedAt: minutesBefore(RECEIVED_AT, 1) }],
      },
    },
    {
      id: "no-sender",
      situation: "Email with no sender address",
      source: MICROSOFT_DOCS.activityMonitor, // Activity monitor reason 6
      email: { from: null },
    },
  ];
}

/** An email that meets the rule's first satisfiable item, so the rows show what the rule's other settings do. */
function subjectMeetingItems(rule: ArcRule): string {
  for (const item of rule.items) {
    if (item.matches === "any") return "";
    if (item.matches !== "none") return item.matches.subjectContains;
  }
  return "";
}

/**
 * A draft rule is shown as it will behave once activated: an active rule is read-only (S-ARC), so admins edit rules
 * in draft, and that is when they need the table. `validateRule` reports the draft state itself.
 */
export function outcomeTable(rule: ArcRule): OutcomeRow[] {
  const queue: Queue = {
    id: rule.queueId ?? "queue",
    emailAddress: "queue@example.com",
    incomingEmailFilteringMethod: 0,
    mailbox: {
      incomingEmailDeliveryMethod: 2,
      enabledForIncomingEmail: true,
      incomingEmailStatus: 1,
      ownerHasSyncPrivileges: true,
    },
  };
  const asQueueRule: ArcRule = { ...rule, queueId: queue.id, state: "active" };
  const draftNote =
    rule.state === "draft"
      ? ["Shown as the rule will behave once activated: it is in draft and processes nothing yet."]
      : [];
  return situations(rule).map((s) => {
    const email: IncomingEmail = {
      from: SENDER,
      to: [queue.emailAddress as string],
      cc: [],
      bcc: [],
      subject: subjectMeetingItems(rule),
      viaDistributionGroup: false,
      folder: "Inbox",
      movedBackToInbox: false,
      receivedAt: RECEIVED_AT,
      inReplyToTrackedEmail: false,
      relatedCaseId: null,
      processingFailure: null,
      ...s.email,
    };
    const records: Records = {
      contacts: [],
      accounts: [],
      otherSenders: [],
      entitlements: [],
      cases: [],
      ...s.records,
    };
    const { result, caseCreated, effects } = evaluateArcRule({ rules: [asQueueRule], queue, email, records });
    return {
      id: s.id,
      situation: s.situation,
      source: s.source,
      caseCreated,
      contactCreated: effects.contactCreated,
      recordActivated: effects.recordActivated,
      customer: effects.customer?.type ?? null,
      reason: result.reason,
      recommendation: result.recommendation,
      assumptions: [...draftNote, ...result.assumptions],
    };
  });
}
