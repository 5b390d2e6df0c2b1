import { addressList, scenarioForEmail, type EmailRecords } from "../../../core/email-to-case/email-scenario";
import type { EmailEnvironment } from "../../../core/email-to-case/health";

describe("the addresses of an email's sender and recipient columns", () => {
  test("separated by semicolons or commas, with display names and spaces dropped", () => {
    expect(addressList(" Jane Doe <jane@fabrikam.com>; support@contoso.com ,, ;Ops <ops@contoso.com>")).toEqual([
      "jane@fabrikam.com",
      "support@contoso.com",
      "ops@contoso.com",
    ]);
  });

  test("a column that holds no text holds no address", () => {
    expect(addressList(null)).toEqual([]);
    expect(addressList(42)).toEqual([]);
  });
});

const QUEUE = {
  id: "q1",
  name: "Support",
  emailAddress: "support@contoso.com",
  incomingEmailFilteringMethod: 0 as const,
  mailbox: {
    incomingEmailDeliveryMethod: 2 as const,
    enabledForIncomingEmail: true,
    incomingEmailStatus: 1 as const,
    ownerHasSyncPrivileges: true,
  },
};
const ENVIRONMENT: EmailEnvironment = { emailCorrelationEnabled: false, queues: [QUEUE], rules: [] };

function records(change: Partial<EmailRecords> = {}): EmailRecords {
  return {
    users: [
      {
        systemuserid: "{U1}",
        fullname: "Avery Agent",
        internalemailaddress: "avery@contoso.com",
        incomingemailfilteringmethod: 2,
      },
      { systemuserid: "u2", fullname: "No Mailbox", internalemailaddress: "nomail@contoso.com" },
      { systemuserid: "u3", fullname: "No Address", internalemailaddress: "" },
    ],
    mailboxes: [
      {
        _regardingobjectid_value: "U1",
        incomingemaildeliverymethod: 2,
        enabledforincomingemail: true,
        incomingemailstatus: 1,
      },
    ],
    contacts: [
      { contactid: "{C1}", emailaddress1: "Jane@Fabrikam.com", statecode: 0, _parentcustomerid_value: "a1" },
      { contactid: "c2", emailaddress1: "jane@fabrikam.com", statecode: 1, _parentcustomerid_value: "a9" },
      { contactid: "c3", emailaddress1: "someone@else.com", statecode: 0 },
    ],
    accounts: [
      { accountid: "A1", emailaddress1: "jane@fabrikam.com", statecode: 1 },
      { accountid: "a2", emailaddress1: "info@fabrikam.com", statecode: 0 },
    ],
    entitlements: [
      { entitlementid: "E1", _customerid_value: "{A1}", statecode: 0 },
      { entitlementid: "e2", _customerid_value: "c2", statecode: 1 },
      { entitlementid: "e3", _customerid_value: "a2", statecode: 0 },
    ],
    cases: [
      { incidentid: "K1", _customerid_value: "c1", statecode: 1, modifiedon: "2026-11-20T08:00:00Z" },
      { incidentid: "k2", _customerid_value: "c1", statecode: 0, modifiedon: "2026-11-21T08:00:00Z" },
      { incidentid: "k3", _customerid_value: "c2", statecode: 2 },
      { incidentid: "k4", _customerid_value: "c2", statecode: 1, modifiedon: "not a date" },
      { incidentid: "k5", _customerid_value: "c3", statecode: 0 },
    ],
    ...change,
  };
}

const EMAIL = {
  sender: "Jane Doe <JANE@fabrikam.com>",
  torecipients: "support@contoso.com;avery@contoso.com",
  ccrecipients: "ops@contoso.com",
  subject: "Charged twice",
  createdon: "2026-11-22T09:00:00+01:00",
};

