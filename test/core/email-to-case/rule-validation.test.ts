import { validateRule, type Finding, type RuleContext } from "../../../core/email-to-case/rule-validation";
import { queueWith, ruleWith } from "../../fixtures/email-to-case";

/** A complete active rule that allows unknown senders: no findings. */
const goodRule = (settings: Record<string, unknown> = {}) => ruleWith({ allowUnknownSender: true, ...settings });

function findings(settings: Record<string, unknown> = {}, context: RuleContext = {}): Finding[] {
  return validateRule(goodRule(settings), context);
}
const ids = (f: Finding[]) => f.map((x) => x.id);
const find = (f: Finding[], id: string) => f.find((x) => x.id === id);

const queue = queueWith;

describe("validateRule(rule, context) (PRODUCT.md §5.3)", () => {
  test("a complete active rule that allows unknown senders has no findings", () => {
    expect(findings()).toEqual([]);
  });

  test("a finding has an id, a severity, the column it is about, a message, a recommendation and its Microsoft document", () => {
    const f = find(findings({ sendAutomaticResponse: true }), "auto-response-without-template")!;
    expect(f).toEqual({
      id: "auto-response-without-template",
      severity: "error",
      field: "responsetemplateid",
      message: expect.any(String),
      recommendation: expect.any(String),
      source: {
        title: "Automatically create a case from an email in web client",
        url: "https://learn.microsoft.com/dynamics365/customer-service/administer/automatically-create-case-from-email",
      },
    });
  });

  test.each([
    ["a draft rule", { state: "draft" }, "rule-is-draft", "warning", "statecode"],
    ["no queue", { queueId: null }, "no-queue", "error", "queueid"],
    ["no items", { items: [] }, "no-rule-items", "error", undefined],
    ["items that never match", { items: [{ name: "x", matches: "none" }] }, "no-item-can-match", "error", undefined],
    [
      "unknown senders allowed with entitlement required",
      { checkActiveEntitlement: true },
      "unknown-senders-never-entitled",
      "warning",
      "checkactiveentitlement",
    ],
    [
      "auto-response on without a template",
      { sendAutomaticResponse: true },
      "auto-response-without-template",
      "error",
      "responsetemplateid",
    ],
    [
      "a template with auto-response off",
      { responseTemplateId: "t1" },
      "template-without-auto-response",
      "info",
      "sendautomaticresponse",
    ],
    [
      "resolved-case option on with no wait",
      { checkIfResolved: true },
      "resolved-wait-missing",
      "warning",
      "resolvedsince",
    ],
    [
      "resolved-case option on with a zero wait",
      { checkIfResolved: true, resolvedSinceMinutes: 0 },
      "resolved-wait-missing",
      "warning",
      "resolvedsince",
    ],
    [
      "a wait with the resolved-case option off",
      { resolvedSinceMinutes: 60 },
      "resolved-wait-ignored",
      "info",
      "resolvedsince",
    ],
    [
      "a negative wait",
      { checkIfResolved: true, resolvedSinceMinutes: -5 },
      "resolved-wait-negative",
      "error",
      "resolvedsince",
    ],
    [
      "Power Automate sender resolution",
      { senderResolution: "powerAutomate" },
      "power-automate-needs-customer-mapping",
      "warning",
      "senderresolutionoption",
    ],
    [
      "an owner who cannot create contacts",
      { ownerCanCreateContacts: false },
      "owner-cannot-create-contacts",
      "error",
      "ownerid",
    ],
    ["a disabled owner", { ownerEnabled: false }, "rule-owner-disabled", "error", "ownerid"],
    [
      "unknown senders not allowed",
      { allowUnknownSender: false },
      "unknown-senders-rejected",
      "info",
      "allowunknownsender",
    ],
  ])("%s: %s", (_, settings, id, severity, field) => {
    const f = find(findings(settings), id as string);
    expect(f).toBeDefined();
    expect(f!.severity).toBe(severity);
    expect(f!.field).toBe(field);
  });

  test("a catch-all item before other items hides them", () => {
    const f = findings({
      items: [
        { name: "Any", matches: "any" },
        { name: "Refunds", matches: { subjectContains: "refund" } },
      ],
    });
    expect(find(f, "items-after-catch-all")?.message).toContain('"Refunds"');
  });

  test("with Power Automate resolution, contact-creation privileges do not matter", () => {
    expect(ids(findings({ senderResolution: "powerAutomate", ownerCanCreateContacts: false }))).not.toContain(
      "owner-cannot-create-contacts",
    );
  });

  test("findings come errors first, then warnings, then notes", () => {
    const severities = findings({ state: "draft", sendAutomaticResponse: true, allowUnknownSender: false }).map(
      (f) => f.severity,
    );
    // The rule has all three kinds, so the order is seen: every error before any warning, every warning before any note.
    expect(new Set(severities)).toEqual(new Set(["error", "warning", "info"]));
    expect(severities.lastIndexOf("error")).toBeLessThan(severities.indexOf("warning"));
    expect(severities.lastIndexOf("warning")).toBeLessThan(severities.indexOf("info"));
  });

  describe("with the queue the rule watches", () => {
    test("a well-configured queue adds nothing", () => {
      expect(findings({}, { queue: queue() })).toEqual([]);
    });

    test("a queue without an email address", () => {
      expect(ids(findings({}, { queue: queue({ emailAddress: null }) }))).toContain("queue-no-email-address");
    });

    test("a queue whose mailbox does not sync, or failed its test", () => {
      expect(ids(findings({}, { queue: queue({ mailbox: { incomingEmailDeliveryMethod: 0 } }) }))).toContain(
        "queue-mailbox-not-syncing",
      );
      expect(
        find(findings({}, { queue: queue({ mailbox: { incomingEmailStatus: 2 } }) }), "queue-mailbox-test-failed")
          ?.severity,
      ).toBe("error");
      expect(
        find(findings({}, { queue: queue({ mailbox: { incomingEmailStatus: 0 } }) }), "queue-mailbox-test-failed")
          ?.severity,
      ).toBe("warning");
    });

    test("a queue that converts no email", () => {
      expect(
        find(findings({}, { queue: queue({ incomingEmailFilteringMethod: 4 }) }), "queue-accepts-no-email")?.severity,
      ).toBe("error");
    });

    test("a queue that tracks only replies", () => {
      expect(ids(findings({}, { queue: queue({ incomingEmailFilteringMethod: 1 }) }))).toContain(
        "queue-tracks-replies-only",
      );
    });

    test("a queue that tracks only known senders makes 'allow unknown senders' moot", () => {
      expect(ids(findings({}, { queue: queue({ incomingEmailFilteringMethod: 2 }) }))).toContain(
        "queue-rejects-unknown-senders",
      );
    });

    test("a queue not set to All email messages when Bcc or distribution groups are expected: a warning", () => {
      const expected = find(
        findings({}, { queue: queue({ incomingEmailFilteringMethod: 2 }), expectBccOrDistributionGroup: true }),
        "queue-filtering-excludes-bcc",
      );
      const notExpected = find(
        findings({}, { queue: queue({ incomingEmailFilteringMethod: 2 }) }),
        "queue-filtering-excludes-bcc",
      );
      expect([expected?.severity, notExpected?.severity]).toEqual(["warning", "info"]);
    });

    test("another active rule on the same queue", () => {
      const other = goodRule({ id: "r2", name: "Second" });
      expect(find(findings({}, { otherRules: [other] }), "another-active-rule-for-queue")?.message).toContain(
        '"Second"',
      );
    });
  });
});
