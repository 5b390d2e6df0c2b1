/** Every record the connector writes for a handoff, as Dataverse will hold it (PRODUCT.md §8 point 4). */
import {
  acceptHandoff,
  plannedNotes,
  planHandoff,
  type ConnectorSettings,
  type EnvironmentFacts,
} from "../../../core/connector/handoff-plan";
import type { ContactDecision } from "../../../core/connector/contact-match";
import type { Handoff } from "../../../core/transcript/types";
import { EXAMPLE_TRANSCRIPT, exampleHandoff } from "../../fixtures/handoffs";
import { incidentTable, PLAIN_SETTINGS } from "../../fixtures/connector";

const INCIDENT = incidentTable({
  title: { type: "String", maxLength: 200 },
  description: { type: "Memo", maxLength: 2000 },
  e2c_handoffid: { type: "String", maxLength: 100 },
  e2c_classification: { type: "String", maxLength: 100 },
  e2c_sentiment: { type: "Picklist" },
  e2c_sessionurl: { type: "String", maxLength: 500 },
});
const FACTS: EnvironmentFacts = {
  incident: INCIDENT,
  maxUploadBytes: 6,
  blockedExtensions: ["exe"],
  entitySetOf: (n) => `${n}s`,
};
const SETTINGS = PLAIN_SETTINGS;
const QUEUE_ITEM = {
  kind: "addToQueue",
  queueId: "e2c00000-0000-4000-8000-000000000101",
  target: { entityType: "incident", id: "i1" },
};

function accepted(h: Handoff, settings: ConnectorSettings = SETTINGS, facts: EnvironmentFacts = FACTS) {
  const result = acceptHandoff(h, settings, facts);
  if (!result.accepted) throw new Error(`the test's handoff was refused: ${JSON.stringify(result.problems)}`);
  return result.accepted;
}
function plan(
  h: Handoff,
  contact: ContactDecision,
  settings: Partial<ConnectorSettings> = {},
  facts: Partial<EnvironmentFacts> = {},
) {
  let n = 0;
  const tools = { newId: () => `note-${++n}`, base64OfUtf8: (t: string) => `base64(${t.length} characters)` };
  const all = { ...SETTINGS, ...settings };
  const env = { ...FACTS, ...facts };
  return planHandoff(accepted(h, all, env), all, env, contact, "i1", tools);
}
function handoff(change: (h: Handoff) => void = () => undefined): Handoff {
  const h = exampleHandoff();
  change(h);
  return h;
}