describe("the scenario `e2c doctor` diagnoses for one email", () => {
  test("the environment, the users with an address and their mailboxes, the sender's records and the email", () => {
    expect(scenarioForEmail(ENVIRONMENT, records(), EMAIL)).toEqual({
      format: "e2c-scenario/1",
      organization: { emailCorrelationEnabled: false },
      queues: [QUEUE],
      users: [
        {
          id: "u1",
          name: "Avery Agent",
          emailAddress: "avery@contoso.com",
          incomingEmailFilteringMethod: 2,
          mailbox: { incomingEmailDeliveryMethod: 2, enabledForIncomingEmail: true, incomingEmailStatus: 1 },
        },
        {
          id: "u2",
          name: "No Mailbox",
          emailAddress: "nomail@contoso.com",
          mailbox: { incomingEmailDeliveryMethod: 0, enabledForIncomingEmail: false, incomingEmailStatus: 0 },
        },
      ],
      rules: [],
      records: {
        contacts: [
          { id: "c1", email: "Jane@Fabrikam.com", active: true, parentAccountId: "a1" },
          { id: "c2", email: "jane@fabrikam.com", active: false, parentAccountId: null },
        ],
        accounts: [{ id: "a1", email: "jane@fabrikam.com", active: false }],
        otherSenders: [],
        entitlements: [
          { id: "e1", customerId: "a1", active: true },
          { id: "e2", customerId: "c2", active: false },
        ],
        cases: [
          { id: "k1", customerId: "c1", state: "resolved", resolvedAt: "2026-11-20T08:00:00.000Z" },
          { id: "k2", customerId: "c1", state: "active", resolvedAt: null },
          { id: "k3", customerId: "c2", state: "cancelled", resolvedAt: null },
          { id: "k4", customerId: "c2", state: "resolved", resolvedAt: null },
        ],
      },
      email: {
        from: "JANE@fabrikam.com",
        to: ["support@contoso.com", "avery@contoso.com"],
        cc: ["ops@contoso.com"],
        subject: "Charged twice",
        receivedAt: "2026-11-22T08:00:00.000Z",
      },
    });
  });

  test("an email with no sender, subject or creation time: none of them, and no records of anyone", () => {
    const scenario = scenarioForEmail(ENVIRONMENT, records(), { torecipients: "support@contoso.com" }) as {
      records: { contacts: unknown[]; accounts: unknown[]; entitlements: unknown[]; cases: unknown[] };
      email: unknown;
    };
    expect(scenario.email).toEqual({
      from: null,
      to: ["support@contoso.com"],
      cc: [],
      subject: "",
      receivedAt: null,
    });
    expect(scenario.records).toMatchObject({ contacts: [], accounts: [], entitlements: [], cases: [] });
  });

  test("a creation time Dataverse gave as a Date, and a case state it does not document", () => {
    const scenario = scenarioForEmail(
      ENVIRONMENT,
      records({
        cases: [
          { incidentid: "k9", _customerid_value: "c1", statecode: 7, modifiedon: new Date("2026-11-20T08:00:00Z") },
        ],
      }),
      { ...EMAIL, createdon: new Date("2026-11-22T08:00:00Z") },
    ) as { records: { cases: unknown[] }; email: { receivedAt: unknown } };
    expect(scenario.email.receivedAt).toBe("2026-11-22T08:00:00.000Z");
    expect(scenario.records.cases).toEqual([{ id: "k9", customerId: "c1", state: "active", resolvedAt: null }]);
  });

  test("a resolved case whose modification time is a Date", () => {
    const scenario = scenarioForEmail(
      ENVIRONMENT,
      records({
        cases: [
          { incidentid: "k9", _customerid_value: "c1", statecode: 1, modifiedon: new Date("2026-11-20T08:00:00Z") },
        ],
      }),
      EMAIL,
    ) as { records: { cases: unknown[] } };
    expect(scenario.records.cases).toEqual([
      { id: "k9", customerId: "c1", state: "resolved", resolvedAt: "2026-11-20T08:00:00.000Z" },
    ]);
  });
});
