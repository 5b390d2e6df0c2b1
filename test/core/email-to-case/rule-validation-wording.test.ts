/**
 * What the rule form and the health page tell an admin about a rule: each finding's words, written out here as the
 * admin reads them, and the edges of the settings that raise it.
 */
import { validateRule, type Finding, type RuleContext } from "../../../core/email-to-case/rule-validation";
import { queueWith, ruleWith } from "../../fixtures/email-to-case";

/** A complete active rule that allows unknown senders: no findings. */
const goodRule = (settings: Record<string, unknown> = {}) => ruleWith({ allowUnknownSender: true, ...settings });

function findings(settings: Record<string, unknown> = {}, context: RuleContext = {}): Finding[] {
  return validateRule(goodRule(settings), context);
}
const ids = (f: Finding[]): string[] => f.map((x) => x.id);
const said = (f: Finding[]) =>
  f.map(({ id, severity, field, message, recommendation }) => ({ id, severity, field, message, recommendation }));

const queue = queueWith;

describe("what the admin is told about the rule's own settings", () => {
  test.each([
    [
      "a draft rule",
      { state: "draft" },
      "rule-is-draft",
      "The rule is in draft: it processes no email until it is activated.",
      "Activate the rule when its settings are complete.",
    ],
    [
      "no queue",
      { queueId: null },
      "no-queue",
      "The rule watches no queue: an email rule needs the queue the email arrives in.",
      "Set Queue to monitor to the queue whose email address customers write to.",
    ],
    [
      "a disabled owner",
      { ownerEnabled: false },
      "rule-owner-disabled",
      "The rule's owner is disabled or deleted: the rule fails with 'Error matching conditions. Contact Microsoft support.'",
      "Assign the rule to an active user, then deactivate and reactivate it.",
    ],
    [
      "no items",
      { items: [] },
      "no-rule-items",
      "The rule has no rule items, so it never runs and creates no case.",
      "Add a rule item; a last item whose condition every email meets acts as a catch-all.",
    ],
    [
      "items that never match",
      { items: [{ name: "x", matches: "none" }] },
      "no-item-can-match",
      "No rule item has a condition an email can meet, so no case is ever created.",
      "Give at least one rule item a condition incoming email meets.",
    ],
    [
      "unknown senders rejected",
      { allowUnknownSender: false },
      "unknown-senders-rejected",
      "Email from unknown senders, and from inactive contacts and accounts, does not become a case.",
      "Select 'Create contact for unknown sender' if such email should open cases.",
    ],
    [
      "unknown senders allowed with an entitlement required",
      { checkActiveEntitlement: true },
      "unknown-senders-never-entitled",
      "Unknown senders are allowed and a valid entitlement is required: a contact is created for each unknown sender, but never a case, because a new contact has no entitlement.",
      "Clear one of the two options, depending on whether unknown senders should get cases.",
    ],
    [
      "Power Automate sender resolution",
      { senderResolution: "powerAutomate" },
      "power-automate-needs-customer-mapping",
      "Unknown senders are mapped in Power Automate: no contact is created, so a case needs its Customer set by the flow.",
      "Map the Customer in each rule item's Power Automate flow.",
    ],
    [
      "an owner who cannot create contacts",
      { ownerCanCreateContacts: false },
      "owner-cannot-create-contacts",
      "The contact for an unknown sender cannot be created, so such email never becomes a case.",
      "Give the email owner (or, with msdyn_ArcCreateContactWithRuleOwner, the rule owner) the Create privilege on Contact.",
    ],
    [
      "a negative wait",
      { resolvedSinceMinutes: -5 },
      "resolved-wait-negative",
      "The wait after resolution is -5 minutes; it cannot be negative.",
      "Set the wait time to zero or more minutes.",
    ],
    [
      "the resolved-case option with no wait",
      { checkIfResolved: true },
      "resolved-wait-missing",
      "New cases are created for email about resolved cases, with no wait: a customer's 'thank you' after resolution opens a new case.",
      "Set how long a case must stay resolved before a reply opens a new case.",
    ],
    [
      "a wait with the resolved-case option off",
      { resolvedSinceMinutes: 60 },
      "resolved-wait-ignored",
      "The wait time has no effect: email about a resolved case never opens a new case while the resolved-case option is off.",
      "Turn on 'Create a case for activities associated with a resolved case' if such email should open cases.",
    ],
    [
      "automatic response without a template",
      { sendAutomaticResponse: true },
      "auto-response-without-template",
      "Automatic response is on, but no email template is selected, so no response is sent.",
      "Select the email template to send, or turn automatic response off.",
    ],
    [
      "a template with automatic response off",
      { responseTemplateId: "t1" },
      "template-without-auto-response",
      "A response template is selected, but automatic response is off.",
      "Turn on automatic response if customers should get the template.",
    ],
  ])("%s", (_what, settings, id, message, recommendation) => {
    const finding = findings(settings).find((f) => f.id === id);
    expect([finding?.message, finding?.recommendation]).toEqual([message, recommendation]);
  });
});