describe("the records of a handoff", () => {
  test("a new customer: the contact, then the case with its four columns, then the queue item", () => {
    const h = handoff((x) => {
      x.customer = {
        name: "Jane Q Doe",
        email: "jane.doe@contoso.com",
        phone: " +1 425 555 0100 ",
      } as Handoff["customer"];
    });
    const p = plan(h, { kind: "create", id: "c1" });
    expect(p.operations).toEqual([
      {
        kind: "create",
        table: "contact",
        id: "c1",
        record: {
          emailaddress1: "jane.doe@contoso.com",
          firstname: "Jane Q",
          lastname: "Doe",
          telephone1: "+1 425 555 0100",
        },
      },
      {
        kind: "create",
        table: "incident",
        id: "i1",
        record: {
          title: "Billing - Jane Q Doe",
          description: EXAMPLE_TRANSCRIPT.replace("Customer: Jane Doe", "Customer: Jane Q Doe"),
          caseorigincode: 2,
          prioritycode: 2,
          customerid: { entityType: "contact", id: "c1" },
          e2c_handoffid: "7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10",
          e2c_classification: "Billing",
          e2c_sentiment: 412500001,
          e2c_sessionurl: "https://support.example.com/sessions/4711",
        },
      },
      QUEUE_ITEM,
    ]);
    expect([p.incidentId, p.title, p.warnings, p.skippedAttachments]).toEqual(["i1", "Billing - Jane Q Doe", [], []]);
  });

  test("a new customer with no name: the address stands in for the last name, and no blank phone is written", () => {
    const h = handoff((x) => {
      x.customer = { email: "kim@example.net", phone: "  " } as Handoff["customer"];
      x.messages[0]!.from = { email: "kim@example.net" };
    });
    const contact = plan(h, { kind: "create", id: "c1" }).operations[0];
    expect(contact).toEqual({
      kind: "create",
      table: "contact",
      id: "c1",
      record: { emailaddress1: "kim@example.net", lastname: "kim@example.net" },
    });
  });

  test("an inactive contact is activated before the case is bound to it, and a duplicate is warned about", () => {
    const p = plan(handoff(), {
      kind: "reactivated",
      id: "c7",
      note: "2 inactive contacts have jane.doe@contoso.com.",
    });
    expect(p.operations[0]).toEqual({
      kind: "update",
      table: "contact",
      id: "c7",
      record: { statecode: 0, statuscode: 1 },
    });
    expect(p.operations[1]).toMatchObject({
      table: "incident",
      record: { customerid: { entityType: "contact", id: "c7" } },
    });
    expect(p.warnings).toEqual(["2 inactive contacts have jane.doe@contoso.com."]);
  });

  test("a known contact is bound as it is, with nothing written to it", () => {
    const p = plan(handoff(), { kind: "matched", id: "c9" });
    expect(p.operations.map((o) => (o.kind === "addToQueue" ? o.kind : `${o.kind} ${o.table}`))).toEqual([
      "create incident",
      "addToQueue",
    ]);
    expect(p.operations[0]).toMatchObject({ record: { customerid: { entityType: "contact", id: "c9" } } });
    expect(p.warnings).toEqual([]);
  });

  test("no contact: the default customer, the owner, the priority and ticket_properties from the settings", () => {
    const p = plan(
      handoff(),
      { kind: "none", why: "no address" },
      {
        defaultCustomer: { entityType: "account", id: "a1" },
        defaultOwner: { entityType: "team", id: "t1" },
        defaultPriority: 1,
        ticketProperties: JSON.parse('{"casetypecode": 2, "__proto__": {"polluted": true}}'),
      },
    );
    const record = (p.operations[0] as { record: Record<string, unknown> }).record;
    expect(record).toMatchObject({
      prioritycode: 1,
      customerid: { entityType: "account", id: "a1" },
      ownerid: { entityType: "team", id: "t1" },
      casetypecode: 2,
    });
    expect(Object.keys(record)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("no contact and no default customer: the case names no customer", () => {
    // acceptHandoff refuses such a handoff; the planner on its own still writes no customer it was not given.
    const withDefault = { ...SETTINGS, defaultCustomer: { entityType: "account", id: "a1" } };
    const q = planHandoff(
      accepted(handoff(), withDefault),
      SETTINGS,
      FACTS,
      { kind: "none", why: "no address" },
      "i1",
      {
        newId: () => "n",
        base64OfUtf8: () => "",
      },
    );
    expect((q.operations[0] as { record: Record<string, unknown> }).record).not.toHaveProperty("customerid");
  });

  test("without the solution's columns: none of the four is written, and repeats are warned about", () => {
    const p = plan(
      handoff(),
      { kind: "matched", id: "c9" },
      {},
      {
        incident: {
          ...INCIDENT,
          columns: { title: INCIDENT.columns.title!, description: INCIDENT.columns.description! },
        },
      },
    );
    const record = (p.operations[0] as { record: Record<string, unknown> }).record;
    expect(Object.keys(record).sort()).toEqual([
      "caseorigincode",
      "customerid",
      "description",
      "prioritycode",
      "title",
    ]);
    expect(p.warnings).toEqual([
      "The Email to Case Toolkit solution is not installed (no e2c_handoffid column): the same handoff sent twice would make two cases.",
    ]);
  });

  test("a title column shorter than the title cuts it with an ellipsis", () => {
    const incident = {
      ...INCIDENT,
      columns: { ...INCIDENT.columns, title: { type: "String" as const, maxLength: 10 } },
    };
    expect(plan(handoff(), { kind: "matched", id: "c9" }, {}, { incident }).title).toBe("Billing -…");
  });
});

describe("the description and the full transcript", () => {
  test("a description column shorter than the transcript: cut, and the full one in a note on the case", () => {
    const incident = {
      ...INCIDENT,
      columns: { ...INCIDENT.columns, description: { type: "Memo" as const, maxLength: 300 } },
    };
    const p = plan(handoff(), { kind: "matched", id: "c9" }, {}, { incident });
    const record = (p.operations[0] as { record: Record<string, unknown> }).record;
    expect(String(record.description).length).toBeLessThanOrEqual(300);
    expect(p.transcript.truncated).toBe(true);
    expect(p.operations[2]).toEqual({
      kind: "create",
      table: "annotation",
      id: "note-1",
      record: {
        subject: "Handoff transcript",
        objectid: { entityType: "incident", id: "i1" },
        notetext: EXAMPLE_TRANSCRIPT,
      },
    });
    expect(plannedNotes(p)).toEqual([
      { subject: "Handoff transcript", filename: null, bytes: Buffer.byteLength(EXAMPLE_TRANSCRIPT, "utf8") },
    ]);
  });

  test("a description column of no stated length holds the whole transcript", () => {
    const incident = { ...INCIDENT, columns: { ...INCIDENT.columns, description: { type: "Memo" as const } } };
    const p = plan(handoff(), { kind: "matched", id: "c9" }, {}, { incident });
    expect((p.operations[0] as { record: Record<string, unknown> }).record.description).toBe(EXAMPLE_TRANSCRIPT);
    expect(p.operations).toHaveLength(2);
  });
});

describe("attachments", () => {
  function withAttachments(): Handoff {
    return handoff((x) => {
      x.messages[0]!.attachments = [
        { filename: "invoice.pdf", contentType: "application/pdf", contentBase64: "YWJj\nZGVm" },
        { filename: "setup.EXE", contentType: "application/octet-stream", contentBase64: "YQ==" },
        { filename: "big.txt", contentType: "text/plain", contentBase64: "YWJjZGVmZw==" },
      ];
      x.messages[1]!.attachments = [{ filename: "README", contentType: "text/plain", contentBase64: "YWI=" }];
      (x.messages[1] as { timestamp: string | null }).timestamp = null;
    });
  }

  test("copy_attachments on: each allowed one a note on the case, the others skipped with the reason", () => {
    const p = plan(withAttachments(), { kind: "matched", id: "c9" }, { copyAttachments: true });
    expect(p.operations.slice(2)).toEqual([
      {
        kind: "create",
        table: "annotation",
        id: "note-1",
        record: {
          subject: "Attachment: invoice.pdf",
          notetext: "Sent by Jane Doe at 2026-11-20T09:14:03Z (message 1 of the handoff).",
          filename: "invoice.pdf",
          mimetype: "application/pdf",
          documentbody: "YWJjZGVm",
          objectid: { entityType: "incident", id: "i1" },
        },
      },
      {
        kind: "create",
        table: "annotation",
        id: "note-2",
        record: {
          subject: "Attachment: README",
          notetext: "Sent by Contoso Assistant at an unknown time (message 2 of the handoff).",
          filename: "README",
          mimetype: "text/plain",
          documentbody: "YWI=",
          objectid: { entityType: "incident", id: "i1" },
        },
      },
    ]);
    expect(p.skippedAttachments).toEqual([
      {
        filename: "setup.EXE",
        why: ".exe files are blocked in this environment (System Settings → General → blocked file extensions); open the session to get it",
      },
      {
        filename: "big.txt",
        why: "it is 7 bytes and this environment accepts attachments up to 6 bytes (System Settings → Email → maximum file size); open the session to get it",
      },
    ]);
    expect(p.warnings).toEqual([
      "Attachment setup.EXE not copied: .exe files are blocked in this environment (System Settings → General → blocked file extensions); open the session to get it",
      "Attachment big.txt not copied: it is 7 bytes and this environment accepts attachments up to 6 bytes (System Settings → Email → maximum file size); open the session to get it",
    ]);
    expect(plannedNotes(p)).toEqual([
      { subject: "Attachment: invoice.pdf", filename: "invoice.pdf", bytes: 6 },
      { subject: "Attachment: README", filename: "README", bytes: 2 },
    ]);
  });

  test("copy_attachments off: no note, nothing skipped", () => {
    const p = plan(withAttachments(), { kind: "matched", id: "c9" });
    expect([p.operations.length, p.skippedAttachments, p.warnings]).toEqual([2, [], []]);
  });

  test("the sender of an attachment is named by address when it has no name, else as the sender", () => {
    const h = handoff((x) => {
      x.messages[0]!.from = { email: "jane.doe@contoso.com" };
      x.messages[0]!.attachments = [{ filename: "a.txt", contentType: "text/plain", contentBase64: "YQ==" }];
      x.messages[1]!.from = {};
      x.messages[1]!.attachments = [{ filename: "b.txt", contentType: "text/plain", contentBase64: "Yg==" }];
    });
    const notes = plan(h, { kind: "matched", id: "c9" }, { copyAttachments: true }).operations.slice(2);
    expect(notes.map((o) => (o as { record: Record<string, unknown> }).record.notetext)).toEqual([
      "Sent by jane.doe@contoso.com at 2026-11-20T09:14:03Z (message 1 of the handoff).",
      "Sent by the sender at 2026-11-20T09:15:10Z (message 2 of the handoff).",
    ]);
  });

  test("an attachment's note subject is cut to the 500 characters a subject holds", () => {
    const name = `${"n".repeat(600)}.txt`;
    const h = handoff((x) => {
      x.messages[0]!.attachments = [{ filename: name, contentType: "text/plain", contentBase64: "YQ==" }];
    });
    const note = plan(h, { kind: "matched", id: "c9" }, { copyAttachments: true }).operations[2] as {
      record: Record<string, unknown>;
    };
    expect(note.record.subject).toBe(`Attachment: ${"n".repeat(488)}`);
  });
});

describe("accepting a handoff", () => {
  test("what is not a JSON object is refused as a whole, with no limit checked", () => {
    for (const input of [null, "handoff", [exampleHandoff()]]) {
      const result = acceptHandoff(input, SETTINGS, FACTS);
      expect(result.accepted).toBeNull();
      expect(result.problems.map((p) => p.field)).toEqual(["(root)"]);
    }
  });

  test("a handoff with no customer address, and no default customer, is refused for it", () => {
    const h = handoff((x) => {
      x.customer = { name: "Jane Doe" };
      x.messages[0]!.from = { name: "Jane Doe" };
    });
    expect(acceptHandoff(h, SETTINGS, FACTS)).toEqual({
      accepted: null,
      problems: [
        {
          field: "customer.email",
          message:
            "is needed to link the case to a contact (Dataverse requires a customer on every case); send the customer's address, or set default_customer_id for anonymous handoffs",
        },
      ],
    });
  });

  test("the same handoff is accepted when a default customer is set", () => {
    const h = handoff((x) => {
      x.customer = { name: "Jane Doe" };
      x.messages[0]!.from = { name: "Jane Doe" };
    });
    const result = acceptHandoff(h, { ...SETTINGS, defaultCustomer: { entityType: "account", id: "a1" } }, FACTS);
    expect(result.problems).toEqual([]);
    expect(result.accepted?.fullTranscript.full).toBe(
      EXAMPLE_TRANSCRIPT.replace("Jane Doe <jane.doe@contoso.com>", "Jane Doe").replace(
        "Jane Doe <jane.doe@contoso.com> (customer)",
        "Jane Doe (customer)",
      ),
    );
  });

  test("a field with a shape problem is named once, not again for its length", () => {
    const h = handoff((x) => {
      (x as unknown as Record<string, unknown>).sessionUrl = `javascript:${"x".repeat(600)}`;
    });
    const fields = acceptHandoff(h, SETTINGS, FACTS).problems.map((p) => p.field);
    expect(fields.filter((f) => f === "sessionUrl")).toHaveLength(1);
  });

  test("a transcript too long for the description and for a note's text is measured as a file against the maximum file size", () => {
    const h = handoff((x) => {
      x.messages[0]!.body = "x".repeat(100001);
    });
    expect(acceptHandoff(h, SETTINGS, { ...FACTS, maxUploadBytes: 100 }).problems).toEqual([
      {
        field: "messages[0].body",
        message: expect.stringMatching(
          /^is 100001 characters: the full transcript \(\d+ bytes\) goes into a note on the case, and this environment accepts files up to 100 bytes/,
        ),
      },
    ]);
  });

  test("a transcript too long for the description but short enough for a note's text is no file", () => {
    const h = handoff((x) => {
      x.messages[0]!.body = "x".repeat(5000);
    });
    expect(acceptHandoff(h, SETTINGS, { ...FACTS, maxUploadBytes: 100 }).problems).toEqual([]);
  });
});
