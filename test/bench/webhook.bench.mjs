// PRODUCT.md §10, the case enrichment webhook: events per second through the emulator and the handler (a case
// created over the Web API, its event delivered to `webhook serve`, the handler's PATCH), and the ratio to the
// emulator's bare PATCH rate on the same cases. Measured, never asserted. Everything runs in this process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url);
const { HttpTransport } = require("../../dist/plugins-js/dataverse/transport.js");
const { StaticToken } = require("../../dist/plugins-js/dataverse/auth.js");
const { JsonRequests } = require("../../dist/plugins-js/dataverse/json-requests.js");
const { parseSeed } = require("../../dist/plugins-js/emulator/seed.js");
const { startEmulator } = require("../../dist/plugins-js/emulator/server.js");
const { WebApiCaseRecords } = require("../../dist/plugins-js/webhook/case-records.js");
const { registerWebhook } = require("../../dist/plugins-js/webhook/registration.js");
const { startWebhookServer } = require("../../dist/plugins-js/webhook/serve.js");

const SEED = JSON.parse(readFileSync(new URL("examples/emulator/demo-seed.json", root), "utf8"));
const DESCRIPTION = readFileSync(new URL("examples/descriptions/billing-double-charge.txt", root), "utf8");
const CUSTOMER = "e2c00000-0000-4000-8000-000000000201";
const KEY = "bench-key-0123456789abcdef";
const EVENTS = 1000;
const CONCURRENCY = 16;

async function pool(items, size, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function requests(url, token) {
  const transport = new HttpTransport(url, new StaticToken(token));
  return { api: new JsonRequests(transport), transport };
}

export default async function run() {
  const emulator = await startEmulator({ seed: parseSeed(SEED).seed });
  const hook = requests(emulator.url, "e2c-emulator-webhook");
  const admin = requests(emulator.url, "e2c-emulator-admin");
  const webhook = await startWebhookServer(
    { key: KEY, cases: new WebApiCaseRecords(hook.api), log: () => undefined },
    0,
  );
  try {
    await registerWebhook(admin.api, { name: "bench", url: webhook.url, auth: "webhookkey", key: KEY }, false);
    const ids = Array.from({ length: EVENTS }, (_, i) => i);
    const started = performance.now();
    await pool(ids, CONCURRENCY, (i) =>
      admin.api.post("incidents", {
        title: `Bench ${i}`,
        description: DESCRIPTION.replace(/Handoff-Id: .*/, `Handoff-Id: bench-${i}`),
        "customerid_contact@odata.bind": `/contacts(${CUSTOMER})`,
      }),
    );
    await emulator.webhooks.idle();
    const eventSeconds = (performance.now() - started) / 1000;
    const filled = emulator.store.all("incident").filter((r) => r.e2c_classification === "Billing").length;

    // The same number of PATCHes straight at the emulator, on the same cases: the floor an event cannot beat.
    const cases = emulator.store.all("incident").map((r) => String(r.incidentid));
    const patchStarted = performance.now();
    await pool(cases, CONCURRENCY, (id) => hook.api.patch(`incidents(${id})`, { e2c_classification: "Bench" }));
    const patchSeconds = (performance.now() - patchStarted) / 1000;

    const eventsPerSecond = EVENTS / eventSeconds;
    const patchesPerSecond = cases.length / patchSeconds;
    return [
      { name: `events/s (${EVENTS} at concurrency ${CONCURRENCY})`, value: eventsPerSecond.toFixed(0) },
      { name: "bare PATCH/s on the emulator", value: patchesPerSecond.toFixed(0) },
      { name: "events/s ÷ bare PATCH/s", value: (eventsPerSecond / patchesPerSecond).toFixed(2) },
      { name: "cases filled", value: `${filled} of ${EVENTS}`, ok: filled === EVENTS, budget: "all" },
      {
        name: "deliveries (failed)",
        value: `${emulator.webhooks.stats.delivered} (${emulator.webhooks.stats.failed})`,
      },
    ];
  } finally {
    await webhook.close();
    await emulator.close();
    hook.transport.close();
    admin.transport.close();
  }
}
