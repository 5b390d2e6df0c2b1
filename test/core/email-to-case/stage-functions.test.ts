/** Each stage of PRODUCT.md §5.1 is a function of its own; these call them directly, without diagnose(). */
import { receiversOf } from "../../../core/email-to-case/recipients";
import { evaluateArcRule, itemMatches, NEW_CONTACT_ID } from "../../../core/email-to-case/stages/arc-rule";
import { checkMailboxSync, mailboxProblem } from "../../../core/email-to-case/stages/mailbox-sync";
import { checkQueueItems } from "../../../core/email-to-case/stages/queue-item";
import { acceptsUnderMethod, checkTracking } from "../../../core/email-to-case/stages/tracking";
import { resolveSender } from "../../../core/email-to-case/sender";
import { hasValidEntitlement } from "../../../core/email-to-case/entitlement";
import { scenario, supportQueue } from "../../fixtures/scenarios";

describe("receiversOf", () => {
  test("finds the queue and user mailboxes an email was delivered to, and how", () => {
    const s = scenario((j) => {
      j.email.cc = ["AVERY@contoso.com"];
      j.email.bcc = ["support@contoso.com"];
      j.email.to = [];
    });
    expect(receiversOf(s).map((r) => [r.kind, r.record.id, r.as])).toEqual([
      ["queue", "support", "bcc"],
      ["user", "u1", "cc"],
    ]);
  });
});

describe("checkMailboxSync", () => {
  test("reports the syncing receivers", () => {
    const s = scenario();
    const out = checkMailboxSync(s, receiversOf(s));
    expect(out.result.status).toBe("passed");
    expect(out.syncing.map((r) => r.record.id)).toEqual(["support"]);
  });

  test("mailboxProblem reads delivery method, enabled flag and test status", () => {
    const ok = {
      incomingEmailDeliveryMethod: 2,
      enabledForIncomingEmail: true,
      incomingEmailStatus: 1,
      ownerHasSyncPrivileges: true,
    } as const;
    expect(mailboxProblem(ok)).toBeNull();
    expect(mailboxProblem({ ...ok, incomingEmailDeliveryMethod: 3 })).toBe("mailbox-not-syncing");
    expect(mailboxProblem({ ...ok, enabledForIncomingEmail: false })).toBe("mailbox-not-syncing");
    expect(mailboxProblem({ ...ok, incomingEmailStatus: 0 })).toBe("mailbox-test-failed");
  });
});

describe("checkTracking", () => {
  test("returns the mailboxes that tracked the email", () => {
    const s = scenario((j) => (j.email.cc = ["avery@contoso.com"]));
    const out = checkTracking(s, receiversOf(s));
    expect(out.tracked.map((r) => r.record.id)).toEqual(["support", "u1"]);
  });

  test("acceptsUnderMethod: each method also accepts what the ones before it accept", () => {
    const reply = scenario((j) => {
      j.email.inReplyToTrackedEmail = true;
      j.email.from = "stranger@example.com";
    });
    expect([0, 1, 2, 3, 4].map((m) => acceptsUnderMethod(m as 0, reply))).toEqual([true, true, true, true, false]);
    const contact = scenario();
    expect([0, 1, 2, 3, 4].map((m) => acceptsUnderMethod(m as 0, contact))).toEqual([true, false, true, true, false]);
  });
});

describe("checkQueueItems", () => {
  test("gives the queues that get a queue item", () => {
    const s = scenario();
    const receivers = receiversOf(s);
    expect(checkQueueItems(receivers, receivers).queues.map((q) => q.id)).toEqual(["support"]);
  });

  test("a queue whose mailbox does not sync gets none", () => {
    const s = scenario((j) => (supportQueue(j).mailbox.incomingEmailDeliveryMethod = 0));
    const out = checkQueueItems(receiversOf(s), []);
    expect([out.result.status, out.result.reason?.id, out.queues]).toEqual(["failed", "mailbox-not-syncing", []]);
  });
});

describe("evaluateArcRule", () => {
  test("runs one queue's rule on one email and gives the case, the customer and the rule", () => {
    const s = scenario();
    const out = evaluateArcRule({ rules: s.rules, queue: s.queues[0]!, email: s.email, records: s.records });
    expect(out.caseCreated).toBe(true);
    expect(out.effects).toEqual({
      contactCreated: false,
      recordActivated: false,
      customer: { type: "contact", id: "c1" },
      ruleId: "r1",
    });
  });

  test("a contact created for an unknown sender has a placeholder id", () => {
    const s = scenario((j) => {
      j.rules[0].allowUnknownSender = true;
      j.email.from = "new@example.com";
    });
    const out = evaluateArcRule({ rules: s.rules, queue: s.queues[0]!, email: s.email, records: s.records });
    expect(out.effects.customer).toEqual({ type: "contact", id: NEW_CONTACT_ID });
  });

  test("itemMatches: any, none, and a case-insensitive subject test", () => {
    const email = { subject: "Refund for ORDER 42" };
    expect(itemMatches({ name: "", matches: "any" }, email)).toBe(true);
    expect(itemMatches({ name: "", matches: "none" }, email)).toBe(false);
    expect(itemMatches({ name: "", matches: { subjectContains: "order" } }, email)).toBe(true);
    expect(itemMatches({ name: "", matches: { subjectContains: "invoice" } }, email)).toBe(false);
  });
});

describe("resolveSender and hasValidEntitlement", () => {
  test("a sender known only as a user or a queue is another record type", () => {
    const s = scenario();
    expect(resolveSender("avery@contoso.com", s.records, s)).toEqual({ kind: "other", type: "systemuser", id: "u1" });
    expect(resolveSender("support@contoso.com", s.records, s)).toEqual({ kind: "other", type: "queue", id: "support" });
    expect(resolveSender("  ", s.records, s)).toEqual({ kind: "none" });
  });

  test("an entitlement on the contact itself is valid", () => {
    const s = scenario((j) => (j.records.entitlements = [{ id: "e9", customerId: "c1", contactIds: [] }]));
    expect(hasValidEntitlement({ type: "contact", record: s.records.contacts[0]! }, s.records)).toBe(true);
  });
});
