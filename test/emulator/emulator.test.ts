/** The local Dataverse emulator does what PRODUCT.md §7 says Dataverse does, with domain.md §5's error bodies. */
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { call, demoSeedJson, emulator, JANE, SUPPORT_QUEUE } from "./helpers";

let em: RunningEmulator;
beforeAll(async () => {
  em = await emulator();
});
afterAll(() => em.close());

const NEW_ID = "11111111-2222-4333-8444-555555555555";

describe("addressing and sign-in", () => {
  test("listens on 127.0.0.1 only and serves /api/data/v9.2/", () => {
    expect(em.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(em.serviceRoot).toBe(`${em.url}/api/data/v9.2/`);
  });

  test("refuses a request without a bearer token with 401", async () => {
    const r = await fetch(`${em.serviceRoot}contacts`);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  test("refuses an unknown token with 401", async () => {
    const r = await call(em, "GET", "contacts", undefined, { Authorization: "Bearer not-a-known-token" });
    expect(r.status).toBe(401);
  });

  test("WhoAmI names the signed-in user", async () => {
    const r = await call(em, "GET", "WhoAmI");
    expect(r.status).toBe(200);
    expect(r.json.UserId).toBe("e2c00000-0000-4000-8000-0000000000a2");
    expect(r.json.OrganizationId).toBe("e2c00000-0000-4000-8000-000000000001");
  });

  test("a wrong entity set is 404 0x8006088a Resource not found for the segment", async () => {
    const r = await call(em, "GET", "Contact");
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({ code: "0x8006088a", message: "Resource not found for the segment 'Contact'." });
  });
});

describe("create and retrieve", () => {
  test("create takes the client's id and answers 204 with OData-EntityId", async () => {
    const r = await call(em, "POST", "accounts", { accountid: NEW_ID, name: "Northwind" });
    expect(r.status).toBe(204);
    expect(r.headers.get("odata-entityid")).toBe(`${em.serviceRoot}accounts(${NEW_ID})`);
    expect(em.store.get("account", NEW_ID)?.name).toBe("Northwind");
  });

  test("Prefer: return=representation answers 201 with the selected columns", async () => {
    const r = await call(
      em,
      "POST",
      "incidents?$select=title,ticketnumber",
      { title: "Printer", "customerid_contact@odata.bind": `/contacts(${JANE})` },
      { Prefer: "return=representation" },
    );
    expect(r.status).toBe(201);
    expect(r.json.title).toBe("Printer");
    expect(r.json.ticketnumber).toMatch(/^CAS-\d{5}-[0-9A-F]{6}$/);
    expect(r.json.incidentid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.description).toBeUndefined();
  });

  test("retrieve by id with $select returns lookups as _x_value and an etag", async () => {
    const r = await call(em, "GET", `contacts(${JANE})?$select=fullname,_parentcustomerid_value`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ fullname: "Jane Doe", _parentcustomerid_value: null, contactid: JANE });
    expect(r.json["@odata.etag"]).toMatch(/^W\/"\d+"$/);
  });

  test("a missing record is 404 0x80040217 '<table> With Id = <id> Does Not Exist'", async () => {
    const missing = "00000000-0000-4000-8000-00000000dead";
    const r = await call(em, "GET", `contacts(${missing})`);
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({ code: "0x80040217", message: `contact With Id = ${missing} Does Not Exist` });
  });

  test("an unknown property is 400 0x0 Could not find a property named", async () => {
    const r = await call(em, "POST", "contacts", { Name: "x" });
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({
      code: "0x0",
      message: "Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.contact'.",
    });
  });

  test("include-annotations adds formatted values and the lookup's table", async () => {
    const r = await call(
      em,
      "GET",
      `mailboxes?$select=_regardingobjectid_value,incomingemailstatus&$top=1`,
      undefined,
      {
        Prefer: 'odata.include-annotations="*"',
      },
    );
    const row = r.json.value[0];
    expect(row["_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBe("queue");
    expect(row["_regardingobjectid_value@OData.Community.Display.V1.FormattedValue"]).toBe("Support");
    expect(row["incomingemailstatus@OData.Community.Display.V1.FormattedValue"]).toBe("Success");
  });
});

describe("queries", () => {
  test("$filter eq on text ignores case, as Dataverse's collation does", async () => {
    const r = await call(em, "GET", "contacts?$select=contactid&$filter=emailaddress1 eq 'JANE.DOE@CONTOSO.COM'");
    expect(r.json.value.map((c: any) => c.contactid)).toEqual([JANE]);
  });

  test("$filter with and, or, ne, contains, startswith and null", async () => {
    const q =
      "contacts?$select=lastname&$filter=(startswith(lastname,'Chen') or contains(emailaddress1,'fabrikam')) and statecode ne 1 and telephone1 eq null";
    const r = await call(em, "GET", q);
    expect(r.json.value.map((c: any) => c.lastname).sort()).toEqual(["Chen", "Chen (old)"]);
  });

  test("$orderby and $top", async () => {
    const r = await call(em, "GET", "contacts?$select=lastname&$orderby=modifiedon desc&$top=2");
    expect(r.json.value.map((c: any) => c.lastname)).toEqual(["Doe", "Chen"]);
  });

  test("$expand on a lookup with a nested $select", async () => {
    const r = await call(
      em,
      "GET",
      "mailboxes?$select=name&$expand=regardingobjectid_queue($select=name,emailaddress)&$top=1",
    );
    expect(r.json.value[0].regardingobjectid_queue).toMatchObject({
      name: "Support",
      emailaddress: "support@contoso.example",
    });
  });

  test("Prefer: odata.maxpagesize pages with @odata.nextLink", async () => {
    const first = await call(em, "GET", "contacts?$select=contactid&$orderby=lastname asc", undefined, {
      Prefer: "odata.maxpagesize=3",
    });
    expect(first.json.value).toHaveLength(3);
    const next = new URL(first.json["@odata.nextLink"]);
    const second = await call(em, "GET", `contacts${next.search}`, undefined, { Prefer: "odata.maxpagesize=3" });
    expect(second.json.value.length).toBeGreaterThan(0);
    const ids = [...first.json.value, ...second.json.value].map((c: any) => c.contactid);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("a filter on an unknown column is refused", async () => {
    const r = await call(em, "GET", "contacts?$filter=email eq 'x'");
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/Could not find a property named 'email'/);
  });
});

describe("update, upsert and conditions", () => {
  test("PATCH updates an existing record", async () => {
    const r = await call(em, "PATCH", `queues(${SUPPORT_QUEUE})`, { name: "Support desk" });
    expect(r.status).toBe(204);
    expect(em.store.get("queue", SUPPORT_QUEUE)?.name).toBe("Support desk");
  });

  test("PATCH to a missing id creates it (upsert)", async () => {
    const id = "22222222-2222-4333-8444-555555555555";
    const r = await call(em, "PATCH", `accounts(${id})`, { name: "Upserted" });
    expect(r.status).toBe(204);
    expect(em.store.get("account", id)?.name).toBe("Upserted");
  });

  test("PATCH to an alternate key creates with the key's value, then updates the same record", async () => {
    const body = { title: "By key", "customerid_contact@odata.bind": `/contacts(${JANE})` };
    expect((await call(em, "PATCH", "incidents(e2c_handoffid='key-1')", body)).status).toBe(204);
    expect((await call(em, "PATCH", "incidents(e2c_handoffid='key-1')", { title: "By key, again" })).status).toBe(204);
    const found = em.store.all("incident").filter((i) => i.e2c_handoffid === "key-1");
    expect(found.map((i) => i.title)).toEqual(["By key, again"]);
  });

  test("If-None-Match: * on an existing record is 412 'A record with matching key values already exists.'", async () => {
    const r = await call(em, "PATCH", `contacts(${JANE})`, { telephone1: "1" }, { "If-None-Match": "*" });
    expect(r.status).toBe(412);
    expect(r.json.error).toEqual({ code: "", message: "A record with matching key values already exists." });
  });

  test("If-Match: * on a missing record is 404 with an empty code", async () => {
    const id = "33333333-2222-4333-8444-555555555555";
    const r = await call(em, "PATCH", `contacts(${id})`, { telephone1: "1" }, { "If-Match": "*" });
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({ code: "", message: `contact With Id = ${id} Does Not Exist` });
    expect(em.store.get("contact", id)).toBeUndefined();
  });

  test("If-Match with a stale etag is 412 version mismatch", async () => {
    const r = await call(em, "PATCH", `contacts(${JANE})`, { telephone1: "1" }, { "If-Match": 'W/"1"' });
    expect(r.status).toBe(412);
    expect(r.json.error.message).toBe(
      "The version of the existing record doesn't match the RowVersion property provided.",
    );
  });

  test("a second record with the same alternate key is 412 0x80040237", async () => {
    const body = (id: string) => ({
      incidentid: id,
      title: "Dup",
      e2c_handoffid: "dup-key",
      "customerid_contact@odata.bind": `/contacts(${JANE})`,
    });
    expect((await call(em, "POST", "incidents", body("44444444-2222-4333-8444-555555555555"))).status).toBe(204);
    const r = await call(em, "POST", "incidents", body("55555555-2222-4333-8444-555555555555"));
    expect(r.status).toBe(412);
    expect(r.json.error.code).toBe("0x80040237");
    expect(r.json.error.message).toMatch(
      /The entity key e2c_handoffid_key requires that this set of attributes contains unique values/,
    );
  });

  test("alternate keys compare without regard to case", async () => {
    const created = await call(em, "POST", "incidents", {
      incidentid: "66666666-2222-4333-8444-555555555555",
      title: "Mixed case key",
      e2c_handoffid: "Case-Key",
      "customerid_contact@odata.bind": `/contacts(${JANE})`,
    });
    expect(created.status).toBe(204);
    const r = await call(em, "GET", "incidents(e2c_handoffid='CASE-KEY')?$select=title");
    expect(r.status).toBe(200);
    expect(r.json.title).toBe("Mixed case key");
  });

  test("an update that would give a second record the same alternate key is 412 and changes nothing", async () => {
    const body = (id: string, key: string) => ({
      incidentid: id,
      title: key,
      e2c_handoffid: key,
      "customerid_contact@odata.bind": `/contacts(${JANE})`,
    });
    const first = "77777777-2222-4333-8444-555555555555";
    const second = "88888888-2222-4333-8444-555555555555";
    expect((await call(em, "POST", "incidents", body(first, "patch-key-1"))).status).toBe(204);
    expect((await call(em, "POST", "incidents", body(second, "patch-key-2"))).status).toBe(204);
    const r = await call(em, "PATCH", `incidents(${second})`, { e2c_handoffid: "PATCH-KEY-1" }, { "If-Match": "*" });
    expect(r.status).toBe(412);
    expect(r.json.error.code).toBe("0x80040237");
    expect(em.store.get("incident", second)?.e2c_handoffid).toBe("patch-key-2");
  });
});

describe("validation from table metadata", () => {
  const incident = { title: "x", "customerid_contact@odata.bind": `/contacts(${JANE})` };

  test("a label sent for a choice is 400 0x80048d19 Cannot convert the literal", async () => {
    const r = await call(em, "POST", "incidents", { ...incident, prioritycode: "High" });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("0x80048d19");
    expect(r.json.error.message).toContain("Cannot convert the literal 'High' to the expected type 'Edm.Int32'.");
  });

  test("a choice value outside the option set is 400 0x8004431A", async () => {
    const r = await call(em, "POST", "incidents", { ...incident, prioritycode: 7 });
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({
      code: "0x8004431A",
      message:
        "A validation error occurred. The value 7 of 'prioritycode' on record of type 'incident' is outside the valid range.",
    });
  });

  test("text longer than the column is refused", async () => {
    const r = await call(em, "POST", "incidents", { ...incident, title: "x".repeat(201) });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(
      /'title' attribute of the 'incident' entity exceeded the maximum allowed length of '200'/,
    );
  });

  test("a case without a customer is refused: customerid is SystemRequired", async () => {
    const r = await call(em, "POST", "incidents", { title: "No customer" });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe("You should specify a parent contact or account.");
  });

  test("a multi-table lookup bound by its column name is 400 0x80048d19 undeclared property", async () => {
    const r = await call(em, "POST", "incidents", { title: "x", "customerid@odata.bind": `/contacts(${JANE})` });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("0x80048d19");
    expect(r.json.error.message).toMatch(/^An undeclared property 'customerid' which only has property annotations/);
  });

  test("a bind to a record that does not exist is 404", async () => {
    const r = await call(em, "POST", "incidents", {
      title: "x",
      "customerid_contact@odata.bind": "/contacts(00000000-0000-4000-8000-00000000beef)",
    });
    expect(r.status).toBe(404);
  });

  test("an attachment over the organisation's maximum file size is refused", async () => {
    const big = Buffer.alloc(5242881).toString("base64");
    const r = await call(em, "POST", "annotations", { subject: "big", filename: "big.bin", documentbody: big });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/attachment is either not a valid type or is too large/);
  });
});

describe("privileges", () => {
  test("a user without the privilege gets 403 0x80040220 naming it and the table", async () => {
    const r = await call(em, "POST", "incidents", { title: "x" }, { Authorization: "Bearer e2c-emulator-agent" });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("0x80040220");
    expect(r.json.error.message).toMatch(
      /^Principal user \(Id=e2c00000-0000-4000-8000-0000000000a3, type=8, roleCount=0\), is missing prvCreateIncident privilege \(Id=[0-9a-f-]{36}\) on OTC=112 for entity 'incident'/,
    );
  });

  test("binding a lookup needs prvAppend on the record and prvAppendTo on its target", async () => {
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"] = seed.roles["Email to Case connector"].filter(
      (p: string) => p !== "prvAppendToContact",
    );
    const other = await emulator({ seed });
    try {
      const r = await call(
        other,
        "POST",
        "incidents",
        { title: "x", "customerid_contact@odata.bind": `/contacts(${JANE})` },
        {
          Authorization: "Bearer e2c-emulator-connector",
        },
      );
      expect(r.status).toBe(403);
      expect(r.json.error.message).toMatch(/missing prvAppendToContact privilege/);
    } finally {
      await other.close();
    }
  });
});

describe("$batch", () => {
  const batch = (parts: string[]) => ["--batch_1", ...parts, "--batch_1--", ""].join("\r\n");
  const changeset = (requests: string[]) =>
    [
      "Content-Type: multipart/mixed; boundary=changeset_1",
      "",
      ...requests.flatMap((r, i) => [
        "--changeset_1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        `Content-ID: ${i + 1}`,
        "",
        r,
      ]),
      "--changeset_1--",
    ].join("\r\n");
  const post = (path: string, body: unknown) =>
    `POST /api/data/v9.2/${path} HTTP/1.1\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}`;
  const send = (body: string) =>
    call(em, "POST", "$batch", body, { "Content-Type": "multipart/mixed; boundary=batch_1" });

  test("a change set is all or nothing: a failing request undoes the ones before it", async () => {
    const before = em.store.count("account");
    const r = await send(
      batch([changeset([post("accounts", { name: "A" }), post("accounts", { name: "B", prioritycode: 1 })])]),
    );
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^--batchresponse_/);
    expect(r.text).toContain("HTTP/1.1 400 Bad Request");
    expect(em.store.count("account")).toBe(before);
  });

  test("Content-ID references bind to a record made earlier in the change set", async () => {
    const r = await send(
      batch([
        changeset([
          post("contacts", { lastname: "Referenced", emailaddress1: "ref@example.net" }),
          post("incidents", { title: "Ref", "customerid_contact@odata.bind": "$1" }),
        ]),
      ]),
    );
    expect(r.status).toBe(200);
    const contact = em.store.all("contact").find((c) => c.lastname === "Referenced")!;
    const incident = em.store.all("incident").find((i) => i.title === "Ref")!;
    expect((incident.customerid as any).id).toBe(contact.contactid);
  });

  test("AddToQueue puts the case in the queue and answers its QueueItemId", async () => {
    const made = await call(
      em,
      "POST",
      "incidents",
      { title: "To queue", "customerid_contact@odata.bind": `/contacts(${JANE})` },
      { Prefer: "return=representation" },
    );
    const incident = made.json as { incidentid: string };
    const r = await call(em, "POST", `queues(${SUPPORT_QUEUE})/Microsoft.Dynamics.CRM.AddToQueue`, {
      Target: { "@odata.type": "Microsoft.Dynamics.CRM.incident", incidentid: incident.incidentid },
    });
    expect(r.status).toBe(200);
    const item = em.store.get("queueitem", r.json.QueueItemId)!;
    expect((item.queueid as any).id).toBe(SUPPORT_QUEUE);
    expect((item.objectid as any).id).toBe(incident.incidentid);
  });

  test("GETs outside a change set answer in order, in LF or CRLF", async () => {
    const get = (path: string) =>
      `Content-Type: application/http\nContent-Transfer-Encoding: binary\n\nGET /api/data/v9.2/${path} HTTP/1.1\nAccept: application/json\n`;
    const body = ["--batch_1", get("queues?$select=name&$top=1"), "--batch_1", get("WhoAmI"), "--batch_1--", ""].join(
      "\n",
    );
    const r = await send(body);
    expect(r.status).toBe(200);
    expect(r.text.indexOf('"value"')).toBeLessThan(r.text.indexOf('"UserId"'));
  });

  test("a part's URL is read as a URL parser reads it: dot segments, escapes and a plain query alike", async () => {
    const get = (path: string) =>
      `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET /api/data/v9.2/${path} HTTP/1.1\r\n`;
    const query = "?$select=contactid&$filter=emailaddress1%20eq%20'jane.doe%40contoso.com'";
    const paths = [`contacts${query}`, `accounts/../contacts${query}`, `accounts/%2E%2E/contacts${query}`];
    const r = await send(batch([paths.map(get).join("\r\n--batch_1\r\n")]));
    expect(r.status).toBe(200);
    expect(r.text.match(/"contactid":"([^"]+)"/g)).toEqual(Array(3).fill(`"contactid":"${JANE}"`));
  });
});

describe("metadata", () => {
  test("EntityDefinitions gives max lengths, required levels, options and keys", async () => {
    const strings = await call(
      em,
      "GET",
      "EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.MemoAttributeMetadata",
    );
    expect(strings.json.value.find((a: any) => a.LogicalName === "description").MaxLength).toBe(2000);
    const picklists = await call(
      em,
      "GET",
      "EntityDefinitions(LogicalName='incident')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata",
    );
    const priority = picklists.json.value.find((a: any) => a.LogicalName === "prioritycode");
    expect(priority.OptionSet.Options.map((o: any) => [o.Value, o.Label.UserLocalizedLabel.Label])).toEqual([
      [1, "High"],
      [2, "Normal"],
      [3, "Low"],
    ]);
    const entity = await call(em, "GET", "EntityDefinitions(LogicalName='incident')");
    expect(entity.json.Keys).toEqual([
      expect.objectContaining({ LogicalName: "e2c_handoffid_key", KeyAttributes: ["e2c_handoffid"] }),
    ]);
    expect(entity.json.Attributes.find((a: any) => a.LogicalName === "customerid").RequiredLevel.Value).toBe(
      "SystemRequired",
    );
  });
});
