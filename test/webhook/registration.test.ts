/** `e2c webhook register`/`unregister` and the emulator's delivery of what they register, over HTTP. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticToken } from "../../plugins-js/dataverse/auth";
import { DataverseError } from "../../plugins-js/dataverse/errors";
import { JsonRequests } from "../../plugins-js/dataverse/json-requests";
import { HttpTransport } from "../../plugins-js/dataverse/transport";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { authValue, registerWebhook, unregisterWebhook } from "../../plugins-js/webhook/registration";
import { builtInTable, CONNECTOR_TOKEN, demoSeedJson, emulator } from "../emulator/helpers";
import { admin, createCase, description, KEY } from "./helpers";

let em: RunningEmulator;
let closers: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
  await em?.close();
});

function adminApi(): JsonRequests {
  const { api, transport } = admin(em);
  closers.push(() => transport.close());
  return api;
}

const SETTINGS = {
  name: "Case enrichment",
  url: "http://127.0.0.1:7073/api/case-events",
  auth: "webhookkey" as const,
  key: KEY,
};

describe("registration", () => {
  it("creates the webhook endpoint and the asynchronous PostOperation Create and Update steps on incident", async () => {
    em = await emulator();
    const report = await registerWebhook(adminApi(), SETTINGS, false);
    expect(report.endpoint.action).toBe("created");
    const endpoint = em.store.get("serviceendpoint", report.endpoint.id!)!;
    expect(endpoint).toMatchObject({
      name: "Case enrichment",
      url: SETTINGS.url,
      contract: 8,
      authtype: 4,
      authvalue: KEY,
      messageformat: 2,
    });
    const steps = em.store.all("sdkmessageprocessingstep");
    expect(steps.map((s) => [s.name, s.stage, s.mode, s.filteringattributes ?? null])).toEqual([
      ["Case enrichment: Create of incident", 40, 1, null],
      ["Case enrichment: Update of incident", 40, 1, "description"],
    ]);
    expect(steps.every((s) => (s.eventhandler as { id: string }).id === report.endpoint.id)).toBe(true);
  });

  it("changes nothing when run a second time", async () => {
    em = await emulator();
    await registerWebhook(adminApi(), SETTINGS, false);
    const before = JSON.stringify(em.store.all("sdkmessageprocessingstep").concat(em.store.all("serviceendpoint")));
    const again = await registerWebhook(adminApi(), SETTINGS, false);
    expect([again.endpoint.action, ...again.steps.map((s) => s.action)]).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(JSON.stringify(em.store.all("sdkmessageprocessingstep").concat(em.store.all("serviceendpoint")))).toBe(
      before,
    );
  });

  it("updates the endpoint when the URL, the authentication or the key changes", async () => {
    em = await emulator();
    await registerWebhook(adminApi(), SETTINGS, false);
    const report = await registerWebhook(
      adminApi(),
      { ...SETTINGS, auth: "httpheader", key: "another-key-0123456789" },
      false,
    );
    expect(report.endpoint.action).toBe("updated");
    expect(em.store.get("serviceendpoint", report.endpoint.id!)).toMatchObject({
      authtype: 5,
      authvalue: '<settings><setting name="x-e2c-key" value="another-key-0123456789" /></settings>',
    });
  });

  it("writes nothing in a dry run", async () => {
    em = await emulator();
    const report = await registerWebhook(adminApi(), SETTINGS, true);
    expect(report.steps.map((s) => s.action)).toEqual(["created", "created"]);
    expect(em.store.count("serviceendpoint") + em.store.count("sdkmessageprocessingstep")).toBe(0);
  });

  it("unregisters the steps and the endpoint, and then finds nothing to remove", async () => {
    em = await emulator();
    await registerWebhook(adminApi(), SETTINGS, false);
    const report = await unregisterWebhook(adminApi(), SETTINGS.name, false);
    expect([report.endpoint.action, ...report.steps.map((s) => s.action)]).toEqual(["removed", "removed", "removed"]);
    expect(em.store.count("serviceendpoint") + em.store.count("sdkmessageprocessingstep")).toBe(0);
    const again = await unregisterWebhook(adminApi(), SETTINGS.name, false);
    expect([again.endpoint.action, ...again.steps.map((s) => s.action)]).toEqual(["absent", "absent", "absent"]);
  });

  it("is refused with the privilege a user without customization rights lacks", async () => {
    em = await emulator();
    const transport = new HttpTransport(em.url, new StaticToken(CONNECTOR_TOKEN), { retry: { maxAttempts: 1 } });
    closers.push(() => transport.close());
    const error = await registerWebhook(new JsonRequests(transport), SETTINGS, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataverseError);
    expect((error as DataverseError).status).toBe(403);
    expect((error as DataverseError).message).toMatch(/prvReadServiceEndpoint/);
  });

  it("escapes the key in the HttpHeader settings", () => {
    expect(authValue("httpheader", 'a"b<c>&d-0123456789')).toBe(
      '<settings><setting name="x-e2c-key" value="a&quot;b&lt;c&gt;&amp;d-0123456789" /></settings>',
    );
  });
});

/** A loopback receiver that records what the emulator sends it. */
async function receiver(
  status = 200,
): Promise<{ url: string; got: Array<{ url: string; headers: IncomingHttpHeaders; body: any }> }> {
  const got: Array<{ url: string; headers: IncomingHttpHeaders; body: any }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      got.push({ url: req.url ?? "", headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

describe("the emulator's delivery", () => {
  it("POSTs the RemoteExecutionContext in Dataverse's JSON shape with its headers and the WebhookKey", async () => {
    em = await emulator();
    const hook = await receiver();
    await registerWebhook(adminApi(), { ...SETTINGS, url: hook.url }, false);
    const id = await createCase(em, description());
    await em.webhooks.idle();
    expect(hook.got).toHaveLength(1);
    const { url, headers, body } = hook.got[0]!;
    expect(new URL(url, "http://x").searchParams.get("code")).toBe(KEY);
    expect(headers).toMatchObject({
      "content-type": "application/json",
      "x-ms-dynamics-entity-name": "incident",
      "x-ms-dynamics-request-name": "Create",
      "x-ms-dynamics-organization": new URL(em.url).host,
    });
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-ms-correlation-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({
      MessageName: "Create",
      PrimaryEntityName: "incident",
      PrimaryEntityId: id,
      Stage: 40,
      Mode: 1,
    });
    const target = body.InputParameters[0];
    expect(target.key).toBe("Target");
    expect(target.value).toMatchObject({ LogicalName: "incident", Id: id });
    const attributes = Object.fromEntries(target.value.Attributes.map((a: any) => [a.key, a.value]));
    expect(attributes.description).toBe(description());
    expect(attributes.customerid).toMatchObject({
      __type: expect.stringMatching(/^EntityReference:/),
      LogicalName: "contact",
    });
    expect(attributes.statecode).toMatchObject({ __type: expect.stringMatching(/^OptionSetValue:/), Value: 0 });
    expect(attributes.createdon).toMatch(/^\/Date\(\d+\)\/$/);
  });

  it("retries a failed delivery a bounded number of times", async () => {
    em = await emulator();
    const hook = await receiver(500);
    await registerWebhook(adminApi(), { ...SETTINGS, url: hook.url }, false);
    await createCase(em, description());
    await em.webhooks.idle();
    expect(hook.got).toHaveLength(5);
    expect(em.webhooks.stats).toEqual({ delivered: 0, failed: 1, attempts: 5 });
  });

  it("does not deliver an Update that leaves the filtering attribute as it was", async () => {
    em = await emulator();
    const hook = await receiver();
    await registerWebhook(adminApi(), { ...SETTINGS, url: hook.url }, false);
    const id = await createCase(em, description());
    await adminApi().patch(`incidents(${id})`, { title: "Renamed" });
    await em.webhooks.idle();
    expect(hook.got.map((g) => g.body.MessageName)).toEqual(["Create"]);
  });

  it("sends only to loopback addresses", async () => {
    em = await emulator();
    await registerWebhook(adminApi(), { ...SETTINGS, url: "https://example.com/api/case-events" }, false);
    await createCase(em, description());
    await em.webhooks.idle();
    expect(em.webhooks.stats).toEqual({ delivered: 0, failed: 1, attempts: 0 });
  });

  it("drops the parameters and says so in x-ms-dynamics-msg-size-exceeded when the context is over 256 KB", async () => {
    const seed = demoSeedJson();
    const incident = builtInTable("incident");
    incident.columns.description!.maxLength = 1048576;
    seed.tables = [...(seed.tables ?? []), incident];
    em = await emulator({ seed });
    const hook = await receiver();
    await registerWebhook(adminApi(), { ...SETTINGS, url: hook.url }, false);
    await createCase(em, `${description()}\n${"x".repeat(300 * 1024)}`);
    await em.webhooks.idle();
    expect(hook.got[0]!.headers["x-ms-dynamics-msg-size-exceeded"]).toBe("true");
    expect(hook.got[0]!.body).not.toHaveProperty("InputParameters");
    expect(hook.got[0]!.body).toMatchObject({ MessageName: "Create", PrimaryEntityName: "incident" });
  });
});
