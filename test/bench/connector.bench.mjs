// PRODUCT.md §9, connector: 2 round trips per handoff (1 when the handoff id already exists); ≥ 80 % of the
// latency-bound ideal throughput against the emulator at 10 ms latency and concurrency 16; 1,000 handoffs under
// 20 % injected 429/503/resets → 1,000 incidents, 0 duplicates, 0 orphan contacts. Measured, never asserted.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { rounds } from "./measure.cjs";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url);
const { HttpTransport } = require("../../dist/plugins-js/dataverse/transport.js");
const { StaticToken } = require("../../dist/plugins-js/dataverse/auth.js");
const { DataverseifyWebApi } = require("../../dist/plugins-js/dataverse/web-api.js");
const { HandoffConnector } = require("../../dist/plugins-js/connector/connector.js");
const { parseSeed } = require("../../dist/plugins-js/emulator/seed.js");
const { parseFaults } = require("../../dist/plugins-js/emulator/faults.js");
const { startEmulator } = require("../../dist/plugins-js/emulator/server.js");

const SEED = JSON.parse(readFileSync(new URL("examples/emulator/demo-seed.json", root), "utf8"));
const SETTINGS = {
  defaultQueueId: "e2c00000-0000-4000-8000-000000000101",
  defaultOwner: null,
  defaultPriority: null,
  defaultCustomer: null,
  ticketProperties: {},
  copyAttachments: false,
};
const CONCURRENCY = 16;
const LATENCY_MS = 10;

function handoff(id, email) {
  return {
    handoffId: id,
    channel: "email",
    classification: "Billing",
    sentiment: "Negative",
    customer: { name: "Bench Customer", email },
    messages: [
      {
        timestamp: "2026-11-20T09:14:03Z",
        from: { name: "Bench Customer", email },
        role: "customer",
        body: "Charged twice.",
      },
      { timestamp: "2026-11-20T09:15:10Z", from: { name: "Contoso Assistant" }, role: "ai", body: "Handing you over." },
    ],
  };
}

function client(url, retry = {}) {
  const transport = new HttpTransport(url, new StaticToken("e2c-emulator-connector"), { retry });
  const api = new DataverseifyWebApi(transport);
  return { api, transport, connector: new HandoffConnector(api, SETTINGS) };
}

async function pool(items, size, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * CPU time (user + system, µs) another process has used, from Linux's /proc/<pid>/stat (fields 14 and 15, in
 * clock ticks of 1/100 s: USER_HZ is 100 on Linux); null where there is no /proc.
 */
function processCpuMicros(pid) {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const stat = readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10000;
}

/** The emulator in its own process, as `e2c emulator` runs it, so client and server do not share one event loop. */
async function emulatorProcess(faults) {
  const child = spawn(
    process.execPath,
    [new URL("bin/e2c.js", root).pathname, "emulator", "--port", "0", "--quiet", "--faults", faults],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(out)));
  });
  return {
    url,
    cpuMicros: () => processCpuMicros(child.pid),
    stop: () =>
      new Promise((r) => {
        child.on("exit", r);
        child.kill("SIGINT");
      }),
  };
}

async function roundTrips() {
  const em = await startEmulator({ seed: parseSeed(SEED).seed });
  try {
    const { api, transport, connector } = client(em.url);
    await connector.environment();
    const trips = async (h) => {
      const before = api.roundTrips;
      await connector.deliver(h);
      return api.roundTrips - before;
    };
    const measured = {
      newContact: await trips(handoff("rt-1", "new.person@example.net")),
      knownContact: await trips(handoff("rt-2", "jane.doe@contoso.com")),
      repeat: await trips(handoff("rt-2", "jane.doe@contoso.com")),
    };
    transport.close();
    return measured;
  } finally {
    await em.close();
  }
}

