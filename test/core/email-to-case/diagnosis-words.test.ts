/** What `e2c diagnose` tells the admin: the verdict, who the case is for, and where to go when none is made. */
import { diagnosed, rule, stopOf, supportQueue } from "../../fixtures/scenarios";

const arcStage = (d: ReturnType<typeof diagnosed>) => d.stages.find((s) => s.stage === "arc-rule");

describe("the verdict when a case is created", () => {
  test("the queue, the rule and the customer, with the effects", () => {
    const d = diagnosed();
    expect(d.verdict).toEqual({
      caseCreated: true,
      summary: 'A case is created in queue "Support" by rule "Support email to case" for contact c1.',
    });
    expect(d.effects).toEqual({
      contactCreated: false,
      recordActivated: false,
      customer: { type: "contact", id: "c1" },
      queueId: "support",
      ruleId: "r1",
    });
    expect(d.stages.map((s) => s.status)).toEqual(["passed", "passed", "passed", "passed"]);
  });

  test("a new contact for an unknown sender", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      j.email.from = "new.customer@example.com";
    });
    expect(d.verdict.summary).toBe(
      'A case is created in queue "Support" by rule "Support email to case" for a new contact created for the sender.',
    );
  });

  test("an inactive contact, reactivated", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      j.records.contacts[0].active = false;
    });
    expect(d.verdict.summary).toBe(
      'A case is created in queue "Support" by rule "Support email to case" for contact c1 (reactivated).',
    );
  });

  test("an unknown sender mapped in Power Automate", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      rule(j).senderResolution = "powerAutomate";
      j.email.from = "new.customer@example.com";
    });
    expect(d.verdict.summary).toBe(
      'A case is created in queue "Support" by rule "Support email to case" for the customer the rule\'s flow maps.',
    );
  });

  test("a queue and a rule without names are named by their ids", () => {
    const d = diagnosed((j) => {
      delete supportQueue(j).name;
      delete rule(j).name;
    });
    expect(d.verdict.summary).toBe('A case is created in queue "support" by rule "r1" for contact c1.');
  });

  test("two queues whose rules each create a case: two cases, and the verdict says so", () => {
    const d = diagnosed((j) => {
      j.queues.push({ ...supportQueue(j), id: "sales", name: "Sales", emailAddress: "sales@contoso.com" });
      j.rules.push({ ...rule(j), id: "r2", name: "Sales email to case", queueId: "sales" });
      j.email.to = ["support@contoso.com", "sales@contoso.com"];
    });
    expect(d.verdict.summary).toBe(
      'A case is created in queue "Support" by rule "Support email to case" for contact c1. 2 queues have rules that create a case, so 2 cases are created.',
    );
  });

  test("of two queues, the one whose rule creates the case is reported, not the first", () => {
    const d = diagnosed((j) => {
      j.queues.push({ ...supportQueue(j), id: "sales", name: "Sales", emailAddress: "sales@contoso.com" });
      rule(j).queueId = "sales";
      j.email.to = ["support@contoso.com", "sales@contoso.com"];
    });
    expect([d.verdict.summary, d.effects.queueId]).toEqual([
      'A case is created in queue "Sales" by rule "Support email to case" for contact c1.',
      "sales",
    ]);
  });
});

describe("the verdict when no case is created", () => {
  test("stopped at the first stage: the later stages are not reached, and nothing is created", () => {
    const d = diagnosed((j) => {
      supportQueue(j).mailbox.incomingEmailDeliveryMethod = 0;
    });
    expect(d.verdict).toEqual({
      caseCreated: false,
      summary:
        "No case: stopped at mailbox sync (mailbox-not-syncing). The receiving mailbox does not receive email by server-side synchronization, or is not enabled for incoming email.",
    });
    expect(d.stages.map((s) => s.status)).toEqual(["failed", "not-reached", "not-reached", "not-reached"]);
    expect(d.effects).toEqual({
      contactCreated: false,
      recordActivated: false,
      customer: null,
      queueId: null,
      ruleId: null,
    });
  });

  test("stopped at tracking: the queue item and rule stages are not reached", () => {
    const d = diagnosed((j) => {
      j.organization.emailCorrelationEnabled = false;
      supportQueue(j).incomingEmailFilteringMethod = 1;
      j.email.inReplyToTrackedEmail = true;
    });
    expect(d.stages.map((s) => s.status)).toEqual(["passed", "stopped", "not-reached", "not-reached"]);
    expect(d.verdict.summary).toBe(
      "No case: stopped at tracking and correlation (no-correlation-match). NoCorrelationMatch: Use correlation to track email conversations is turned off in System Settings.",
    );
  });

  test("of two queues, one without a rule and one whose rule stops, the rule that stops is reported", () => {
    const d = diagnosed((j) => {
      j.queues.unshift({ ...supportQueue(j), id: "sales", name: "Sales", emailAddress: "sales@contoso.com" });
      j.email.to = ["sales@contoso.com", "support@contoso.com"];
      j.email.from = "stranger@example.com";
    });
    expect([stopOf(d)?.reason?.id, d.effects.queueId]).toEqual(["unknown-sender", "support"]);
  });
});

