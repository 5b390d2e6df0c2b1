/**
 * The preview's Web API gateway keeps its door shut (issue 13): it signs in to the emulator as the demo admin, so
 * only the preview's own page, with the per-run secret it was served, may use it. Each attack tried against
 * `npm start` on loopback is answered 400/401/403/415 and writes nothing.
 */
import { request } from "node:http";
import { startEmulator, type RunningEmulator } from "../../plugins-js/emulator/server";
import { pageWithSecret, startPreview, type RunningPreview } from "../../plugins-js/preview/server";
import { ADMIN_TOKEN, ROOT, demoSeedJson, seedOf } from "../emulator/helpers";

let emulator: RunningEmulator;
let preview: RunningPreview;
let secret = "";
let port = 0;
beforeAll(async () => {
  emulator = await startEmulator({ seed: seedOf(demoSeedJson()) });
  preview = await startPreview({ root: ROOT, emulatorUrl: emulator.url, token: ADMIN_TOKEN, port: 0 });
  port = Number(new URL(preview.url).port);
  // The secret as the page finds it: in the page the preview serves.
  const page = await (await fetch(preview.url)).text();
  secret = /<meta name="e2c-preview-secret" content="([^"]+)"/.exec(page)?.[1] ?? "";
}, 60_000);
afterAll(async () => {
  await preview.close();
  await emulator.close();
});

/** Every row of every table, to show a refused request wrote nothing. */
function snapshot(): string {
  return JSON.stringify([...emulator.store.tables.keys()].map((t) => [t, emulator.store.all(t)]));
}

const api = (path: string, init: RequestInit = {}) => fetch(new URL(`/api/data/v9.2/${path}`, preview.url), init);
const asPage = (headers: Record<string, string> = {}) => ({ "X-E2C-Preview-Secret": secret, ...headers });

/** A request with any Host header (fetch will not send one of its own choosing). */
function withHost(host: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, preview.url),
      { headers: { Host: host, "X-E2C-Preview-Secret": secret }, agent: false },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("the page it serves carries a secret of 256 bits, fresh for each run", async () => {
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(secret).toBe(preview.secret);
  const other = await startPreview({ root: ROOT, emulatorUrl: emulator.url, token: ADMIN_TOKEN, port: 0 });
  try {
    expect(other.secret).not.toBe(secret);
  } finally {
    await other.close();
  }
  expect(pageWithSecret("<html><head><title>x</title></head></html>", "s3cret")).toBe(
    '<html><head>\n    <meta name="e2c-preview-secret" content="s3cret" /><title>x</title></head></html>',
  );
});

test("the page's own requests, with the secret, reach the emulator as the demo admin", async () => {
  const r = await api("WhoAmI", { headers: asPage() });
  expect(r.status).toBe(200);
  expect(((await r.json()) as { UserId: string }).UserId).toBe("e2c00000-0000-4000-8000-0000000000a2");
  const before = emulator.store.count("contact");
  const created = await api("contacts", {
    method: "POST",
    headers: asPage({ "Content-Type": "application/json; charset=utf-8", Origin: preview.url.slice(0, -1) }),
    body: JSON.stringify({ lastname: "From the page" }),
  });
  expect(created.status).toBe(204);
  expect(emulator.store.count("contact")).toBe(before + 1);
});

test("without the secret, even a read is 401: GET systemusers", async () => {
  const r = await api("systemusers");
  expect(r.status).toBe(401);
  expect(await r.text()).not.toContain("fullname");
  expect((await api("systemusers", { headers: { "X-E2C-Preview-Secret": "guess" } })).status).toBe(401);
});

test("a POST from another origin, as text/plain, is 403 and creates no contact", async () => {
  const before = snapshot();
  const r = await api("contacts", {
    method: "POST",
    headers: { "Content-Type": "text/plain", Origin: "http://attacker.example" },
    body: JSON.stringify({ lastname: "Forged" }),
  });
  expect(r.status).toBe(403);
  expect(snapshot()).toBe(before);
});

test("a request a browser marks cross-site is 403, whatever it carries", async () => {
  const r = await api("WhoAmI", { headers: asPage({ "Sec-Fetch-Site": "cross-site" }) });
  expect(r.status).toBe(403);
});

test("only the content types the page sends are accepted: text/plain and forms are 415, even with the secret", async () => {
  const before = snapshot();
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    const r = await api("contacts", {
      method: "POST",
      headers: asPage({ "Content-Type": type }),
      body: JSON.stringify({ lastname: "Forged" }),
    });
    expect([type, r.status]).toEqual([type, 415]);
  }
  expect(snapshot()).toBe(before);
});

test("a $batch sent as multipart/form-data (no preflight in a browser) runs nothing: its DELETE is not run", async () => {
  const contact = emulator.store.all("contact")[0]!;
  const body = [
    "--batch_1",
    "Content-Type: application/http",
    "Content-Transfer-Encoding: binary",
    "",
    `DELETE /api/data/v9.2/contacts(${String(contact.contactid)}) HTTP/1.1`,
    "",
    "--batch_1--",
    "",
  ].join("\r\n");
  const before = snapshot();
  const fromElsewhere = await api("$batch", {
    method: "POST",
    headers: { "Content-Type": "multipart/form-data; boundary=batch_1", Origin: "http://attacker.example" },
    body,
  });
  expect(fromElsewhere.status).toBe(403);
  const withSecret = await api("$batch", {
    method: "POST",
    headers: asPage({ "Content-Type": "multipart/form-data; boundary=batch_1" }),
    body,
  });
  expect(withSecret.status).toBe(415);
  expect(snapshot()).toBe(before);
});

test("a Host other than 127.0.0.1 or localhost on its port (DNS rebinding) is 400, for the API and the page", async () => {
  expect((await withHost(`attacker.example:${port}`, "/api/data/v9.2/WhoAmI")).status).toBe(400);
  const page = await withHost(`attacker.example:${port}`, "/");
  expect(page.status).toBe(400);
  expect(page.text).not.toContain(secret);
  expect((await withHost(`localhost:${port}`, "/api/data/v9.2/WhoAmI")).status).toBe(200);
  expect((await withHost(`127.0.0.1:${port + 1}`, "/")).status).toBe(400);
});

test("a path that does not decode is 404, and the server keeps serving", async () => {
  expect((await fetch(new URL("/WebResources/%E0%A4%A", preview.url))).status).toBe(404);
  expect((await fetch(preview.url)).status).toBe(200);
});