async function throughput() {
  const em = await emulatorProcess(`latency=${LATENCY_MS}`);
  try {
    const { transport, connector } = client(em.url);
    await connector.environment();
    const warm = Array.from({ length: 32 }, (_, i) => handoff(`warm-${i}`, `warm${i % 8}@example.net`));
    await pool(warm, CONCURRENCY, (h) => connector.deliver(h));
    // Rounds of 800 fresh handoffs each (about 1.2 s): a round of 400 took half as long, and one moment of the shared
    // two-core machine running something else could pull that round's rate from 85 % down to 65 % of the ideal.
    const count = 800;
    // CPU each side spends per handoff over the measured rounds: what the rate is bounded by when not by latency.
    const cpu = { client: 0, emulator: 0, handoffs: 0 };
    const perSecond = await rounds(
      async (round, warmup) => {
        const work = Array.from({ length: count }, (_, i) =>
          handoff(
            `tp-${warmup ? "w" : ""}${round}-${i}`,
            // Warm-up rounds have their own new customers, so a measured round creates as many contacts as they did.
            i % 3 === 0 ? "jane.doe@contoso.com" : `c${warmup ? "w" : ""}${round}-${i}@x.net`,
          ),
        );
        const clientBefore = process.cpuUsage();
        const emulatorBefore = em.cpuMicros();
        const start = process.hrtime.bigint();
        await pool(work, CONCURRENCY, (h) => connector.deliver(h));
        const rate = count / (Number(process.hrtime.bigint() - start) / 1e9);
        if (!warmup) {
          const client = process.cpuUsage(clientBefore);
          const emulatorAfter = em.cpuMicros();
          cpu.client += client.user + client.system;
          cpu.emulator += emulatorBefore === null || emulatorAfter === null ? NaN : emulatorAfter - emulatorBefore;
          cpu.handoffs += count;
        }
        return rate;
      },
      // V8 takes about 2,000 handoffs to optimise the hot paths of both processes (CPU per handoff falls to a third
      // over them): three warm-up rounds, so the measured rounds are the steady rate of a running connector.
      { rounds: 7, warmup: 3 },
    );
    // Each handoff is two sequential round trips, each at least the injected latency.
    const ideal = CONCURRENCY / ((2 * LATENCY_MS) / 1000);
    transport.close();
    return {
      perSecond,
      ideal,
      cpuPerHandoff: { client: cpu.client / cpu.handoffs, emulator: cpu.emulator / cpu.handoffs },
    };
  } finally {
    await em.stop();
  }
}

async function reliability() {
  const em = await startEmulator({
    seed: parseSeed(SEED).seed,
    faults: parseFaults("429:0.06,503:0.06,reset:0.04,reset-after:0.04,retry-after=0,seed=11").spec,
  });
  try {
    const before = new Set(em.store.all("contact").map((c) => c.contactid));
    const { transport, connector } = client(em.url, { maxAttempts: 12, baseDelayMs: 2, maxDelayMs: 50 });
    const items = Array.from({ length: 1000 }, (_, i) => i).flatMap((i) => (i % 10 === 0 ? [i, i] : [i]));
    let failures = 0;
    await pool(items, CONCURRENCY, async (i) => {
      try {
        await connector.deliver(handoff(`rel-${i}`, `r${i % 150}@example.net`));
      } catch {
        failures++;
      }
    });
    const incidents = em.store.all("incident");
    const ids = incidents.map((x) => x.e2c_handoffid);
    const created = em.store.all("contact").filter((c) => !before.has(c.contactid));
    const customers = new Set(incidents.map((x) => x.customerid.id));
    const emails = created.map((c) => c.emailaddress1.toLowerCase());
    transport.close();
    return {
      incidents: incidents.length,
      duplicates: ids.length - new Set(ids).size,
      duplicateContacts: emails.length - new Set(emails).size,
      orphans: created.filter((c) => !customers.has(c.contactid)).length,
      failures,
      injected: em.faults.injected,
    };
  } finally {
    await em.close();
  }
}

function micros(value) {
  return Number.isFinite(value) ? `${value.toFixed(0)} µs` : "not measured (no /proc)";
}

export default async function run() {
  // Throughput first, in a fresh process state: it is the measure other work in this process would disturb.
  const tp = await throughput();
  const trips = await roundTrips();
  const rel = await reliability();
  const injected = Object.entries(rel.injected)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return [
    { name: "round trips, new contact", value: `${trips.newContact}`, budget: "2", ok: trips.newContact <= 2 },
    { name: "round trips, known contact", value: `${trips.knownContact}`, budget: "2", ok: trips.knownContact <= 2 },
    { name: "round trips, repeat handoff", value: `${trips.repeat}`, budget: "1", ok: trips.repeat <= 1 },
    {
      name: `handoffs/s (c=${CONCURRENCY}, ${LATENCY_MS} ms latency)`,
      stat: tp.perSecond,
      format: (n) => `${n.toFixed(0)}/s = ${((n / tp.ideal) * 100).toFixed(0)} %`,
      detail: `of the ideal ${tp.ideal.toFixed(0)}/s (emulator in its own process); CPU per handoff: connector ${micros(tp.cpuPerHandoff.client)}, emulator ${micros(tp.cpuPerHandoff.emulator)}`,
      budget: { atLeast: 0.8 * tp.ideal, text: "≥ 80 % of ideal" },
    },
    {
      name: "1,000 handoffs under 20 % faults",
      value: `${rel.incidents} incidents, ${rel.duplicates} duplicate, ${rel.duplicateContacts} duplicate contacts, ${rel.orphans} orphan contacts, ${rel.failures} failed (injected: ${injected})`,
      budget: "1000, 0, 0, 0, 0",
      ok:
        rel.incidents === 1000 &&
        rel.duplicates === 0 &&
        rel.duplicateContacts === 0 &&
        rel.orphans === 0 &&
        rel.failures === 0,
    },
  ];
}