describe("where the recommendation sends the admin", () => {
  test("no rule for the queue: to the queue", () => {
    const d = diagnosed((j) => (j.rules = []));
    expect(arcStage(d)?.recommendation).toBe(
      'For queue "Support": create a record creation and update rule for this queue and activate it.',
    );
  });

  test("a draft rule: to the rule, by its name, else its id", () => {
    const named = diagnosed((j) => (rule(j).state = "draft"));
    const unnamed = diagnosed((j) => {
      rule(j).state = "draft";
      delete rule(j).name;
    });
    expect([arcStage(named)?.recommendation, arcStage(unnamed)?.recommendation]).toEqual([
      'For rule "Support email to case": activate the rule.',
      'For rule "r1": activate the rule.',
    ]);
    expect(arcStage(named)?.assumptions).toEqual([]);
  });

  test("a stop in a rule names the rule", () => {
    const d = diagnosed((j) => {
      delete rule(j).name;
      j.email.from = "stranger@example.com";
    });
    expect(arcStage(d)?.recommendation).toBe(
      "For rule \"r1\": select 'Create contact for unknown sender' (allowunknownsender) on the rule, or add the sender as a contact or account.",
    );
  });
});

describe("what the rule stage assumes, and says", () => {
  test("several active rules for one queue: the first is evaluated, and said so", () => {
    const d = diagnosed((j) => {
      j.rules.push({ ...rule(j), id: "r2", name: "Second rule", state: "active" });
      j.rules.push({ ...rule(j), id: "r3", name: "A draft", state: "draft" });
    });
    expect(arcStage(d)?.assumptions).toEqual([
      'Several active rules watch queue "Support"; the first one listed, rule "Support email to case", is evaluated.',
    ]);
  });

  test("one active rule and a draft for the queue: nothing to say", () => {
    const d = diagnosed((j) => j.rules.push({ ...rule(j), id: "r3", name: "A draft", state: "draft" }));
    expect(arcStage(d)?.assumptions).toEqual([]);
  });

  test("automatic response without a template, and an email from the queue's own address", () => {
    const d = diagnosed((j) => {
      rule(j).sendAutomaticResponse = true;
      rule(j).allowUnknownSender = true;
      j.email.from = "SUPPORT@contoso.com";
    });
    expect(arcStage(d)?.assumptions).toEqual([
      "The sender is known only as a queue; with unknown senders allowed it is taken as unknown (Microsoft's validation table is silent on this).",
      "Automatic response is on without a template: no response is sent.",
      "The email comes from the queue's own address: the case may be missing its customer.",
    ]);
  });

  test("automatic response with a template: nothing to say", () => {
    const d = diagnosed((j) => {
      rule(j).sendAutomaticResponse = true;
      rule(j).responseTemplateId = "t1";
    });
    expect(arcStage(d)?.assumptions).toEqual([]);
  });
});

