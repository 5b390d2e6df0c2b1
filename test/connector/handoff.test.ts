/** The handoff connector against the emulator over HTTP on 127.0.0.1: every point of PRODUCT.md §8. */
import { parseTranscript } from "../../core/transcript/parse";
import { HandoffInputError } from "../../plugins-js/connector/connector";
import { DataverseError } from "../../plugins-js/dataverse/errors";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import {
  builtInTable,
  connector,
  counts,
  demoSeedJson,
  emulator,
  handoff,
  JANE,
  OMAR,
  SUPPORT_QUEUE,
} from "../emulator/helpers";

let em: RunningEmulator;
beforeEach(async () => {
  em = await emulator();
});
afterEach(() => em.close());

const incidentOf = (id: string) => em.store.get("incident", id)!;

/** The demo environment without the toolkit's solution: no e2c_ columns, no alternate key. */
function seedWithoutSolution() {
  const seed = demoSeedJson();
  const incident = builtInTable("incident");
  const columns = Object.fromEntries(Object.entries(incident.columns).filter(([k]) => !k.startsWith("e2c_")));
  seed.tables = [{ ...incident, keys: [], columns }];
  return seed;
}

describe("a new handoff becomes one well-formed case", () => {
  test("title, transcript description, origin Email, priority Normal, e2c columns, customer and queue", async () => {
    const { connector: c } = connector(em);
    const result = await c.deliver(handoff());
    expect(result.status).toBe("created");
    const incident = incidentOf(result.incidentId);
    expect(incident.title).toBe("Billing - Jane Doe");
    expect(incident.caseorigincode).toBe(2);
    expect(incident.prioritycode).toBe(2);
    expect(incident.e2c_handoffid).toBe("handoff-0001");
    expect(incident.e2c_classification).toBe("Billing");
    expect(incident.e2c_sentiment).toBe(412500001);
    expect(incident.e2c_sessionurl).toBe("https://support.example.com/sessions/4711");
    expect(incident.customerid).toEqual({ table: "contact", id: JANE });
    const transcript = parseTranscript(String(incident.description));
    expect(transcript.format).toBe("e2c-transcript/1");
    expect(transcript.header.handoffId).toBe("handoff-0001");
    expect(transcript.messages).toHaveLength(2);
    const item = em.store.get("queueitem", result.queueItemId!)!;
    expect(item.queueid).toEqual({ table: "queue", id: SUPPORT_QUEUE });
    expect(item.objectid).toEqual({ table: "incident", id: result.incidentId });
  });

  test("the result names the incident, its ticket number, the contact and the queue item", async () => {
    const { connector: c } = connector(em);
    const result = await c.deliver(handoff());
    expect(result).toMatchObject({
      format: "e2c-handoff-result/1",
      handoffId: "handoff-0001",
      ticketNumber: incidentOf(result.incidentId).ticketnumber,
      contact: { id: JANE, outcome: "matched" },
    });
    expect(result.queueItemId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("takes two round trips: one to look up, one change set to write", async () => {
    const { connector: c } = connector(em);
    await c.environment();
    const result = await c.deliver(handoff());
    expect(result.roundTrips).toBe(2);
  });

  test("priority, owner and ticket_properties from the settings", async () => {
    const avery = "e2c00000-0000-4000-8000-0000000000a2";
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"].push("prvAssignIncident");
    await em.close();
    em = await emulator({ seed });
    const { connector: c } = connector(em, {
      defaultPriority: 1,
      defaultOwner: { entityType: "systemuser", id: avery },
      ticketProperties: { casetypecode: 2 },
    });
    const incident = incidentOf((await c.deliver(handoff())).incidentId);
    expect(incident.prioritycode).toBe(1);
    expect(incident.casetypecode).toBe(2);
    expect(incident.ownerid).toEqual({ table: "systemuser", id: avery });
  });
});

describe("contact dedupe by emailaddress1", () => {
  test("a known address links the existing contact, whatever its case", async () => {
    const { connector: c } = connector(em);
    const before = em.store.count("contact");
    const result = await c.deliver(handoff({ customer: { name: "Jane", email: "JANE.DOE@Contoso.com" } }));
    expect(result.contact).toEqual({ id: JANE, outcome: "matched" });
    expect(em.store.count("contact")).toBe(before);
  });

  test("an unknown address makes a new contact with the name split and the phone", async () => {
    const { connector: c } = connector(em);
    const result = await c.deliver(
      handoff({ customer: { name: "Ana María Silva", email: "ana@example.net", phone: "+351 21 000 0000" } }),
    );
    expect(result.contact.outcome).toBe("created");
    const contact = em.store.get("contact", result.contact.id!)!;
    expect(contact).toMatchObject({
      firstname: "Ana María",
      lastname: "Silva",
      emailaddress1: "ana@example.net",
      telephone1: "+351 21 000 0000",
    });
    expect(incidentOf(result.incidentId).customerid).toEqual({ table: "contact", id: result.contact.id });
  });

  test("no name: the address stands in for the last name, cut to the column's length", async () => {
    const email = `${"k".repeat(60)}@example.net`;
    const message = { timestamp: "2026-11-20T09:14:03Z", from: { email }, role: "customer", body: "Hello" };
    const result = await connector(em).connector.deliver(handoff({ customer: { email }, messages: [message] }));
    expect(em.store.get("contact", result.contact.id!)).toMatchObject({
      emailaddress1: email,
      lastname: "k".repeat(50),
    });
  });

  test("the contact's lengths are the environment's: a name over its firstname column is refused", async () => {
    const seed = demoSeedJson();
    const contact = builtInTable("contact");
    contact.columns.firstname = { ...contact.columns.firstname!, maxLength: 6 };
    seed.tables = [contact];
    await em.close();
    em = await emulator({ seed });
    const before = counts(em);
    const error = (await connector(em)
      .connector.deliver(handoff({ customer: { name: "Annabel Lee", email: "anna@example.net" } }))
      .catch((e: unknown) => e)) as HandoffInputError;
    expect(error.problems).toEqual([
      {
        field: "customer.name",
        message:
          "its first name is 7 characters; a contact's first name (firstname) holds at most 6 in this environment: send a shorter name",
      },
    ]);
    expect(counts(em)).toEqual(before);
  });

  test("an inactive match is reactivated, as ARC does", async () => {
    const { connector: c } = connector(em);
    const result = await c.deliver(handoff({ customer: { name: "Omar", email: "omar@fabrikam.example" } }));
    expect(result.contact).toEqual({ id: OMAR, outcome: "reactivated" });
    expect(em.store.get("contact", OMAR)).toMatchObject({ statecode: 0, statuscode: 1 });
  });

  test("several matches: the most recently modified active one, and a warning that says so", async () => {
    const { connector: c } = connector(em);
    const result = await c.deliver(handoff({ customer: { name: "Lee", email: "lee.chen@contoso.com" } }));
    expect(result.contact).toEqual({ id: "e2c00000-0000-4000-8000-000000000203", outcome: "matched" });
    expect(result.warnings.join("\n")).toMatch(
      /2 contacts have lee\.chen@contoso\.com; used the most recently modified/,
    );
  });

  test("no address: refused, unless default_customer_id names the customer for anonymous handoffs", async () => {
    const anonymous = handoff({
      customer: {},
      messages: [{ timestamp: "2026-11-20T09:14:03Z", from: {}, role: "customer", body: "Help" }],
    });
    await expect(connector(em).connector.deliver(anonymous)).rejects.toThrow(
      /customer\.email: is needed to link the case/,
    );
    const fabrikam = { entityType: "account", id: "e2c00000-0000-4000-8000-000000000301" };
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"].push("prvAppendToAccount");
    await em.close();
    em = await emulator({ seed });
    const result = await connector(em, { defaultCustomer: fabrikam }).connector.deliver(anonymous);
    expect(result.contact).toEqual({ id: null, outcome: "none" });
    expect(incidentOf(result.incidentId)).toMatchObject({
      title: "Billing - Anonymous",
      customerid: { table: "account", id: fabrikam.id },
    });
  });
});

describe("description, notes and attachments", () => {
  const long = () =>
    handoff({
      messages: Array.from({ length: 40 }, (_, i) => ({
        timestamp: `2026-11-20T09:${String(i).padStart(2, "0")}:00Z`,
        from: { name: "Jane Doe", email: "jane.doe@contoso.com" },
        role: "customer",
        body: `Message ${i + 1}: ${"the printer still does not print. ".repeat(3)}`,
      })),
    });

  test("a transcript longer than the column is cut at a message boundary, the full one in a note", async () => {
    const result = await connector(em).connector.deliver(long());
    const description = String(incidentOf(result.incidentId).description);
    expect(description.length).toBeLessThanOrEqual(2000);
    expect(parseTranscript(description).truncated).toBe(true);
    expect(result.notes.map((n) => n.subject)).toEqual(["Handoff transcript"]);
    const note = em.store.get("annotation", result.notes[0]!.id)!;
    expect(note.objectid).toEqual({ table: "incident", id: result.incidentId });
    const full = parseTranscript(String(note.notetext));
    expect(full.truncated).toBe(false);
    expect(full.messages).toHaveLength(40);
  });

  test("the cut follows the max length the environment's metadata gives", async () => {
    const seed = demoSeedJson();
    seed.tables = [builtInTable("incident")];
    seed.tables[0].columns.description = { type: "Memo", maxLength: 4000 };
    await em.close();
    em = await emulator({ seed });
    const result = await connector(em).connector.deliver(long());
    const description = String(incidentOf(result.incidentId).description);
    expect(description.length).toBeGreaterThan(2000);
    expect(description.length).toBeLessThanOrEqual(4000);
  });

  const withAttachments = () =>
    handoff({
      messages: [
        {
          timestamp: "2026-11-20T09:14:03Z",
          from: { name: "Jane Doe", email: "jane.doe@contoso.com" },
          role: "customer",
          body: "Invoice attached.",
          attachments: [
            {
              filename: "invoice.pdf",
              contentType: "application/pdf",
              contentBase64: Buffer.from("%PDF-1.4").toString("base64"),
            },
            { filename: "setup.exe", contentType: "application/octet-stream", contentBase64: "TVo=" },
          ],
        },
      ],
    });

  test("copy_attachments on: each attachment a note on the case; blocked file types skipped with a warning", async () => {
    const result = await connector(em, { copyAttachments: true }).connector.deliver(withAttachments());
    expect(result.notes.map((n) => n.subject)).toEqual(["Attachment: invoice.pdf"]);
    const note = em.store.get("annotation", result.notes[0]!.id)!;
    expect(note).toMatchObject({ filename: "invoice.pdf", mimetype: "application/pdf", filesize: 8 });
    expect(result.skippedAttachments).toEqual([
      { filename: "setup.exe", why: expect.stringMatching(/\.exe files are blocked/) },
    ]);
    expect(result.warnings.join("\n")).toMatch(/Attachment setup\.exe not copied/);
  });

  test("copy_attachments off: attachments stay on the session, as the seed's OpenCX does", async () => {
    const result = await connector(em).connector.deliver(withAttachments());
    expect(result.notes).toEqual([]);
    expect(em.store.count("annotation")).toBe(0);
  });

  test("an attachment over the environment's maximum file size is skipped, not sent", async () => {
    const seed = demoSeedJson();
    seed.rows.organizations[0].maxuploadfilesize = 4;
    await em.close();
    em = await emulator({ seed });
    const result = await connector(em, { copyAttachments: true }).connector.deliver(withAttachments());
    expect(result.skippedAttachments.map((s) => s.filename)).toEqual(["invoice.pdf", "setup.exe"]);
    expect(result.skippedAttachments[0]!.why).toMatch(
      /it is 8 bytes and this environment accepts attachments up to 4 bytes/,
    );
  });
});

describe("validation first: every problem at once, nothing written", () => {
  test("an invalid handoff lists each field and writes nothing", async () => {
    const before = counts(em);
    const error = await connector(em)
      .connector.deliver({
        handoffId: "",
        channel: "email",
        classification: "Billing",
        customer: { email: "nope" },
        messages: [],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffInputError);
    expect((error as HandoffInputError).problems.map((p) => p.field)).toEqual([
      "handoffId",
      "sentiment",
      "customer.email",
      "messages",
    ]);
    expect(counts(em)).toEqual(before);
  });

  test("ticket_properties: a label for a choice is refused with the integer it should be", async () => {
    const error = (await connector(em, { ticketProperties: { casetypecode: "Problem" } })
      .connector.deliver(handoff())
      .catch((e: unknown) => e)) as HandoffInputError;
    expect(error.problems).toEqual([
      { field: "ticket_properties.casetypecode", message: 'is the label "Problem"; send its integer value 2 instead' },
    ]);
  });

  test("ticket_properties: unknown column, value out of range, wrong type, too long and connector-owned columns, all at once", async () => {
    const before = counts(em);
    const error = (await connector(em, {
      ticketProperties: {
        new_region: 1,
        prioritycode: 1,
        casetypecode: 9,
        severitycode: "high-ish",
        emailaddress: "x".repeat(101),
        title: "Mine",
        "customerid_account@odata.bind": "/accounts(e2c00000-0000-4000-8000-000000000301)",
      },
    })
      .connector.deliver(handoff())
      .catch((e: unknown) => e)) as HandoffInputError;
    expect(Object.fromEntries(error.problems.map((p) => [p.field, p.message]))).toEqual({
      "ticket_properties.new_region": "is not a column of the incident table in this environment",
      "ticket_properties.prioritycode": "cannot be set here: set default_priority instead",
      "ticket_properties.casetypecode": "9 is not one of the column's options: 1 (Question), 2 (Problem), 3 (Request)",
      "ticket_properties.severitycode": "must be an integer option value, not text: one of 1 (Default Value)",
      "ticket_properties.emailaddress": "is 101 characters; the column holds at most 100",
      "ticket_properties.title":
        "cannot be set here: the connector writes the title as <classification> - <sender name or email>",
      "ticket_properties.customerid_account@odata.bind":
        "cannot be set here: the connector links the case to the contact it finds or creates by email",
    });
    expect(counts(em)).toEqual(before);
  });

  test("ticket_properties may bind a lookup by its navigation property", async () => {
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"].push("prvAppendToEntitlement");
    await em.close();
    em = await emulator({ seed });
    const entitlement = "e2c00000-0000-4000-8000-000000000401";
    const result = await connector(em, {
      ticketProperties: { "entitlementid@odata.bind": `/entitlements(${entitlement})` },
    }).connector.deliver(handoff());
    expect(incidentOf(result.incidentId).entitlementid).toEqual({ table: "entitlement", id: entitlement });
  });

  test("--dry-run plans the writes and makes none", async () => {
    const before = counts(em);
    const result = await connector(em).connector.deliver(handoff(), { dryRun: true });
    expect(result.status).toBe("dry-run");
    expect(result.plan?.operations).toEqual([{ kind: "create", table: "incident" }, { kind: "addToQueue" }]);
    expect(counts(em)).toEqual(before);
  });
});

describe("one incident per handoff", () => {
  test("the same handoff again is already there: one round trip, nothing written", async () => {
    const { connector: c } = connector(em);
    const first = await c.deliver(handoff());
    const before = counts(em);
    const again = await c.deliver(handoff());
    expect(again).toMatchObject({
      status: "already-there",
      incidentId: first.incidentId,
      ticketNumber: first.ticketNumber,
      roundTrips: 1,
    });
    expect(counts(em)).toEqual(before);
  });

  test("the same handoff twice at once makes one incident", async () => {
    const newCustomer = handoff({ customer: { name: "Kim Lee", email: "kim@example.net" } });
    const [a, b] = await Promise.all([
      connector(em).connector.deliver(newCustomer),
      connector(em).connector.deliver(newCustomer),
    ]);
    expect([a.status, b.status].sort()).toEqual(["already-there", "created"]);
    expect(a.incidentId).toBe(b.incidentId);
    expect(em.store.all("incident").filter((i) => i.e2c_handoffid === "handoff-0001")).toHaveLength(1);
    expect(em.store.all("contact").filter((c) => c.emailaddress1 === "kim@example.net")).toHaveLength(1);
  });

  test("two handoffs from one new customer at once make one contact", async () => {
    const customer = { name: "Kim Lee", email: "kim@example.net" };
    const [a, b] = await Promise.all([
      connector(em).connector.deliver(handoff({ handoffId: "a", customer })),
      connector(em).connector.deliver(handoff({ handoffId: "b", customer })),
    ]);
    expect(a.incidentId).not.toBe(b.incidentId);
    expect(a.contact.id).toBe(b.contact.id);
    expect(em.store.all("contact").filter((c) => c.emailaddress1 === "kim@example.net")).toHaveLength(1);
  });

  test("two handoffs at once from one new customer whose address differs only in case make one contact", async () => {
    const [a, b] = await Promise.all([
      connector(em).connector.deliver(handoff({ handoffId: "upper", customer: { email: "Kim.Case@Example.net" } })),
      connector(em).connector.deliver(handoff({ handoffId: "lower", customer: { email: "kim.case@example.net" } })),
    ]);
    expect(a.contact.id).toBe(b.contact.id);
    const contacts = em.store
      .all("contact")
      .filter((c) => String(c.emailaddress1).toLowerCase() === "kim.case@example.net");
    expect(contacts).toHaveLength(1);
  });

  test("without the solution's columns the case is still made, with a warning that repeats are not caught", async () => {
    await em.close();
    em = await emulator({ seed: seedWithoutSolution() });
    const result = await connector(em).connector.deliver(handoff());
    expect(result.status).toBe("created");
    expect(result.warnings.join("\n")).toMatch(/solution is not installed \(no e2c_handoffid column\)/);
  });

  test("without the solution's columns, a lost answer is looked up by the incident id the connector generated", async () => {
    await em.close();
    em = await emulator({ seed: seedWithoutSolution(), faults: "reset-after@3" });
    const result = await connector(em).connector.deliver(handoff());
    expect(result.status).toBe("created");
    expect(em.store.all("incident").map((i) => String(i.incidentid))).toEqual([result.incidentId]);
  });
});

describe("retries", () => {
  test("429 is retried after the Retry-After the service asked for", async () => {
    await em.close();
    em = await emulator({ faults: "429@1,retry-after=3" });
    const waits: number[] = [];
    const { connector: c } = connector(em, {}, undefined, {
      retry: { maxDelayMs: 60000 },
      sleep: async (ms) => void waits.push(ms),
    });
    const result = await c.deliver(handoff());
    expect(result.status).toBe("created");
    expect(waits).toEqual([3000]);
  });

  test("503 and dropped connections are retried with growing, jittered waits", async () => {
    await em.close();
    em = await emulator({ faults: "503@1,reset@2" });
    const waits: number[] = [];
    const { connector: c } = connector(em, {}, undefined, {
      retry: { baseDelayMs: 100, maxDelayMs: 10000 },
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
    });
    expect((await c.deliver(handoff())).status).toBe("created");
    expect(waits).toEqual([75, 150]);
  });

  test("retries are bounded: a service that keeps refusing is reported, and nothing is written", async () => {
    await em.close();
    em = await emulator({ faults: "503:1" });
    const { connector: c } = connector(em, {}, undefined, { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = await c.deliver(handoff()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataverseError);
    expect((error as DataverseError).status).toBe(503);
    expect(em.requestCount).toBe(3);
    expect(em.store.count("incident")).toBe(0);
  });

  test("an answer lost after the write (reset-after) is retried, finds its own case and says created: one incident", async () => {
    await em.close();
    em = await emulator({ faults: "reset-after@3" });
    const { connector: c } = connector(em);
    const result = await c.deliver(handoff({ customer: { name: "Kim", email: "kim@example.net" } }));
    expect(result.status).toBe("created");
    expect(result.incidentId).toBe(String(em.store.all("incident")[0]!.incidentid));
    expect(em.store.count("incident")).toBe(1);
    expect(em.store.all("contact").filter((x) => x.emailaddress1 === "kim@example.net")).toHaveLength(1);
  });
});

describe("answers lost on the way", () => {
  const sendOnce = async (faults: string) => {
    await em.close();
    em = await emulator({ faults });
    const { HttpTransport } = await import("../../plugins-js/dataverse/transport");
    const { StaticToken } = await import("../../plugins-js/dataverse/auth");
    const transport = new HttpTransport(em.url, new StaticToken("e2c-emulator-connector"), {
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    const report = { answersLost: 0 };
    await transport.send("GET", "/WhoAmI", {}, undefined, false, report).catch(() => undefined);
    transport.close();
    return report.answersLost;
  };

  test.each([
    ["503@1", 1],
    ["reset@1", 1],
    ["reset-after@1", 1],
    ["429@1,retry-after=0", 0],
  ])("%s: %i answer(s) counted as lost", async (faults, lost) => {
    expect(await sendOnce(faults)).toBe(lost);
  });

  test("a request under way when its client is closed ends with its error, without retrying", async () => {
    await em.close();
    em = await emulator({ faults: "slow@1,slow-ms=5000" });
    const { HttpTransport } = await import("../../plugins-js/dataverse/transport");
    const { StaticToken } = await import("../../plugins-js/dataverse/auth");
    const retries: string[] = [];
    const transport = new HttpTransport(em.url, new StaticToken("e2c-emulator-connector"), {
      retry: { baseDelayMs: 1 },
      onRetry: (why) => void retries.push(why),
    });
    const pending = transport.send("GET", "/WhoAmI", {});
    while (em.requestCount === 0) await new Promise((resolve) => setImmediate(resolve));
    transport.close();
    await expect(pending).rejects.toThrow(/after the client was closed/);
    expect(retries).toEqual([]);
  });

  test("a refused connection is not a lost answer: the request never left", async () => {
    const { HttpTransport } = await import("../../plugins-js/dataverse/transport");
    const { StaticToken } = await import("../../plugins-js/dataverse/auth");
    const url = em.url;
    await em.close();
    em = await emulator();
    const transport = new HttpTransport(url, new StaticToken("x"), { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const report = { answersLost: 0 };
    await expect(transport.send("GET", "/WhoAmI", {}, undefined, false, report)).rejects.toMatchObject({
      code: "ECONNREFUSED",
    });
    expect(report.answersLost).toBe(0);
  });

  test("reset-after@3 on a change set with a new contact and notes: created, the notes read back", async () => {
    await em.close();
    em = await emulator({ faults: "reset-after@3" });
    const result = await connector(em, { copyAttachments: true }).connector.deliver(
      handoff({
        customer: { name: "Kim Park", email: "kim@example.net" },
        messages: [
          {
            timestamp: "2026-11-20T09:14:03Z",
            from: { name: "Kim Park", email: "kim@example.net" },
            role: "customer",
            body: "Photo attached.",
            attachments: [{ filename: "photo.png", contentType: "image/png", contentBase64: "iVBORw0KGgo=" }],
          },
        ],
      }),
    );
    expect(result).toMatchObject({ status: "created", contact: { outcome: "created" } });
    const notes = em.store.all("annotation").filter((a) => (a.objectid as { id: string }).id === result.incidentId);
    expect(result.notes).toEqual(notes.map((n) => ({ id: String(n.annotationid), subject: String(n.subject) })));
    expect(result.queueItemId).toBe(String(em.store.all("queueitem")[0]!.queueitemid));
    expect(result.roundTrips).toBe(3);
  });
});

describe("refusals, in the words of the seed's troubleshooting", () => {
  test("403: names the privilege the application user lacks; nothing is written", async () => {
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"] = seed.roles["Email to Case connector"].filter(
      (p: string) => p !== "prvCreateIncident",
    );
    await em.close();
    em = await emulator({ seed });
    const before = counts(em);
    const error = (await connector(em)
      .connector.deliver(handoff({ customer: { email: "kim@example.net" } }))
      .catch((e) => e)) as DataverseError;
    expect(error.status).toBe(403);
    const { explainDataverseFault } = await import("../../core/connector/explain-error");
    expect(explainDataverseFault(error).summary).toBe(
      "403 on create: the application user's security role lacks prvCreateIncident (Create on Incident).",
    );
    expect(counts(em)).toEqual(before);
  });

  test("a default_queue_id that is not a queue: incidents would be unassigned; the change set is undone", async () => {
    const before = counts(em);
    const missingQueue = "e2c00000-0000-4000-8000-00000000ffff";
    const error = (await connector(em, { defaultQueueId: missingQueue })
      .connector.deliver(handoff({ customer: { email: "kim@example.net" } }))
      .catch((e) => e)) as DataverseError;
    expect(error.status).toBe(404);
    const { explainDataverseFault } = await import("../../core/connector/explain-error");
    expect(explainDataverseFault(error).summary).toBe(
      `Incidents unassigned: default_queue_id ${missingQueue} is not a queue in this environment (or the application user cannot read it).`,
    );
    expect(counts(em)).toEqual(before);
  });

  test("401: a token the environment does not accept", async () => {
    const error = (await connector(em, {}, "wrong-token-value")
      .connector.deliver(handoff())
      .catch((e) => e)) as DataverseError;
    expect(error.status).toBe(401);
  });
});

describe("the environment URL", () => {
  test.each([
    ["without a trailing slash", ""],
    ["with a trailing slash", "/"],
    ["with the API path", "/api/data/v9.2/"],
  ])("works %s", async (_, suffix) => {
    const { HttpTransport } = await import("../../plugins-js/dataverse/transport");
    const { StaticToken } = await import("../../plugins-js/dataverse/auth");
    const { DataverseifyWebApi } = await import("../../plugins-js/dataverse/web-api");
    const { HandoffConnector } = await import("../../plugins-js/connector/connector");
    const { settings } = await import("../emulator/helpers");
    const api = new DataverseifyWebApi(
      new HttpTransport(`${em.url}${suffix}`, new StaticToken("e2c-emulator-connector")),
    );
    expect((await new HandoffConnector(api, settings()).deliver(handoff())).status).toBe("created");
  });
});
