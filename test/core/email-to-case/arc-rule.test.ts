import { MICROSOFT_DOCS } from "../../../core/email-to-case/sources";
import { diagnosed, outcomeOf, rule, stopOf } from "../../fixtures/scenarios";

const activityMonitorReason = (d: ReturnType<typeof diagnosed>) => stopOf(d)?.reason?.activityMonitorReason;

describe("stage 4, the record creation rule: every row of seed 000's validation table", () => {
  test("Valid entitlement = Yes: a contact listed in its parent account's active entitlement gets a case", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.entitlements = [{ id: "e1", customerId: "a1", active: true, contactIds: ["c1"] }];
    });
    expect(outcomeOf(d)).toBe("case");
  });

  test("Valid entitlement = Yes: an entitlement whose Contacts section is empty applies to all the customer's contacts", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.entitlements = [{ id: "e1", customerId: "a1", active: true, contactIds: [] }];
    });
    expect(outcomeOf(d)).toBe("case");
  });

  test("Valid entitlement = Yes: a contact not listed on a parent entitlement that lists others gets no case", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.entitlements = [{ id: "e1", customerId: "a1", active: true, contactIds: ["c9"] }];
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-valid-entitlement");
    expect(activityMonitorReason(d)).toBe(11);
  });

  test("Valid entitlement = Yes: an inactive entitlement is not valid", () => {
    const d = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.records.entitlements[0].active = false;
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-valid-entitlement");
  });

  test("Valid entitlement = Yes: an account sender needs an active entitlement of its own", () => {
    const withEntitlement = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.email.from = "info@fabrikam.com";
    });
    const without = diagnosed((j) => {
      rule(j).checkActiveEntitlement = true;
      j.email.from = "info@fabrikam.com";
      j.records.entitlements = [];
    });
    expect([outcomeOf(withEntitlement), outcomeOf(without)]).toEqual(["case", "arc-rule/stopped/no-valid-entitlement"]);
  });

  test("Unknown senders = Yes: email from an unknown sender creates a case and a contact", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      j.email.from = "new.customer@example.com";
    });
    expect(outcomeOf(d)).toBe("case");
    expect(d.effects).toMatchObject({ contactCreated: true, customer: { type: "contact" } });
  });

  test("Unknown senders = Yes: email from an inactive contact or account creates a case and activates the record", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      j.records.contacts[0].active = false;
    });
    expect(outcomeOf(d)).toBe("case");
    expect(d.effects).toMatchObject({
      recordActivated: true,
      contactCreated: false,
      customer: { type: "contact", id: "c1" },
    });
  });

  test("Unknown senders = No: email from an active contact or account creates a case", () => {
    expect(outcomeOf(diagnosed())).toBe("case");
    expect(outcomeOf(diagnosed((j) => (j.email.from = "info@fabrikam.com")))).toBe("case");
  });

  test("Unknown senders = No: email from a record type other than account or contact creates no case", () => {
    const d = diagnosed((j) => (j.email.from = "lee@prospect.com"));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/unsupported-sender-type");
    expect(activityMonitorReason(d)).toBe(7);
  });

  test("Unknown senders = No: email from an inactive account or contact creates no case", () => {
    const d = diagnosed((j) => (j.records.contacts[0].active = false));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/inactive-sender");
  });

  test("Resolved case = Yes: email related to a resolved case creates a case", () => {
    const d = diagnosed((j) => {
      rule(j).checkIfResolved = true;
      j.email.relatedCaseId = "k1";
    });
    expect(outcomeOf(d)).toBe("case");
  });

  test("Resolved case = Yes: email related to an active case creates no case", () => {
    const d = diagnosed((j) => {
      rule(j).checkIfResolved = true;
      j.records.cases[0] = { id: "k1", customerId: "c1", state: "active" };
      j.email.relatedCaseId = "k1";
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/active-case-connected");
    expect(activityMonitorReason(d)).toBe(3);
  });
});

