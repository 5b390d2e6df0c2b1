/**
 * The case enrichment webhook end to end over HTTP on 127.0.0.1: the emulator delivers the events of the steps
 * `registerWebhook` made to `webhook serve`, which reads and updates the case through the emulator's Web API.
 * Every wait is on a condition (the emulator's deliveries all settled), never on time.
 */
import { request } from "node:http";
import { call } from "../emulator/helpers";
import { columnsOf, createCase, description, EMPTY, KEY, rig, type Rig } from "./helpers";

const BILLING = {
  e2c_classification: "Billing",
  e2c_sentiment: 412500001,
  e2c_handoffid: "7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10",
  e2c_sessionurl: "https://support.example.com/sessions/4711",
};

let r: Rig;
afterEach(async () => {
  await r?.close();
});

function patchesOf(log: string[], id: string): number {
  return log.filter((l) => l.startsWith(`PATCH /api/data/v9.2/incidents(${id})`) && / → 204/.test(l)).length;
}

it("fills the four columns of a case another integration created over the Web API", async () => {
  r = await rig();
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(await columnsOf(r.emulator, id)).toEqual(BILLING);
  expect(r.webhookLog).toEqual([
    expect.stringMatching(
      new RegExp(`case ${id} Create: set e2c_classification, e2c_sentiment, e2c_handoffid, e2c_sessionurl$`),
    ),
  ]);
});

it("writes with one PATCH and no read when the Create's Target carries the description", async () => {
  r = await rig();
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(patchesOf(r.emulatorLog, id)).toBe(1);
  expect(r.emulatorLog.filter((l) => l.startsWith(`GET /api/data/v9.2/incidents(${id})`))).toEqual([]);
});

it("never logs the key or the description", async () => {
  r = await rig();
  await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  const log = r.webhookLog.join("\n");
  expect(log).not.toContain(KEY);
  expect(log).not.toContain("charged twice");
});

it("makes the columns follow when the description is updated", async () => {
  r = await rig();
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  const changed = description()
    .replace("Classification: Billing", "Classification: Refunds")
    .replace("Sentiment: Negative", "Sentiment: Slightly positive");
  expect((await call(r.emulator, "PATCH", `incidents(${id})`, { description: changed })).status).toBe(204);
  await r.emulator.webhooks.idle();
  expect(await columnsOf(r.emulator, id)).toEqual({
    ...BILLING,
    e2c_classification: "Refunds",
    e2c_sentiment: 412500004,
  });
  expect(r.webhookLog[1]).toMatch(new RegExp(`case ${id} Update: set e2c_classification, e2c_sentiment$`));
});

it("is not called again by its own update (the step filters on description)", async () => {
  r = await rig();
  await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(r.emulator.webhooks.stats).toEqual({ delivered: 1, failed: 0, attempts: 1 });
});

it("changes nothing when the description holds no transcript", async () => {
  r = await rig();
  const id = await createCase(r.emulator, description("not-a-transcript.txt"));
  await r.emulator.webhooks.idle();
  expect(await columnsOf(r.emulator, id)).toEqual(EMPTY);
  expect(patchesOf(r.emulatorLog, id)).toBe(0);
  expect(r.webhookLog).toEqual([expect.stringMatching(/nothing to do \(the description holds no transcript\)$/)]);
});

it("answers a wrong key with 401 before reading the body, and reads nothing from Dataverse", async () => {
  r = await rig({ registeredKey: "not-the-webhook-key-at-all" });
  const requestsBefore = r.emulator.requestCount;
  // The body is announced and never sent: only an answer given before reading it can arrive.
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(r.webhook.url);
    url.searchParams.set("code", "wrong-key-wrong-key");
    const req = request(url, { method: "POST", headers: { "Content-Length": "1000" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write("{");
  });
  expect(status).toBe(401);
  expect(r.emulator.requestCount).toBe(requestsBefore);
});

it("refuses the events of an endpoint registered with another key, and the case stays as it was", async () => {
  r = await rig({ registeredKey: "not-the-webhook-key-at-all" });
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(await columnsOf(r.emulator, id)).toEqual(EMPTY);
  expect(r.emulator.webhooks.stats.delivered).toBe(0);
  expect(r.webhookLog.every((l) => /401: no key or a wrong key; body not read$/.test(l))).toBe(true);
});

it("takes the key as the x-e2c-key header when registered with HttpHeader", async () => {
  r = await rig({ auth: "httpheader" });
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(await columnsOf(r.emulator, id)).toEqual(BILLING);
});

it("gets the case right when Dataverse fails the PATCH: the webhook answers 503 and the event is retried", async () => {
  r = await rig();
  const next = r.emulator.requestCount + 1;
  // Request `next` creates the case; the webhook's PATCH and its two retries then get 503.
  r.emulator.faults.spec.at["503"] = [next + 1, next + 2, next + 3];
  const id = await createCase(r.emulator, description());
  await r.emulator.webhooks.idle();
  expect(r.emulator.faults.injected["503"]).toBe(3);
  expect(r.webhookLog[0]).toMatch(/503: Dataverse could not be reached/);
  expect(r.emulator.webhooks.stats).toEqual({ delivered: 1, failed: 0, attempts: 2 });
  expect(await columnsOf(r.emulator, id)).toEqual(BILLING);
});

it("gets 500 cases created at concurrency 16 right, each with one write", async () => {
  r = await rig();
  const ids: string[] = [];
  const texts = Array.from({ length: 500 }, (_, i) =>
    description()
      .replace("Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10", `Handoff-Id: load-${i}`)
      .replace("Classification: Billing", `Classification: Class ${i % 7}`),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < texts.length) {
        const i = next++;
        ids[i] = await createCase(r.emulator, texts[i]!);
      }
    }),
  );
  await r.emulator.webhooks.idle();
  const rows = r.emulator.store.all("incident");
  const byId = new Map(rows.map((row) => [String(row.incidentid), row]));
  ids.forEach((id, i) => {
    const row = byId.get(id)!;
    expect([row.e2c_handoffid, row.e2c_classification, row.e2c_sentiment]).toEqual([
      `load-${i}`,
      `Class ${i % 7}`,
      412500001,
    ]);
    expect(patchesOf(r.emulatorLog, id)).toBe(1);
  });
  expect(r.emulator.webhooks.stats).toEqual({ delivered: 500, failed: 0, attempts: 500 });
}, 120000);
