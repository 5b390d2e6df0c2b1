/**
 * What the emulator refuses (issue 13, docs/emulator.md "What it refuses"): each attack tried against it on loopback
 * is answered 400/401/403/408/413/414 and writes nothing.
 */
import { connect } from "node:net";
import { request } from "node:http";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { startEmulator } from "../../plugins-js/emulator/server";
import type { EmulatorLimits } from "../../plugins-js/emulator/limits";
import { MAX_FILTER_DEPTH } from "../../plugins-js/emulator/odata-filter";
import { ADMIN_TOKEN, CONNECTOR_TOKEN, JANE, SUPPORT_QUEUE, call, demoSeedJson, emulator, seedOf } from "./helpers";

const AGENT_TOKEN = "e2c-emulator-agent";
let em: RunningEmulator;
beforeAll(async () => {
  em = await emulator();
});
afterAll(() => em.close());

/** Every row of every table, to show a refused request wrote nothing. */
function snapshot(target: RunningEmulator): string {
  return JSON.stringify([...target.store.tables.keys()].map((t) => [t, target.store.all(t)]));
}

/** An emulator of the demo seed with smaller limits, for the length of `work`. */
async function withLimits(limits: Partial<EmulatorLimits>, work: (target: RunningEmulator) => Promise<void>) {
  const target = await startEmulator({ seed: seedOf(demoSeedJson()), limits });
  try {
    await work(target);
  } finally {
    await target.close();
  }
}