describe("stage 4, further documented behaviour", () => {
  test("a contact and an account sharing the sender's address resolve to the account (seed 000 step 5)", () => {
    const d = diagnosed((j) => (j.records.accounts[0].email = "jane@fabrikam.com"));
    expect(d.effects.customer).toEqual({ type: "account", id: "a1" });
  });

  test("an active record wins over an inactive one with the same address", () => {
    const d = diagnosed((j) => {
      j.records.accounts[0] = { id: "a1", email: "jane@fabrikam.com", active: false };
    });
    expect(d.effects.customer).toEqual({ type: "contact", id: "c1" });
  });

  test("a correlated reply to an active case creates no case (S-NC cause 7)", () => {
    const d = diagnosed((j) => {
      j.records.cases[0] = { id: "k1", customerId: "c1", state: "active" };
      j.email.inReplyToTrackedEmail = true;
      j.email.relatedCaseId = "k1";
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/active-case-connected");
  });

  test("a related case resolved inside the resolvedsince window: no case yet", () => {
    const d = diagnosed((j) => {
      rule(j).checkIfResolved = true;
      rule(j).resolvedSinceMinutes = 120; // resolved at 08:00, email at 09:00
      j.email.relatedCaseId = "k1";
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/resolved-too-recently");
    expect(activityMonitorReason(d)).toBe(5);
  });

  test("a related case resolved outside the resolvedsince window: a new case", () => {
    const d = diagnosed((j) => {
      rule(j).checkIfResolved = true;
      rule(j).resolvedSinceMinutes = 30;
      j.email.relatedCaseId = "k1";
    });
    expect(outcomeOf(d)).toBe("case");
  });

  test("a related resolved case with the resolved-case option off: no case", () => {
    const d = diagnosed((j) => (j.email.relatedCaseId = "k1"));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/resolved-case-connected");
    expect(activityMonitorReason(d)).toBe(4);
  });

  test("a related case not among the records is taken as active, and the diagnosis says so", () => {
    const d = diagnosed((j) => (j.email.relatedCaseId = "k404"));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/active-case-connected");
    expect(stopOf(d)!.assumptions[0]).toContain('"k404"');
  });

  test("a reply to a tracked email with no connected case is processed as new email, and the choice is recorded", () => {
    const d = diagnosed((j) => (j.email.inReplyToTrackedEmail = true));
    expect(outcomeOf(d)).toBe("case");
    expect(d.stages[3]!.assumptions.join(" ")).toContain(
      "(cause 7) skips only replies to tracked email associated with a case",
    );
  });

  test("a rule in draft processes nothing", () => {
    const d = diagnosed((j) => (rule(j).state = "draft"));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-active-rule");
    expect(stopOf(d)!.reason!.label).toContain("draft");
    expect(d.effects.ruleId).toBe("r1");
  });

  test("a queue with no rule at all: no active rule", () => {
    const d = diagnosed((j) => (j.rules = []));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-active-rule");
    expect(d.effects).toMatchObject({ queueId: "support", ruleId: null });
  });

  test("a rule with no items does not run", () => {
    expect(outcomeOf(diagnosed((j) => (rule(j).items = [])))).toBe("arc-rule/stopped/no-rule-items");
  });

  test("a disabled rule owner: 'Error matching conditions. Contact Microsoft support.'", () => {
    const d = diagnosed((j) => (rule(j).ownerEnabled = false));
    expect(outcomeOf(d)).toBe("arc-rule/failed/rule-owner-disabled");
    expect(stopOf(d)!.reason).toEqual({
      id: "rule-owner-disabled",
      activityMonitorReason: 17,
      label: "Error matching conditions. Contact Microsoft support.",
      source: MICROSOFT_DOCS.emailNotConverted,
    });
  });

  test("a rule owner who cannot create contacts: no contact, no case for an unknown sender", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      rule(j).ownerCanCreateContacts = false;
      j.email.from = "new@example.com";
    });
    expect(outcomeOf(d)).toBe("arc-rule/failed/contact-not-created");
    expect(activityMonitorReason(d)).toBe(9);
    expect(d.effects.contactCreated).toBe(false);
  });

  test("an unknown sender with unknown senders not allowed: no case, and the fix is the rule's option", () => {
    const d = diagnosed((j) => (j.email.from = "new@example.com"));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/unknown-sender");
    expect(stopOf(d)!.reason!.label).toBe("Email is coming from an unknown sender.");
    expect(stopOf(d)!.recommendation).toContain("allowunknownsender");
  });

  test("an email with no sender: 'No email sender is found.'", () => {
    const d = diagnosed((j) => (j.email.from = null));
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-sender");
    expect(activityMonitorReason(d)).toBe(6);
  });

  test("unknown senders allowed with a required entitlement: a contact is created but no case", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      rule(j).checkActiveEntitlement = true;
      j.email.from = "new@example.com";
    });
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-valid-entitlement");
    expect(d.effects.contactCreated).toBe(true);
    expect(d.verdict.caseCreated).toBe(false);
  });

  test("unknown senders mapped in Power Automate: no contact is created and the case depends on the flow", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      rule(j).senderResolution = "powerAutomate";
      j.email.from = "new@example.com";
    });
    expect(outcomeOf(d)).toBe("case");
    expect(d.effects.contactCreated).toBe(false);
    expect(d.stages[3]!.assumptions.join(" ")).toContain("flow sets the Customer");
  });

  test("a lead sender with unknown senders allowed is taken as unknown (a contact is created), and the choice is recorded", () => {
    const d = diagnosed((j) => {
      rule(j).allowUnknownSender = true;
      j.email.from = "lee@prospect.com";
    });
    expect(outcomeOf(d)).toBe("case");
    expect(d.effects.contactCreated).toBe(true);
    expect(d.stages[3]!.assumptions.join(" ")).toContain("lead");
  });

  test("rule items run in order and the first match wins", () => {
    const d = diagnosed((j) => {
      rule(j).items = [
        { name: "Refunds", matches: { subjectContains: "refund" } },
        { name: "Billing", matches: { subjectContains: "CHARGED" } },
        { name: "Never", matches: "none" },
      ];
    });
    expect(outcomeOf(d)).toBe("case");
  });

  test("no rule item condition met: 'The rule doesn’t have any conditions applicable to the record.'", () => {
    const d = diagnosed(
      (j) =>
        (rule(j).items = [
          { name: "Refunds", matches: { subjectContains: "refund" } },
          { name: "x", matches: "none" },
        ]),
    );
    expect(outcomeOf(d)).toBe("arc-rule/stopped/no-matching-condition");
    expect(activityMonitorReason(d)).toBe(13);
  });
});