describe("email about a resolved case, with a wait after resolution", () => {
  const resolved = (change: (j: any) => void) =>
    diagnosed((j) => {
      rule(j).checkIfResolved = true;
      rule(j).resolvedSinceMinutes = 60;
      j.email.relatedCaseId = "k1";
      change(j);
    });

  test("resolved exactly the wait ago: a new case", () => {
    const d = resolved((j) => {
      j.records.cases[0].resolvedAt = "2026-11-20T08:00:00Z";
      j.email.receivedAt = "2026-11-20T09:00:00Z";
    });
    expect(d.verdict.caseCreated).toBe(true);
    expect(arcStage(d)?.assumptions).toEqual([]);
  });

  test("resolved a minute less than the wait ago: no case yet", () => {
    const d = resolved((j) => {
      j.records.cases[0].resolvedAt = "2026-11-20T08:01:00Z";
      j.email.receivedAt = "2026-11-20T09:00:00Z";
    });
    expect(stopOf(d)?.reason?.id).toBe("resolved-too-recently");
  });

  test("a resolved case with no resolution time is taken as resolved long ago, and said so", () => {
    const d = resolved((j) => (j.records.cases[0].resolvedAt = null));
    expect(d.verdict.caseCreated).toBe(true);
    expect(arcStage(d)?.assumptions).toEqual([
      "The resolved case has no resolvedAt: taken as resolved longer ago than the rule's wait.",
    ]);
  });

  test("an email with no receiving time is taken as received now, and said so", () => {
    const d = resolved((j) => (j.email.receivedAt = null));
    expect(arcStage(d)?.assumptions).toEqual(["email.receivedAt is not given: the email is taken as received now."]);
  });

  test("a wait of zero: any resolved case opens a new one, with nothing assumed", () => {
    const d = diagnosed((j) => {
      rule(j).checkIfResolved = true;
      rule(j).resolvedSinceMinutes = 0;
      j.email.relatedCaseId = "k1";
      j.email.receivedAt = null;
    });
    expect(d.verdict.caseCreated).toBe(true);
    expect(arcStage(d)?.assumptions).toEqual([]);
  });

  test("a related case that is in the records is not said to be missing", () => {
    const d = resolved(() => undefined);
    expect(arcStage(d)?.assumptions).toEqual([]);
  });
});

describe("entitlements of the customer", () => {
  test("an account sender's own active entitlement; a contact sender is checked on its parent", () => {
    const account = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.email.from = "info@fabrikam.com";
      j.records.contacts = [];
    });
    expect(account.verdict.caseCreated).toBe(true);
  });

  test("an account sender whose only entitlement belongs to another account gets no case", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.email.from = "info@fabrikam.com";
      j.records.contacts = [];
      j.records.accounts.push({ id: "a2", email: "other@example.com", active: true });
      j.records.entitlements = [{ id: "e2", customerId: "a2", active: true, contactIds: [] }];
    });
    expect(stopOf(d)?.reason?.id).toBe("no-valid-entitlement");
  });

  test("an account sender with an inactive entitlement of its own and an active one of another gets no case", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.email.from = "info@fabrikam.com";
      j.records.contacts = [];
      j.records.accounts.push({ id: "a2", email: "other@example.com", active: true });
      j.records.entitlements = [
        { id: "e1", customerId: "a1", active: false, contactIds: [] },
        { id: "e2", customerId: "a2", active: true, contactIds: [] },
      ];
    });
    expect(stopOf(d)?.reason?.id).toBe("no-valid-entitlement");
  });

  test("a contact without a parent account has no parent entitlement", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.contacts[0].parentAccountId = null;
    });
    expect(stopOf(d)?.reason?.id).toBe("no-valid-entitlement");
  });

  test("a contact not listed on its parent's entitlement that lists other contacts gets no case", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.entitlements = [{ id: "e1", customerId: "a1", active: true, contactIds: ["c9"] }];
    });
    expect(stopOf(d)?.reason?.id).toBe("no-valid-entitlement");
  });
});

describe("each stage's report", () => {
  test("a stage not reached says nothing more", () => {
    const d = diagnosed((j) => (j.email.to = ["someone@elsewhere.com"]));
    expect(d.stages.slice(1)).toEqual([
      { stage: "tracking", status: "not-reached", reason: null, recommendation: null, assumptions: [] },
      { stage: "queue-item", status: "not-reached", reason: null, recommendation: null, assumptions: [] },
      { stage: "arc-rule", status: "not-reached", reason: null, recommendation: null, assumptions: [] },
    ]);
  });

  test("a stage passed with nothing assumed says nothing more", () => {
    expect(diagnosed().stages[0]).toEqual({
      stage: "mailbox-sync",
      status: "passed",
      reason: null,
      recommendation: null,
      assumptions: [],
    });
  });
});
