import { parseScenario } from "../../../core/email-to-case/scenario";
import { exampleScenarioJson } from "../../fixtures/scenarios";

function problems(change: (j: any) => void) {
  const json = exampleScenarioJson();
  change(json);
  const r = parseScenario(json);
  return r.ok ? [] : r.problems;
}

describe("the e2c-scenario/1 input (diagnose-scenario.md)", () => {
  test("the documented example is valid", () => {
    expect(parseScenario(exampleScenarioJson()).ok).toBe(true);
  });

  test("fields left out take the Dataverse defaults the format names", () => {
    const r = parseScenario({
      format: "e2c-scenario/1",
      queues: [{ id: "q", emailAddress: "q@contoso.com" }],
      rules: [{ id: "r", queueId: "q" }],
      email: { from: "a@b.com", to: ["q@contoso.com"] },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.organization.emailCorrelationEnabled).toBe(true);
    expect(r.value.queues[0]).toMatchObject({
      incomingEmailFilteringMethod: 0,
      mailbox: {
        incomingEmailDeliveryMethod: 2,
        enabledForIncomingEmail: true,
        incomingEmailStatus: 0,
        ownerHasSyncPrivileges: true,
      },
    });
    expect(r.value.rules[0]).toMatchObject({
      state: "draft",
      allowUnknownSender: false,
      senderResolution: "createContact",
      checkActiveEntitlement: false,
      checkIfResolved: false,
      resolvedSinceMinutes: null,
      items: [],
      ownerEnabled: true,
      ownerCanCreateContacts: true,
    });
    expect(r.value.email).toMatchObject({
      cc: [],
      bcc: [],
      subject: "",
      folder: "Inbox",
      relatedCaseId: null,
      processingFailure: null,
    });
    expect(r.value.records).toEqual({ contacts: [], accounts: [], otherSenders: [], entitlements: [], cases: [] });
  });

  test("an unknown field is an error that names it", () => {
    expect(problems((j) => (j.rules[0].allowUnknwnSender = true))).toEqual([
      { field: "rules[0].allowUnknwnSender", message: "is not a field of this format (check its spelling)" },
    ]);
  });

  test("a wrong type is an error that names the field", () => {
    const p = problems((j) => (j.queues[0].incomingEmailFilteringMethod = "all"));
    expect(p.map((x) => x.field)).toEqual(["queues[0].incomingEmailFilteringMethod"]);
  });

  test("every problem is reported at once", () => {
    const p = problems((j) => {
      j.email.folder = 3;
      j.rules[0].state = "on";
      j.extra = 1;
    });
    expect(p.map((x) => x.field).sort()).toEqual(["email.folder", "extra", "rules[0].state"]);
  });

  test("the format marker is required", () => {
    expect(problems((j) => delete j.format).map((x) => x.field)).toEqual(["format"]);
  });

  test("the email is required", () => {
    expect(problems((j) => delete j.email).map((x) => x.field)).toEqual(["email"]);
  });

  test("a rule for a queue that is not in queues is an error", () => {
    expect(problems((j) => (j.rules[0].queueId = "sales"))).toEqual([
      { field: "rules[0].queueId", message: 'names queue "sales", which is not in queues' },
    ]);
  });

  test("a contact whose parent account is not in the records is an error", () => {
    expect(problems((j) => (j.records.contacts[0].parentAccountId = "a9")).map((x) => x.field)).toEqual([
      "records.contacts[0].parentAccountId",
    ]);
  });

  test("a date that is not ISO 8601 is an error", () => {
    expect(problems((j) => (j.email.receivedAt = "last Tuesday")).map((x) => x.field)).toEqual(["email.receivedAt"]);
  });
});