describe("the rule items", () => {
  test("one item that can match among items that cannot is enough", () => {
    const items = [
      { name: "Never", matches: "none" },
      { name: "Any", matches: "any" },
    ];
    expect(findings({ items })).toEqual([]);
  });

  test("a catch-all in the middle names the items it hides, in order", () => {
    const items = [
      { name: "Refunds", matches: { subjectContains: "refund" } },
      { name: "Everything", matches: "any" },
      { name: "Billing", matches: { subjectContains: "bill" } },
      { name: "Orders", matches: { subjectContains: "order" } },
    ];
    expect(said(findings({ items }))).toEqual([
      {
        id: "items-after-catch-all",
        severity: "warning",
        field: undefined,
        message: 'Rule item "Everything" matches every email, so the items after it ("Billing", "Orders") never run.',
        recommendation: "Move the catch-all item to the end: items run in order and the first match wins.",
      },
    ]);
  });

  test("a catch-all last hides nothing", () => {
    const items = [
      { name: "Refunds", matches: { subjectContains: "refund" } },
      { name: "Everything", matches: "any" },
    ];
    expect(findings({ items })).toEqual([]);
  });
});

describe("the wait after resolution", () => {
  test.each([
    ["option on, a positive wait", { checkIfResolved: true, resolvedSinceMinutes: 30 }, []],
    ["option on, a negative wait", { checkIfResolved: true, resolvedSinceMinutes: -5 }, ["resolved-wait-negative"]],
    ["option off, no wait", { resolvedSinceMinutes: null }, []],
    ["option off, a zero wait", { resolvedSinceMinutes: 0 }, []],
    ["option off, a one-minute wait", { resolvedSinceMinutes: 1 }, ["resolved-wait-ignored"]],
  ])("%s", (_what, settings, expected) => {
    expect(ids(findings(settings))).toEqual(expected);
  });
});

describe("another rule on the same queue", () => {
  const other = (settings: Record<string, unknown>) => goodRule({ id: "r2", name: "Second", ...settings });

  test("is named, as a warning on the queue", () => {
    expect(said(findings({}, { otherRules: [other({})] }))).toEqual([
      {
        id: "another-active-rule-for-queue",
        severity: "warning",
        field: "queueid",
        message: 'Rule "Second" is also active for this queue.',
        recommendation: "Keep one active rule per queue and activity type, with one item per kind of email.",
      },
    ]);
  });

  test.each([
    ["the rule itself, listed among the others", { id: "r" }, {}],
    ["a draft rule", { state: "draft" }, {}],
    ["a rule on another queue", { queueId: "q2" }, {}],
    ["a rule on no queue, beside a rule on no queue", { queueId: null }, { queueId: null }],
  ])("is not %s", (_what, otherSettings, ruleSettings) => {
    expect(ids(findings(ruleSettings, { otherRules: [other(otherSettings)] }))).not.toContain(
      "another-active-rule-for-queue",
    );
  });
});

