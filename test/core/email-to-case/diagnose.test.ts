import { diagnose } from "../../../core/email-to-case/diagnose";
import { REASON_IDS } from "../../../core/email-to-case/reasons";
import { diagnosed, outcomeOf, rule, scenario, stopOf, supportQueue } from "../../fixtures/scenarios";

/** One scenario for each reason id diagnose-scenario.md requires, plus the ids the toolkit adds. */
const SCENARIO_FOR_REASON: Record<string, (j: any) => void> = {
  "mailbox-not-syncing": (j) => (supportQueue(j).mailbox.incomingEmailDeliveryMethod = 0),
  "mailbox-test-failed": (j) => (supportQueue(j).mailbox.incomingEmailStatus = 2),
  "not-in-root-inbox": (j) => (j.email.folder = "Junk Email"),
  "no-correlation-match": (j) => (supportQueue(j).incomingEmailFilteringMethod = 4),
  "privilege-denied": (j) => (j.email.processingFailure = "privilege"),
  "isv-aborted": (j) => (j.email.processingFailure = "plugin"),
  "bcc-only": (j) => {
    supportQueue(j).incomingEmailFilteringMethod = 2;
    j.email.to = [];
    j.email.bcc = ["support@contoso.com"];
  },
  "no-queue-recipient": (j) => (j.email.to = ["avery@contoso.com"]),
  "no-active-rule": (j) => (rule(j).state = "draft"),
  "no-rule-items": (j) => (rule(j).items = []),
  "active-case-connected": (j) => {
    j.records.cases[0].state = "active";
    j.email.relatedCaseId = "k1";
  },
  "resolved-case-connected": (j) => (j.email.relatedCaseId = "k1"),
  "resolved-too-recently": (j) => {
    Object.assign(rule(j), { checkIfResolved: true, resolvedSinceMinutes: 1440 });
    j.email.relatedCaseId = "k1";
  },
  "no-sender": (j) => (j.email.from = null),
  "unknown-sender": (j) => (j.email.from = "who@example.com"),
  "inactive-sender": (j) => (j.records.contacts[0].active = false),
  "unsupported-sender-type": (j) => (j.email.from = "lee@prospect.com"),
  "contact-not-created": (j) => {
    Object.assign(rule(j), { allowUnknownSender: true, ownerCanCreateContacts: false });
    j.email.from = "who@example.com";
  },
  "no-valid-entitlement": (j) => {
    rule(j).checkActiveEntitlement = true;
    j.records.entitlements = [];
  },
  "no-matching-condition": (j) => (rule(j).items = [{ name: "Never", matches: "none" }]),
  "rule-owner-disabled": (j) => (rule(j).ownerEnabled = false),
  // Added by the toolkit where no documented id fits (README, "Reason ids").
  "no-dataverse-mailbox": (j) => (j.email.to = ["nobody@contoso.com"]),
  "via-distribution-group": (j) => {
    supportQueue(j).incomingEmailFilteringMethod = 1;
    j.email.viaDistributionGroup = true;
  },
};

const REQUIRED_REASON_IDS = [
  "mailbox-not-syncing",
  "mailbox-test-failed",
  "not-in-root-inbox",
  "no-correlation-match",
  "privilege-denied",
  "isv-aborted",
  "bcc-only",
  "no-queue-recipient",
  "no-active-rule",
  "no-rule-items",
  "active-case-connected",
  "resolved-case-connected",
  "resolved-too-recently",
  "no-sender",
  "unknown-sender",
  "inactive-sender",
  "unsupported-sender-type",
  "contact-not-created",
  "no-valid-entitlement",
  "no-matching-condition",
  "rule-owner-disabled",
];

