import { checkEnvironment, type EmailEnvironment } from "../../../core/email-to-case/health";
import { queueWith, ruleWith } from "../../fixtures/email-to-case";

const queue = (settings: Record<string, unknown> = {}) => queueWith({ id: "q1", ...settings });
const rule = (settings: Record<string, unknown> = {}) =>
  ruleWith({ id: "r1", name: "Support email to case", queueId: "q1", ...settings });

function check(environment: Partial<EmailEnvironment>) {
  return checkEnvironment({ emailCorrelationEnabled: true, queues: [queue()], rules: [rule()], ...environment });
}

describe("the email-to-case health of an environment", () => {
  test("a healthy environment has only the notes about its rules", () => {
    const health = check({});
    expect(health.counts).toEqual({ error: 0, warning: 0, info: 1 });
    expect(health.findings.map((f) => f.id)).toEqual(["unknown-senders-rejected"]);
  });

  test("every rule is validated with its queue, and its findings name the rule", () => {
    const health = check({ queues: [queue({ incomingEmailFilteringMethod: 4 })] });
    const f = health.findings.find((x) => x.id === "queue-accepts-no-email")!;
    expect([f.severity, f.about]).toEqual(["error", { kind: "rule", id: "r1", name: "Support email to case" }]);
  });

  test("every rule comes with its outcome table", () => {
    const health = check({});
    expect(health.rules[0]!.outcomeTable.find((r) => r.id === "active-contact")?.caseCreated).toBe(true);
  });

  test("a second active rule on the same queue is found", () => {
    expect(check({ rules: [rule(), rule({ id: "r2", name: "Copy" })] }).findings.map((f) => f.id)).toContain(
      "another-active-rule-for-queue",
    );
  });

  test("a queue with an address but no active rule is named, with its own mailbox problems", () => {
    const health = check({ rules: [], queues: [queue({ mailbox: { incomingEmailStatus: 2 } })] });
    expect(health.findings.map((f) => [f.id, f.about.kind])).toEqual([
      ["queue-mailbox-test-failed", "queue"],
      ["queue-without-active-rule", "queue"],
    ]);
  });

  test("a queue watched by a draft rule is reported once: its mailbox with the rule, its missing active rule itself", () => {
    const health = check({
      rules: [rule({ state: "draft" })],
      queues: [queue({ mailbox: { incomingEmailStatus: 2 } })],
    });
    expect(health.findings.filter((f) => f.id === "queue-mailbox-test-failed").map((f) => f.about.kind)).toEqual([
      "rule",
    ]);
    expect(health.findings.filter((f) => f.id === "queue-without-active-rule")).toHaveLength(1);
  });

  test("correlation turned off is a warning about the organisation", () => {
    const f = check({ emailCorrelationEnabled: false }).findings.find((x) => x.id === "correlation-disabled");
    expect([f?.severity, f?.about.kind]).toEqual(["warning", "organization"]);
  });

  test("findings come errors first, then warnings, then notes", () => {
    const health = check({ emailCorrelationEnabled: false, rules: [rule({ sendAutomaticResponse: true })] });
    const order = health.findings.map((f) => f.severity);
    expect(order).toEqual(
      [...order].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)),
    );
    expect(order[0]).toBe("error");
  });
});
