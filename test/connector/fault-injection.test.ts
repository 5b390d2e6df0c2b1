/**
 * Reliability under failure (PRODUCT.md §9): 200 handoffs through an emulator that answers 20 % of requests with
 * 429, 503 or a dropped connection (before or after doing the work), some handoffs sent twice at once, many sharing
 * new customers → exactly one incident per handoff, no duplicate contacts, no orphan contacts.
 */
import type { Handoff } from "../../core/transcript/types";
import type { HandoffResult } from "../../plugins-js/connector/connector";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { connector, emulator, handoff } from "../emulator/helpers";

const HANDOFFS = 200;
const CONCURRENCY = 16;

function generated(i: number): Handoff {
  // 40 customers: three known to the demo environment (one inactive), the rest new, each with several handoffs.
  const customers = ["jane.doe@contoso.com", "omar@fabrikam.example", "lee.chen@contoso.com"];
  const email = i % 40 < 3 ? customers[i % 40]! : `customer${i % 40}@example.net`;
  return handoff({
    handoffId: `fault-${i}`,
    customer: { name: `Customer ${i % 40}`, email },
    messages: [
      {
        timestamp: "2026-11-20T09:14:03Z",
        from: { name: `Customer ${i % 40}`, email },
        role: "customer",
        body: `Handoff ${i}: <script>alert(${i})</script> the order has not arrived.`,
      },
    ],
  });
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

let em: RunningEmulator;
let results: HandoffResult[];
let contactsBefore: Set<string>;

beforeAll(async () => {
  em = await emulator({ faults: "429:0.06,503:0.06,reset:0.04,reset-after:0.04,retry-after=0,seed=7" });
  contactsBefore = new Set(em.store.all("contact").map((c) => String(c.contactid)));
  const { connector: c } = connector(em, { copyAttachments: true }, undefined, { retry: { maxAttempts: 12 } });
  results = [];
  // Every fifth handoff is delivered twice at the same time, as a retrying sender would.
  const deliveries = Array.from({ length: HANDOFFS }, (_, i) => i).flatMap((i) => (i % 5 === 0 ? [[i, i]] : [[i]]));
  await pool(deliveries, CONCURRENCY, async (group) => {
    const answers = await Promise.all(group.map((i) => c.deliver(generated(i))));
    results.push(...answers);
  });
}, 120000);
afterAll(() => em.close());

test("faults were injected: 429, 503 and dropped connections before and after the work", () => {
  const injected = em.faults.injected;
  expect(injected["429"]).toBeGreaterThan(0);
  expect(injected["503"]).toBeGreaterThan(0);
  expect(injected.reset).toBeGreaterThan(0);
  expect(injected["reset-after"]).toBeGreaterThan(0);
});

test("every delivery succeeded: created, or already there", () => {
  expect(results).toHaveLength(HANDOFFS + HANDOFFS / 5);
  expect(new Set(results.map((r) => r.status))).toEqual(new Set(["created", "already-there"]));
});

test("exactly one incident per handoff", () => {
  const ids = em.store.all("incident").map((i) => String(i.e2c_handoffid));
  expect(ids).toHaveLength(HANDOFFS);
  expect(new Set(ids).size).toBe(HANDOFFS);
});

test("every delivery of a handoff names the same incident", () => {
  const byHandoff = new Map<string, Set<string>>();
  for (const r of results) byHandoff.set(r.handoffId, (byHandoff.get(r.handoffId) ?? new Set()).add(r.incidentId));
  expect([...byHandoff.values()].every((s) => s.size === 1)).toBe(true);
});

test("no duplicate contacts: one contact per new customer address", () => {
  const created = em.store.all("contact").filter((c) => !contactsBefore.has(String(c.contactid)));
  const emails = created.map((c) => String(c.emailaddress1).toLowerCase());
  expect(new Set(emails).size).toBe(emails.length);
  expect(emails).toHaveLength(37);
});

test("no orphan contacts: every contact the connector made is the customer of a case", () => {
  const customers = new Set(em.store.all("incident").map((i) => (i.customerid as { id: string }).id));
  const created = em.store.all("contact").filter((c) => !contactsBefore.has(String(c.contactid)));
  expect(created.filter((c) => !customers.has(String(c.contactid)))).toEqual([]);
});

test("every incident is in the queue once", () => {
  const items = em.store.all("queueitem").map((q) => (q.objectid as { id: string }).id);
  expect(items).toHaveLength(HANDOFFS);
  expect(new Set(items).size).toBe(HANDOFFS);
});

test("exactly one delivery of each handoff says created: an answer lost after the write is looked up, not guessed", () => {
  const created = new Map<string, number>();
  for (const r of results) if (r.status === "created") created.set(r.handoffId, (created.get(r.handoffId) ?? 0) + 1);
  expect(created.size).toBe(HANDOFFS);
  expect([...created.values()].every((n) => n === 1)).toBe(true);
});

test("the notes and queue item each created delivery reports are the ones Dataverse holds", () => {
  for (const r of results.filter((x) => x.status === "created")) {
    const notes = em.store.all("annotation").filter((a) => (a.objectid as { id: string }).id === r.incidentId);
    expect(r.notes.map((n) => n.id).sort()).toEqual(notes.map((a) => String(a.annotationid)).sort());
    const item = em.store.all("queueitem").find((q) => (q.objectid as { id: string }).id === r.incidentId);
    expect(r.queueItemId).toBe(String(item!.queueitemid));
  }
});
