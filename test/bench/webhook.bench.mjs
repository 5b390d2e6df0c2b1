// PRODUCT.md §10, the case enrichment webhook: events per second through the emulator and the handler (a case's
// description updated over the Web API, the Update delivered to `webhook serve`, the handler's read and PATCH), and
// the ratio to the emulator's bare PATCH rate on the same cases. Measured, never asserted. All in this process.
import { randomUUID } from "node:crypto";
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
    // The cases exist before the webhook is registered: creating them is not what is measured.
    const ids = [];
    await pool(
      Array.from({ length: EVENTS }, (_, i) => i),
      CONCURRENCY,
      async (i) => {
        const id = randomUUID();
        ids.push(id);
        await admin.api.post("incidents", {
          incidentid: id,
          title: `Bench ${i}`,
          description: DESCRIPTION.replace(/Handoff-Id: .*/, `Handoff-Id: bench-${i}`),
          "customerid_contact@odata.bind": `/contacts(${CUSTOMER})`,
        });
      },
    );
    await registerWebhook(admin.api, { name: "bench", url: webhook.url, auth: "webhookkey", key: KEY }, false);

    // One event per case: its description changes (an Update, filtering attribute description), the emulator
    // delivers it, the handler reads the case and writes the columns that differ.
    const started = performance.now();
    await pool(ids, CONCURRENCY, (id) =>
      admin.api.patch(`incidents(${id})`, {
        description: DESCRIPTION.replace(/Handoff-Id: .*/, `Handoff-Id: event-${id}`),
      }),
    );
    await emulator.webhooks.idle();
    const eventSeconds = (performance.now() - started) / 1000;
    const filled = emulator.store.all("incident").filter((r) => String(r.e2c_handoffid).startsWith("event-")).length;

    // The same number of PATCHes straight at the emulator, on the same cases: the floor an event cannot beat.
    const patchStarted = performance.now();
    await pool(ids, CONCURRENCY, (id) => hook.api.patch(`incidents(${id})`, { e2c_classification: "Bench" }));
    const patchSeconds = (performance.now() - patchStarted) / 1000;

    const eventsPerSecond = EVENTS / eventSeconds;
    const patchesPerSecond = EVENTS / patchSeconds;
    return [
      { name: `events/s (${EVENTS} at concurrency ${CONCURRENCY})`, value: eventsPerSecond.toFixed(0) },
      { name: "bare PATCH/s on the emulator", value: patchesPerSecond.toFixed(0) },
      { name: "events/s ÷ bare PATCH/s", value: (eventsPerSecond / patchesPerSecond).toFixed(2) },
      { name: "cases whose columns followed", value: `${filled} of ${EVENTS}`, ok: filled === EVENTS, budget: "all" },
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