/** A POST to contacts as the admin whose body is only partly sent. */
const halfSentPost = (headers: Record<string, string>, send: string) => ({
  method: "POST",
  path: "/api/data/v9.2/contacts",
  headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json", ...headers },
  send,
  end: false,
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A request written by hand: `send` is the part of the body that goes out, and unless `end` the rest never does,
 * as an attacker's half-sent upload. Resolves with the answer once it has been read.
 */
function raw(
  target: RunningEmulator,
  options: { method?: string; path: string; headers?: Record<string, string>; send?: Buffer | string; end?: boolean },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.url}${options.path}`,
      { method: options.method ?? "GET", headers: options.headers ?? {}, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          req.destroy();
        });
      },
    );
    req.on("error", reject);
    if (options.send !== undefined) req.write(options.send);
    if (options.end !== false) req.end();
    else req.flushHeaders();
  });
}

describe("the body is read only after sign-in, and only so much of it", () => {
  test("an unsigned 120 MB upload is answered 401 before its body arrives, and the connection is closed", async () => {
    const before = snapshot(em);
    const r = await raw(em, {
      method: "POST",
      path: "/api/data/v9.2/contacts",
      headers: { "Content-Type": "application/json", "Content-Length": String(120 * 1024 * 1024) },
      send: Buffer.alloc(64 * 1024, 0x20),
      end: false,
    });
    expect(r.status).toBe(401);
    expect(r.headers.connection).toBe("close");
    expect(snapshot(em)).toBe(before);
  });

  test("a body over 128 MB, Dataverse's single-request limit, is 413 before any of it is sent", async () => {
    const before = snapshot(em);
    const r = await raw(em, {
      method: "POST",
      path: "/api/data/v9.2/contacts",
      headers: {
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        "Content-Type": "application/json",
        "Content-Length": String(128 * 1024 * 1024 + 1),
      },
      end: false,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).error.message).toMatch(/larger than 134217728 bytes/);
    expect(snapshot(em)).toBe(before);
  });

  test("a chunked body that grows past the limit is cut off with 413", async () => {
    await withLimits({ maxBodyBytes: 1024 }, async (small) => {
      const before = snapshot(small);
      const r = await raw(
        small,
        halfSentPost({ "Transfer-Encoding": "chunked" }, JSON.stringify({ lastname: "x".repeat(2048) })),
      );
      expect(r.status).toBe(413);
      expect(snapshot(small)).toBe(before);
    });
  });

  test("a half-sent body is answered 408 and its connection closed", async () => {
    await withLimits({ bodyTimeoutMs: 200 }, async (quick) => {
      const before = snapshot(quick);
      const r = await raw(quick, halfSentPost({ "Content-Length": "100" }, '{"lastname":'));
      expect(r.status).toBe(408);
      expect(r.headers.connection).toBe("close");
      expect(snapshot(quick)).toBe(before);
    });
  });

  test("headers that never finish arriving have their connection closed", async () => {
    await withLimits({ headersTimeoutMs: 200 }, async (quick) => {
      const port = Number(new URL(quick.url).port);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () => socket.write(`GET /api/data/v9.2/WhoAmI HTTP/1.1\r\nHost: `));
        let text = "";
        socket.on("data", (chunk) => (text += chunk.toString()));
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    });
  });
});

describe("addresses", () => {
  test("a Host other than 127.0.0.1 or localhost on its port (DNS rebinding) is 400, even with a token", async () => {
    const before = snapshot(em);
    const port = new URL(em.url).port;
    const r = await raw(em, {
      method: "POST",
      path: "/api/data/v9.2/contacts",
      headers: {
        Host: `attacker.example:${port}`,
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        "Content-Type": "application/json",
      },
      send: JSON.stringify({ lastname: "Rebound" }),
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error.message).toMatch(/Invalid Hostname/);
    expect(snapshot(em)).toBe(before);
    const local = await raw(em, {
      path: "/api/data/v9.2/WhoAmI",
      headers: { Host: `localhost:${port}`, Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(local.status).toBe(200);
  });

  test("a malformed percent-encoding is 400, not 500", async () => {
    const r = await call(em, "GET", "%E0%A4%A");
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/URI is not valid/);
  });

  test("a URL over the Web API's 32 KB is 414", async () => {
    const r = await call(em, "GET", `contacts?$select=lastname&$filter=lastname eq '${"x".repeat(33 * 1024)}'`);
    expect(r.status).toBe(414);
  });

  test("a browser on another origin gets no CORS permission to send the token", async () => {
    const r = await raw(em, {
      method: "OPTIONS",
      path: "/api/data/v9.2/contacts",
      headers: {
        Origin: "http://attacker.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(r.status).toBe(401);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("names are the table's own columns, never Object's", () => {
  test("a body naming constructor or toString is 400 Could not find a property, and nothing is written", async () => {
    const before = snapshot(em);
    for (const body of [
      { lastname: "proto", constructor: "x" },
      { lastname: "proto", toString: 1 },
      { lastname: "proto", hasOwnProperty: true },
      JSON.parse('{"lastname":"proto","__proto__":{"x":1}}'),
    ]) {
      const r = await call(em, "POST", "contacts", body);
      expect([r.status, r.json.error.code]).toEqual([400, "0x0"]);
      expect(r.json.error.message).toMatch(
        /^Could not find a property named '(constructor|toString|hasOwnProperty|__proto__)' on type 'Microsoft\.Dynamics\.CRM\.contact'\.$/,
      );
    }
    expect(snapshot(em)).toBe(before);
  });

  test.each([
    ["$select", "contacts?$select=constructor", "constructor"],
    ["$orderby", "contacts?$orderby=__proto__", "__proto__"],
    ["$filter", "contacts?$filter=toString eq 1", "toString"],
    ["$filter on a lookup name", "contacts?$filter=_constructor_value eq null", "_constructor_value"],
    ["$expand", "contacts?$expand=constructor", "constructor"],
    ["$select inside $expand", "incidents?$expand=primarycontactid($select=valueOf)", "valueOf"],
  ])("%s naming a name of Object is 400", async (_what, path, name) => {
    const r = await call(em, "GET", path);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(`Could not find a property named '${name}'`);
  });

  test("an alternate-key address naming __proto__ is 400", async () => {
    const before = snapshot(em);
    const r = await call(em, "PATCH", "incidents(__proto__='x')", { title: "x" });
    expect(r.status).toBe(400);
    expect(snapshot(em)).toBe(before);
  });
});

describe("queries are bounded", () => {
  test(`a $filter nested deeper than ${MAX_FILTER_DEPTH} levels is 400`, async () => {
    const deep = `${"(".repeat(MAX_FILTER_DEPTH + 1)}lastname eq 'x'${")".repeat(MAX_FILTER_DEPTH + 1)}`;
    const r = await call(em, "GET", `contacts?$select=lastname&$filter=${deep}`);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/nests deeper than 100 levels/);
    const fine = `${"(".repeat(MAX_FILTER_DEPTH)}lastname eq 'x'${")".repeat(MAX_FILTER_DEPTH)}`;
    expect((await call(em, "GET", `contacts?$select=lastname&$filter=${fine}`)).status).toBe(200);
  });

  test("a $filter nested thousands deep is 400, not a crashed parser", async () => {
    const deep = `${"(".repeat(10_000)}lastname eq 'x'${")".repeat(10_000)}`;
    const notNot = `${"not ".repeat(5_000)}lastname eq 'x'`;
    for (const filter of [deep, notNot]) {
      const r = await call(em, "GET", `contacts?$select=lastname&$filter=${encodeURIComponent(filter)}`);
      expect([r.status, r.json?.error?.message]).toEqual([400, expect.stringMatching(/nests deeper/)]);
    }
  });

  test("a long chain of or is not nesting: 2,000 alternatives are answered", async () => {
    const chain = Array.from({ length: 2000 }, (_, i) => `lastname eq 'n${i}'`).join(" or ");
    const body = [
      "--batch_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      `GET /api/data/v9.2/contacts?$select=lastname&$filter=${encodeURIComponent(`${chain} or lastname eq 'Doe'`)} HTTP/1.1`,
      "",
      "--batch_1--",
      "",
    ].join("\r\n");
    const r = await call(em, "POST", "$batch", body, { "Content-Type": "multipart/mixed; boundary=batch_1" });
    expect(r.status).toBe(200);
    expect(r.text).toContain("HTTP/1.1 200 OK");
  });

  test.each(["0", "abc", "-1", "99999"])(
    "Prefer: odata.maxpagesize=%s is ignored: one page of every row, no nextLink to loop on",
    async (size) => {
      const r = await call(em, "GET", "contacts?$select=lastname", undefined, { Prefer: `odata.maxpagesize=${size}` });
      expect(r.status).toBe(200);
      expect(r.json.value).toHaveLength(em.store.count("contact"));
      expect(r.json["@odata.nextLink"]).toBeUndefined();
      expect(r.headers.get("preference-applied")).toBeNull();
    },
  );

  test("a nextLink chain ends: following it visits every row once", async () => {
    let next: string | undefined = `${em.serviceRoot}contacts?$select=lastname`;
    const seen: string[] = [];
    while (next) {
      const r = await call(em, "GET", next.slice(em.serviceRoot.length), undefined, {
        Prefer: "odata.maxpagesize=2",
      });
      expect(r.headers.get("preference-applied")).toBe("odata.maxpagesize=2");
      seen.push(...r.json.value.map((c: { contactid: string }) => c.contactid));
      next = r.json["@odata.nextLink"];
    }
    expect(new Set(seen).size).toBe(em.store.count("contact"));
    expect(seen).toHaveLength(em.store.count("contact"));
  });

  test("a $skiptoken the emulator did not give out is 400", async () => {
    const r = await call(em, "GET", "contacts?$select=lastname&$skiptoken=skip%3D-5");
    expect(r.status).toBe(400);
  });

  test("a $batch of more than 1,000 requests is 400 and runs none of them", async () => {
    const before = snapshot(em);
    const part = [
      "--batch_1",
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "",
      "POST /api/data/v9.2/accounts HTTP/1.1",
      "Content-Type: application/json",
      "",
      '{"name":"Batch flood"}',
    ].join("\r\n");
    const body = `${Array.from({ length: 1001 }, () => part).join("\r\n")}\r\n--batch_1--\r\n`;
    const r = await call(em, "POST", "$batch", body, { "Content-Type": "multipart/mixed; boundary=batch_1" });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/up to 1000 individual requests/);
    expect(snapshot(em)).toBe(before);
  });
});

describe("privileges on every path that returns or writes a row", () => {
  test("$expand of a case's owner needs prvReadUser: the connector, which lacks it, gets 403", async () => {
    const r = await call(em, "GET", "incidents?$top=1&$select=title&$expand=ownerid", undefined, {
      Authorization: `Bearer ${CONNECTOR_TOKEN}`,
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("0x80040220");
    expect(r.json.error.message).toMatch(/missing prvReadUser privilege/);
    expect(r.text).not.toMatch(/fullname|applicationid/);
  });

  test("$expand of a contact's parent account needs prvReadAccount", async () => {
    const r = await call(em, "GET", `contacts(${JANE})?$expand=parentcustomerid_account`, undefined, {
      Authorization: `Bearer ${CONNECTOR_TOKEN}`,
    });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toMatch(/missing prvReadAccount privilege/);
    expect(r.text).not.toMatch(/emailaddress1/);
  });

  test("$expand on a create's representation is refused before the record is written", async () => {
    const before = snapshot(em);
    const r = await call(
      em,
      "POST",
      "contacts?$select=lastname&$expand=parentcustomerid_account($select=name)",
      { lastname: "Expander" },
      { Authorization: `Bearer ${CONNECTOR_TOKEN}`, Prefer: "return=representation" },
    );
    expect(r.status).toBe(403);
    expect(snapshot(em)).toBe(before);
  });

  test("an $expand the user may read still works", async () => {
    const r = await call(
      em,
      "GET",
      `contacts(${JANE})?$select=lastname&$expand=parentcustomerid_account($select=name)`,
    );
    expect(r.status).toBe(200);
  });

  describe("inside a $batch", () => {
    const send = (token: string, part: string) =>
      call(em, "POST", "$batch", `--batch_1\r\n${part}\r\n--batch_1--\r\n`, {
        Authorization: `Bearer ${token}`,
        "Content-Type": "multipart/mixed; boundary=batch_1",
      });
    const get = (path: string) =>
      `Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET /api/data/v9.2/${path} HTTP/1.1\r\n`;

    test("a GET part with an $expand the user may not read is 403 in its part", async () => {
      const r = await send(CONNECTOR_TOKEN, get("incidents?$top=1&$select=title&$expand=ownerid"));
      expect(r.status).toBe(400);
      expect(r.text).toContain("HTTP/1.1 403 Forbidden");
      expect(r.text).toMatch(/missing prvReadUser privilege/);
      expect(r.text).not.toMatch(/"fullname"/);
    });

    test("a change set written by a user without prvCreateContact is 403 and writes nothing", async () => {
      const before = snapshot(em);
      const body = [
        "--batch_1",
        "Content-Type: multipart/mixed; boundary=changeset_1",
        "",
        "--changeset_1",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "Content-ID: 1",
        "",
        "POST /api/data/v9.2/contacts HTTP/1.1",
        "Content-Type: application/json",
        "",
        '{"lastname":"Batched"}',
        "--changeset_1--",
        "--batch_1--",
        "",
      ].join("\r\n");
      const r = await call(em, "POST", "$batch", body, {
        Authorization: `Bearer ${AGENT_TOKEN}`,
        "Content-Type": "multipart/mixed; boundary=batch_1",
      });
      expect(r.text).toContain("HTTP/1.1 403 Forbidden");
      expect(r.text).toMatch(/missing prvCreateContact privilege/);
      expect(snapshot(em)).toBe(before);
    });
  });

  describe("AddToQueue", () => {
    async function withRole(remove: string, work: (other: RunningEmulator) => Promise<void>): Promise<void> {
      const seed = demoSeedJson();
      seed.roles["Email to Case connector"] = seed.roles["Email to Case connector"].filter((p: string) => p !== remove);
      const other = await emulator({ seed });
      try {
        await work(other);
      } finally {
        await other.close();
      }
    }
    const addToQueue = (target: RunningEmulator, queue: string, incidentId: string) =>
      call(
        target,
        "POST",
        `queues(${queue})/Microsoft.Dynamics.CRM.AddToQueue`,
        { Target: { "@odata.type": "Microsoft.Dynamics.CRM.incident", incidentid: incidentId } },
        { Authorization: `Bearer ${CONNECTOR_TOKEN}` },
      );
    const anyIncident = (target: RunningEmulator) => String(target.store.all("incident")[0]?.incidentid);

    test.each(["prvAppendToQueue", "prvCreateQueueItem", "prvReadQueue", "prvReadIncident"])(
      "a role without %s gets 403 and no queue item",
      async (privilege) => {
        await withRole(privilege, async (other) => {
          const before = snapshot(other);
          const r = await addToQueue(other, SUPPORT_QUEUE, anyIncident(other));
          expect(r.status).toBe(403);
          expect(r.json.error.message).toMatch(`missing ${privilege} privilege`);
          expect(snapshot(other)).toBe(before);
        });
      },
    );

    test("without the privilege, a queue that does not exist is 403 too: refusals say nothing of rows", async () => {
      await withRole("prvAppendToQueue", async (other) => {
        const r = await addToQueue(other, "e2c00000-0000-4000-8000-00000000dead", anyIncident(other));
        expect(r.status).toBe(403);
      });
    });
  });

  test("table definitions need no privilege, as RetrieveEntity needs none", async () => {
    const r = await call(em, "GET", "EntityDefinitions(LogicalName='incident')/Keys", undefined, {
      Authorization: `Bearer ${AGENT_TOKEN}`,
    });
    expect(r.status).toBe(200);
    expect(r.json.value[0].LogicalName).toBe("e2c_handoffid_key");
  });
});
