import { checkEnvironment, type EmailEnvironment } from "../../../core/email-to-case/health";
import { queueWith, ruleWith } from "../../fixtures/email-to-case";

const queue = (settings: Record<string, unknown> = {}) => queueWith({ id: "Q1", ...settings });
const rule = (settings: Record<string, unknown> = {}) =>
  ruleWith({ id: "r1", name: "Support email to case", queueId: "q1", allowUnknownSender: true, ...settings });

function said(environment: Partial<EmailEnvironment>) {
  const health = checkEnvironment({
    emailCorrelationEnabled: true,
    queues: [queue()],
    rules: [rule()],
    ...environment,
  });
  return health.findings.map(({ id, severity, message, recommendation, about }) => ({
    id,
    severity,
    message,
    recommendation,
    about,
  }));
}

const SUPPORT = { kind: "queue", id: "Q1", name: "Support" };
const NO_RULE = {
  id: "queue-without-active-rule",
  severity: "info",
  message:
    'Queue "Support" (support@contoso.com) has no active record creation rule, so email to it never becomes a case.',
  recommendation: "Create and activate a rule for the queue if its email should open cases.",
  about: SUPPORT,
};

describe("what the health page says about each queue", () => {
  test("a queue watched by an active rule, whatever the case of its id: nothing about the queue itself", () => {
    expect(said({})).toEqual([]);
  });

  test("a queue with an address and no rule: email to it never becomes a case", () => {
    expect(said({ rules: [] })).toEqual([NO_RULE]);
  });

  test("a queue is named by its id when it has no name", () => {
    expect(said({ queues: [queue({ name: undefined })], rules: [] })).toEqual([
      {
        ...NO_RULE,
        message:
          'Queue "Q1" (support@contoso.com) has no active record creation rule, so email to it never becomes a case.',
        about: { kind: "queue", id: "Q1", name: "Q1" },
      },
    ]);
  });

  test("a queue watched only by a rule on no queue or another queue has no rule", () => {
    expect(
      said({ rules: [rule({ queueId: null, state: "draft" }), rule({ id: "r2", queueId: "q2", state: "draft" })] }).map(
        (f) => f.id,
      ),
    ).toContain("queue-without-active-rule");
  });

  test("a queue without an address is left alone: no email reaches it to become a case", () => {
    expect(said({ queues: [queue({ emailAddress: null, incomingEmailFilteringMethod: 4 })], rules: [] })).toEqual([]);
  });

  test("a queue only a draft rule watches: no active rule, and its mailbox is reported with the rule, once", () => {
    const ids = said({
      queues: [queue({ mailbox: { incomingEmailDeliveryMethod: 0 } })],
      rules: [rule({ state: "draft" })],
    }).map((f) => `${f.about.kind}:${f.id}`);
    expect(ids).toEqual(["rule:queue-mailbox-not-syncing", "rule:rule-is-draft", "queue:queue-without-active-rule"]);
  });

  test("a queue no rule watches, whose mailbox does not synchronize", () => {
    expect(said({ queues: [queue({ mailbox: { incomingEmailDeliveryMethod: 0 } })], rules: [] })).toEqual([
      {
        id: "queue-mailbox-not-syncing",
        severity: "warning",
        message: 'The mailbox of queue "Support" does not receive email by server-side synchronization.',
        recommendation: "Open the mailbox, read its Alerts and run Test & Enable Mailbox.",
        about: SUPPORT,
      },
      NO_RULE,
    ]);
  });

  test("a queue no rule watches, whose mailbox failed its test", () => {
    expect(said({ queues: [queue({ mailbox: { incomingEmailStatus: 2 } })], rules: [] })).toEqual([
      {
        id: "queue-mailbox-test-failed",
        severity: "warning",
        message: 'The mailbox of queue "Support" has not passed Test & Enable.',
        recommendation: "Open the mailbox, read its Alerts and run Test & Enable Mailbox.",
        about: SUPPORT,
      },
      NO_RULE,
    ]);
  });

  test("a queue no rule watches, which converts no email", () => {
    expect(said({ queues: [queue({ incomingEmailFilteringMethod: 4 })], rules: [] })).toEqual([
      {
        id: "queue-accepts-no-email",
        severity: "warning",
        message: 'Queue "Support" converts no incoming email to activities ("No email messages").',
        recommendation: "Set Convert Incoming Email To Activities to All email messages.",
        about: SUPPORT,
      },
      NO_RULE,
    ]);
  });
});

describe("what the health page says about the organization", () => {
  test("correlation turned off", () => {
    expect(said({ emailCorrelationEnabled: false })).toEqual([
      {
        id: "correlation-disabled",
        severity: "warning",
        message: "Use correlation to track email conversations is off: email may end with NoCorrelationMatch.",
        recommendation: "Turn on System Settings > Email > Use correlation to track email conversations.",
        about: { kind: "organization", id: null, name: "Organization" },
      },
    ]);
  });
});