describe("what the admin is told about the queue", () => {
  test("a queue without an address, named by its id when it has no name", () => {
    expect(said(findings({}, { queue: queue({ name: undefined, emailAddress: null }) }))).toEqual([
      {
        id: "queue-no-email-address",
        severity: "error",
        field: "queueid",
        message: 'Queue "q" has no email address, so no email reaches it.',
        recommendation: "Set the queue's email address and approve and test its mailbox.",
      },
    ]);
  });

  test("a mailbox that does not synchronize", () => {
    expect(said(findings({}, { queue: queue({ mailbox: { incomingEmailDeliveryMethod: 0 } }) }))).toEqual([
      {
        id: "queue-mailbox-not-syncing",
        severity: "error",
        field: "queueid",
        message: 'The mailbox of queue "Support" does not receive email by server-side synchronization.',
        recommendation:
          "Set the mailbox's Incoming Email to Server-Side Synchronization and select Test & Enable Mailbox.",
      },
    ]);
  });

  test.each([
    [0, "warning", 'The mailbox of queue "Support" has not been tested: incoming email status is Not Run.'],
    [2, "error", 'The mailbox of queue "Support" failed its test: incoming email status is Failure.'],
  ])("a mailbox whose test status is %s", (status, severity, message) => {
    expect(said(findings({}, { queue: queue({ mailbox: { incomingEmailStatus: status } }) }))).toEqual([
      {
        id: "queue-mailbox-test-failed",
        severity,
        field: "queueid",
        message,
        recommendation: "Read the mailbox's Alerts, fix what they name and run Test & Enable Mailbox.",
      },
    ]);
  });

  test("a queue that converts no email", () => {
    expect(said(findings({}, { queue: queue({ incomingEmailFilteringMethod: 4 }) }))).toEqual([
      {
        id: "queue-accepts-no-email",
        severity: "error",
        field: "queueid",
        message:
          'Queue "Support" converts no incoming email to activities ("No email messages"), so it never gets a queue item.',
        recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
      },
    ]);
  });

  const bccNote = (method: string) => ({
    id: "queue-filtering-excludes-bcc",
    severity: "info",
    field: "queueid",
    message: `Queue "Support" tracks "${method}": email that reaches it by Bcc or through a distribution group is not tracked, because only "All email messages" accepts it.`,
    recommendation: "Set the queue to All email messages if customers write to a distribution group or Bcc the queue.",
  });

  test("a queue that tracks only replies", () => {
    expect(said(findings({}, { queue: queue({ incomingEmailFilteringMethod: 1 }) }))).toEqual([
      {
        id: "queue-tracks-replies-only",
        severity: "warning",
        field: "queueid",
        message:
          'Queue "Support" tracks only "Email messages in response to Dynamics 365 email": a customer\'s new email ends with NoCorrelationMatch unless another recipient tracks it.',
        recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
      },
      bccNote("Email messages in response to Dynamics 365 email"),
    ]);
  });

  test("a queue that tracks only email-enabled records, with unknown senders allowed", () => {
    expect(said(findings({}, { queue: queue({ incomingEmailFilteringMethod: 3 }) }))).toEqual([
      {
        id: "queue-rejects-unknown-senders",
        severity: "warning",
        field: "allowunknownsender",
        message:
          'Queue "Support" tracks only "Email messages from Dynamics 365 records that are email enabled", so email from unknown senders is never tracked and the rule\'s \'Create contact for unknown sender\' has no effect.',
        recommendation: "Set the queue's Convert Incoming Email To Activities to All email messages.",
      },
      bccNote("Email messages from Dynamics 365 records that are email enabled"),
    ]);
  });

  test("a queue that tracks only known senders, with unknown senders rejected anyway: only the Bcc note", () => {
    const f = findings({ allowUnknownSender: false }, { queue: queue({ incomingEmailFilteringMethod: 2 }) });
    expect(ids(f)).toEqual(["unknown-senders-rejected", "queue-filtering-excludes-bcc"]);
  });
});
