/**
 * What `npm start` sets up (issue 7), in-process: the emulator with the demo environment, the sample handoffs sent
 * through the connector, and the preview server. The browser test (test/e2e/start.e2e.ts) drives the real script.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { controlStrings } from "../../plugins-js/preview/server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  REPEAT_CUSTOMER_FILE,
  SAMPLE_HANDOFFS,
  startToolkit,
  type RunningToolkit,
} from "../../plugins-js/preview/start";
import { call, ROOT } from "../emulator/helpers";

let toolkit: RunningToolkit;
const log: string[] = [];
beforeAll(async () => {
  toolkit = await startToolkit({ root: ROOT, emulatorPort: 0, previewPort: 0, log: (l) => log.push(l) });
}, 60_000);
afterAll(() => toolkit.close());

const get = (path: string, init?: RequestInit) => fetch(new URL(path, toolkit.preview.url), init);

test("sends every sample handoff (JSON, .eml, mbox) through the connector into the emulator", () => {
  expect(toolkit.results.map((r) => [r.file, r.result.status])).toEqual(
    SAMPLE_HANDOFFS.map((s) => [s.file, "created"]),
  );
  const earlier = JSON.parse(readFileSync(join(ROOT, REPEAT_CUSTOMER_FILE), "utf8")).incidents.length;
  // The sample handoffs, the repeat customer's earlier cases, and the case another integration created.
  expect(toolkit.emulator.store.count("incident")).toBe(SAMPLE_HANDOFFS.length + earlier + 1);
  expect(log.join("\n")).toMatch(
    /label-printer-escalation\.json\n {4}→ case CAS-\d{5}-[0-9A-F]{6} \(created\), contact created, notes: Handoff transcript/,
  );
});

test("what it prints never holds the preview's secret", () => {
  expect(toolkit.preview.secret.length).toBeGreaterThan(0);
  expect(log.join("\n")).not.toContain(toolkit.preview.secret);
});

test("the case another integration created over the Web API has its columns filled by the webhook", () => {
  const row = toolkit.emulator.store.all("incident").find((r) => r.title === "Shipping - Omar Haddad")!;
  expect([row.e2c_classification, row.e2c_sentiment, row.e2c_handoffid, row.e2c_sessionurl]).toEqual([
    "Shipping",
    412500002,
    "3c9d7e21-8a4b-4f6e-b2d1-6a0f9e5c4d38",
    "https://support.example.com/sessions/5120",
  ]);
  expect(log.join("\n")).toMatch(/webhook: case [0-9a-f-]{36} Create: set e2c_classification, e2c_sentiment/);
});

test("the demo's repeat customer has earlier handoffs: one query finds them, newest first", async () => {
  const jane = toolkit.results.find((r) => r.file.endsWith("billing-double-charge.json"))!.result;
  const janeId = "e2c00000-0000-4000-8000-000000000201";
  const query =
    `incidents?$select=title,createdon,e2c_sentiment&$filter=_customerid_value eq ${janeId} and e2c_handoffid ne null` +
    ` and incidentid ne ${jane.incidentId}&$orderby=createdon desc&$top=50`;
  const answer = await call(toolkit.emulator, "GET", query);
  expect(answer.status).toBe(200);
  expect((answer.json.value as Array<{ title: string }>).map((v) => v.title)).toEqual([
    "Late fee - Jane Doe",
    "Sign-in - Jane Doe",
    "Address change - Jane Doe",
  ]);
});

test("one sample is long enough to be cut, so the preview can load its full transcript", () => {
  expect(toolkit.results.some((r) => r.result.notes.some((n) => n.subject === "Handoff transcript"))).toBe(true);
});

test("serves the preview, the production control, the form script and the health page from 127.0.0.1", async () => {
  expect(toolkit.preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  for (const path of [
    "/",
    "/preview.js",
    "/control/bundle.js",
    "/WebResources/e2c_/scripts/incidentForm.js",
    "/WebResources/e2c_/pages/health.html",
    "/lib/fluent.js",
  ]) {
    expect([path, (await get(path)).status]).toEqual([path, 200]);
  }
  expect(await (await get("/control/bundle.js")).text()).toContain("E2C.HandoffTranscript");
});

test("every page carries a Content-Security-Policy that keeps it on this server", async () => {
  const csp = (await get("/")).headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test("passes the Web API on to the emulator as the demo admin, without giving the browser the token", async () => {
  const response = await get("/api/data/v9.2/WhoAmI", {
    headers: { Authorization: "Bearer forged", "X-E2C-Preview-Secret": toolkit.preview.secret },
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { UserId: string }).UserId).toBe("e2c00000-0000-4000-8000-0000000000a2");
  const page = await (await get("/")).text();
  expect(page).not.toContain("e2c-emulator");
});

test("serves nothing outside its folders", async () => {
  expect((await get("/WebResources/..%2f..%2fpackage.json")).status).toBe(404);
  expect((await get("/control/..%2f..%2f..%2fpackage.json")).status).toBe(404);
  expect((await get("/nope")).status).toBe(404);
});

test("the control's strings come from its English resx", () => {
  const strings = controlStrings(
    '<?xml version="1.0"?><root><data name="LoadFull" xml:space="preserve"><value>Load full transcript</value></data></root>',
  );
  expect(strings).toEqual({ LoadFull: "Load full transcript" });
});

test("a port in use: it says so and takes a free one", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
  const taken = (blocker.address() as AddressInfo).port;
  const lines: string[] = [];
  const other = await startToolkit({ root: ROOT, emulatorPort: taken, previewPort: 0, log: (l) => lines.push(l) });
  try {
    expect(lines[0]).toBe(`Port ${taken} is in use: the emulator takes a free port instead.`);
    expect(other.emulator.url).not.toContain(`:${taken}`);
  } finally {
    await other.close();
    blocker.close();
  }
}, 60_000);
