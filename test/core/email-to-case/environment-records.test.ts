import {
  guid,
  itemFromRecord,
  queueFromRecords,
  readAll,
  readEnvironment,
  type RecordReader,
} from "../../../core/email-to-case/environment-records";

const QUEUE_ID = "5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b";
const RULE_ID = "0b9e8d7c-6a5f-4e3d-2c1b-0a9f8e7d6c5b";

/** A reader that answers from fixed rows per table and records each query, as Xrm.WebApi would be asked. */
function readerOf(rows: Record<string, Array<Record<string, unknown>>>): RecordReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    retrieveMultipleRecords(table: string, options?: string) {
      asked.push(`${table} ${options ?? ""}`);
      return Promise.resolve({ entities: rows[table] ?? [] });
    },
  };
}

describe("Dataverse ids", () => {
  test("an id with braces and capitals is the same id as the bare lower-case one", () => {
    expect(guid("{5A1C0F2E-8B3D-4E6F-9A7B-1C2D3E4F5A6B}")).toBe(QUEUE_ID);
  });
});

describe("a rule item read from its record", () => {
  test("an item with a condition is one some email can meet", () => {
    expect(itemFromRecord({ name: "Billing", conditionxml: "<conditions/>" })).toEqual({
      name: "Billing",
      matches: { subjectContains: "" },
    });
  });

  test("an item without a condition, or without a name, is a catch-all named by nothing", () => {
    expect(itemFromRecord({})).toEqual({ name: "", matches: "any" });
  });
});

describe("a queue read with its mailbox", () => {
  test("the queue's address, filtering and mailbox settings as Dataverse holds them", () => {
    const queue = queueFromRecords(
      {
        queueid: `{${QUEUE_ID.toUpperCase()}}`,
        name: "Support",
        emailaddress: "support@contoso.com",
        incomingemailfilteringmethod: 3,
      },
      { incomingemaildeliverymethod: 2, enabledforincomingemail: true, incomingemailstatus: 1 },
    );
    expect(queue).toEqual({
      id: QUEUE_ID,
      name: "Support",
      emailAddress: "support@contoso.com",
      incomingEmailFilteringMethod: 3,
      mailbox: {
        incomingEmailDeliveryMethod: 2,
        enabledForIncomingEmail: true,
        incomingEmailStatus: 1,
        ownerHasSyncPrivileges: true,
      },
    });
  });

  test("a queue with no mailbox, address or name receives nothing and has no name", () => {
    expect(queueFromRecords({ queueid: QUEUE_ID }, undefined)).toStrictEqual({
      id: QUEUE_ID,
      emailAddress: null,
      incomingEmailFilteringMethod: 0,
      mailbox: {
        incomingEmailDeliveryMethod: 0,
        enabledForIncomingEmail: false,
        incomingEmailStatus: 0,
        ownerHasSyncPrivileges: true,
      },
    });
  });
});

describe("reading every page of a query", () => {
  test("follows each next link until the last page", async () => {
    const asked: string[] = [];
    const pages: Record<string, { entities: Record<string, unknown>[]; nextLink?: string }> = {
      "?$select=name": {
        entities: [{ name: "a" }],
        nextLink: "https://org.example/api/data/v9.2/queues?$skiptoken=p2",
      },
      "?$skiptoken=p2": {
        entities: [{ name: "b" }],
        nextLink: "https://org.example/api/data/v9.2/queues?$skiptoken=p3",
      },
      "?$skiptoken=p3": { entities: [{ name: "c" }] },
    };
    const reader: RecordReader = {
      retrieveMultipleRecords(table, options = "") {
        asked.push(`${table} ${options}`);
        return Promise.resolve(pages[options] ?? { entities: [] });
      },
    };
    await expect(readAll(reader, "queue", "?$select=name")).resolves.toEqual([
      { name: "a" },
      { name: "b" },
      { name: "c" },
    ]);
    expect(asked).toEqual(["queue ?$select=name", "queue ?$skiptoken=p2", "queue ?$skiptoken=p3"]);
  });
});