describe("diagnose(scenario) returns e2c-diagnosis/1", () => {
  test("with exactly the documented keys", () => {
    const d = diagnosed();
    expect(Object.keys(d).sort()).toEqual(["effects", "format", "stages", "verdict"]);
    expect(d.format).toBe("e2c-diagnosis/1");
    expect(Object.keys(d.verdict).sort()).toEqual(["caseCreated", "summary"]);
    expect(d.stages.map((s) => s.stage)).toEqual(["mailbox-sync", "tracking", "queue-item", "arc-rule"]);
    for (const s of d.stages)
      expect(Object.keys(s).sort()).toEqual(["assumptions", "reason", "recommendation", "stage", "status"]);
    expect(d.effects).toEqual({
      contactCreated: false,
      recordActivated: false,
      customer: { type: "contact", id: "c1" },
      queueId: "support",
      ruleId: "r1",
    });
  });

  test("a stopped stage carries a reason with id, Activity monitor code, label and Microsoft document, and a recommendation", () => {
    const stop = stopOf(diagnosed(SCENARIO_FOR_REASON["unknown-sender"]!))!;
    expect(Object.keys(stop.reason!).sort()).toEqual(["activityMonitorReason", "id", "label", "source"]);
    expect(stop.recommendation).toMatch(/\.$/);
  });

  test.each(REQUIRED_REASON_IDS)("the reason id %s is produced where it applies", (id) => {
    expect(stopOf(diagnosed(SCENARIO_FOR_REASON[id]!))?.reason?.id).toBe(id);
  });

  test("every reason id the toolkit can report has a scenario here", () => {
    expect([...REASON_IDS].sort()).toEqual(Object.keys(SCENARIO_FOR_REASON).sort());
  });

  test.each(Object.keys(SCENARIO_FOR_REASON))("%s has one sentence of advice for an admin", (id) => {
    const stop = stopOf(diagnosed(SCENARIO_FOR_REASON[id]!))!;
    expect(stop.recommendation).toMatch(/^[A-Z][^]*\.$/);
    expect(stop.recommendation!.split(/\.\s+[A-Z]/)).toHaveLength(1);
  });

  // The Activity monitor's reason picklist, verbatim from Microsoft's table (research domain.md §6), for every
  // reason id that maps to one; the other ids are the toolkit's own and carry no code.
  const ACTIVITY_MONITOR: Record<string, [number, string]> = {
    "rule-owner-disabled": [17, "Error matching conditions. Contact Microsoft support."],
    "active-case-connected": [3, "An active case is already connected with this record."],
    "resolved-case-connected": [4, "A resolved case is already connected with this record."],
    "resolved-too-recently": [
      5,
      "The rule requires a connected case to be resolved for a specific amount of time before creating a new one. This connected case has been resolved for less than the amount of time selected.",
    ],
    "no-sender": [6, "No email sender is found."],
    "unknown-sender": [7, "Email is coming from an unknown sender."],
    "inactive-sender": [7, "Email is coming from an unknown sender."],
    "unsupported-sender-type": [7, "Email is coming from an unknown sender."],
    "contact-not-created": [
      9,
      "A contact was not created for this sender. This can be that the rule owner doesn't have permission to create contacts.",
    ],
    "no-valid-entitlement": [11, "No valid entitlement for this email sender."],
    "no-matching-condition": [13, "The rule doesn’t have any conditions applicable to the record."],
  };

  test.each(Object.entries(ACTIVITY_MONITOR))(
    "%s carries Microsoft's Activity monitor code and label",
    (id, expected) => {
      const reason = stopOf(diagnosed(SCENARIO_FOR_REASON[id]!))!.reason!;
      expect([reason.activityMonitorReason, reason.label]).toEqual(expected);
    },
  );

  test.each(Object.keys(SCENARIO_FOR_REASON).filter((id) => !(id in ACTIVITY_MONITOR)))(
    "%s is the toolkit's own reason, with no Activity monitor code",
    (id) => {
      expect(stopOf(diagnosed(SCENARIO_FOR_REASON[id]!))!.reason!.activityMonitorReason).toBeNull();
    },
  );

  test("the verdict says in one sentence where the email stopped", () => {
    const d = diagnosed(SCENARIO_FOR_REASON["unknown-sender"]!);
    expect(d.verdict).toEqual({
      caseCreated: false,
      summary: "No case: stopped at record creation rule (unknown-sender). Email is coming from an unknown sender.",
    });
  });

  test("the verdict of a created case names the queue, the rule and the customer", () => {
    expect(diagnosed().verdict.summary).toBe(
      'A case is created in queue "Support" by rule "Support email to case" for contact c1.',
    );
  });

  test("an email to two queues with rules creates two cases (S-FAQ), and the verdict says so", () => {
    const d = diagnosed((j) => {
      j.queues.push({ ...supportQueue(j), id: "billing", name: "Billing", emailAddress: "billing@contoso.com" });
      j.rules.push({ ...rule(j), id: "r2", queueId: "billing" });
      j.email.cc = ["billing@contoso.com"];
    });
    expect(d.verdict.summary).toContain("2 cases are created");
  });

  test("of two queues, the one whose rule creates a case is reported", () => {
    const d = diagnosed((j) => {
      j.queues.unshift({ ...supportQueue(j), id: "general", name: "General", emailAddress: "hello@contoso.com" });
      j.email.to = ["hello@contoso.com", "support@contoso.com"];
    });
    expect(outcomeOf(d)).toBe("case");
    expect(d.effects.queueId).toBe("support");
  });

  test("diagnose does not change the scenario it is given", () => {
    const s = scenario();
    const before = JSON.stringify(s);
    diagnose(s);
    expect(JSON.stringify(s)).toBe(before);
  });
});