describe("reading a whole environment", () => {
  const rows = {
    convertrule: [
      {
        convertruleid: RULE_ID,
        name: "Support email to case",
        _queueid_value: QUEUE_ID,
        statecode: 1,
        allowunknownsender: true,
        checkifresolved: true,
        resolvedsince: 60,
      },
    ],
    convertruleitem: [
      { name: "Refunds", conditionxml: "<conditions/>", _convertruleid_value: `{${RULE_ID.toUpperCase()}}` },
      { name: "Everything else", conditionxml: null, _convertruleid_value: RULE_ID },
      { name: "Another rule's item", conditionxml: null, _convertruleid_value: "11111111-2222-3333-4444-555555555555" },
    ],
    queue: [
      { queueid: QUEUE_ID, name: "Support", emailaddress: "support@contoso.com", incomingemailfilteringmethod: 0 },
    ],
    mailbox: [
      { _regardingobjectid_value: "99999999-8888-7777-6666-555555555555", incomingemaildeliverymethod: 0 },
      {
        _regardingobjectid_value: QUEUE_ID.toUpperCase(),
        incomingemaildeliverymethod: 2,
        enabledforincomingemail: true,
        incomingemailstatus: 1,
      },
    ],
    organization: [{ emailcorrelationenabled: false }],
  };

  test("asks for the email rules, their items in order, the queues with an address, the mailboxes and correlation", async () => {
    const reader = readerOf(rows);
    await readEnvironment(reader);
    expect(reader.asked.sort()).toEqual([
      "convertrule ?$select=convertruleid,name,_queueid_value,statecode,allowunknownsender,senderresolutionoption,checkactiveentitlement,checkifresolved,resolvedsince,sendautomaticresponse,_responsetemplateid_value&$filter=sourcetypecode eq 2",
      "convertruleitem ?$select=name,sequencenumber,conditionxml,_convertruleid_value&$orderby=sequencenumber asc",
      "mailbox ?$select=_regardingobjectid_value,incomingemaildeliverymethod,incomingemailstatus,enabledforincomingemail",
      "organization ?$select=emailcorrelationenabled",
      "queue ?$select=queueid,name,emailaddress,incomingemailfilteringmethod&$filter=emailaddress ne null",
    ]);
  });

  test("each rule with its own items, each queue with its own mailbox, and correlation as the organization says", async () => {
    await expect(readEnvironment(readerOf(rows))).resolves.toEqual({
      emailCorrelationEnabled: false,
      queues: [
        {
          id: QUEUE_ID,
          name: "Support",
          emailAddress: "support@contoso.com",
          incomingEmailFilteringMethod: 0,
          mailbox: {
            incomingEmailDeliveryMethod: 2,
            enabledForIncomingEmail: true,
            incomingEmailStatus: 1,
            ownerHasSyncPrivileges: true,
          },
        },
      ],
      rules: [
        {
          id: RULE_ID,
          name: "Support email to case",
          queueId: QUEUE_ID,
          state: "active",
          allowUnknownSender: true,
          senderResolution: "createContact",
          checkActiveEntitlement: false,
          checkIfResolved: true,
          resolvedSinceMinutes: 60,
          sendAutomaticResponse: false,
          responseTemplateId: null,
          ownerCanCreateContacts: true,
          ownerEnabled: true,
          items: [
            { name: "Refunds", matches: { subjectContains: "" } },
            { name: "Everything else", matches: "any" },
          ],
        },
      ],
    });
  });

  test("correlation counts as on when the organization row does not say", async () => {
    const environment = await readEnvironment(readerOf({ ...rows, organization: [] }));
    expect(environment.emailCorrelationEnabled).toBe(true);
  });

  test("a rule or queue record without an id gets no other record's items or mailbox", async () => {
    const environment = await readEnvironment(
      readerOf({
        ...rows,
        convertrule: [{ name: "No id", statecode: 0 }],
        queue: [{ name: "No id", emailaddress: "x@contoso.com" }],
        convertruleitem: [{ name: "Item", _convertruleid_value: RULE_ID }],
      }),
    );
    expect(environment.rules.map((r) => r.items)).toEqual([[]]);
    expect(environment.queues.map((q) => q.mailbox.incomingEmailDeliveryMethod)).toEqual([0]);
  });
});
