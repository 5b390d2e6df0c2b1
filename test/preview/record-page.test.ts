/**
 * The preview answers what a browser and the health page ask of it: an icon request without an error, and the
 * record addresses (`main.aspx?pagetype=entityrecord&etn=…&id=…`) the health page links rules and queues to, as a
 * read-only record page.
 */
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { recordAddress, recordPage } from "../../plugins-js/preview/record-page";
import { startPreview, type RunningPreview } from "../../plugins-js/preview/server";
import { ADMIN_TOKEN, demoSeedJson, emulator, ROOT, SUPPORT_QUEUE } from "../emulator/helpers";

const RETURNS_RULE = "e2c00000-0000-4000-8000-000000000503";

describe("the preview server", () => {
  let em: RunningEmulator;
  let preview: RunningPreview;
  beforeAll(async () => {
    const seed = demoSeedJson();
    seed.rows.queues[1].name = 'Returns <img src=x onerror="window.pwned=1">';
    em = await emulator({ seed });
    preview = await startPreview({ root: ROOT, emulatorUrl: em.url, token: ADMIN_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
    await em?.close();
  });
  const get = (path: string) => fetch(new URL(path, preview.url));
  const record = (etn: string, id: string) => get(`/main.aspx?pagetype=entityrecord&etn=${etn}&id=${id}`);

  test("/favicon.ico answers 204 No Content, so no page logs a failed icon request", async () => {
    const r = await get("/favicon.ico");
    expect(r.status).toBe(204);
  });

  test("a rule's record address shows the rule, read-only, with its columns and their labels", async () => {
    const r = await record("convertrule", RETURNS_RULE);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await r.text();
    expect(html).toContain("<h1>Record Creation and Update Rule: Returns email to case</h1>");
    expect(html).toContain("Read-only in the preview");
    expect(html).toMatch(/<th scope="row">statecode<\/th><td>Draft \(0\)<\/td>/);
  });

  test("a queue's record address shows the queue, with its name as text, never markup", async () => {
    const html = await (await record("queue", SUPPORT_QUEUE)).text();
    expect(html).toContain("<h1>Queue: Support</h1>");
    const hostile = demoSeedJson().rows.queues[1].queueid as string;
    const page = await (await record("queue", `{${hostile.toUpperCase()}}`)).text();
    expect(page).toContain("Queue: Returns &#60;img src=x onerror=&#34;window.pwned=1&#34;&#62;");
    expect(page).not.toContain("<img");
  });

  test("a record the emulator does not have: 404, saying so", async () => {
    const r = await record("queue", "e2c00000-0000-4000-8000-0000000009ff");
    expect(r.status).toBe(404);
    expect(await r.text()).toContain("The emulator has no queue record e2c00000-0000-4000-8000-0000000009ff");
  });

  test("a table the health page does not link to: 404, naming the tables it opens", async () => {
    const r = await record("systemuser", SUPPORT_QUEUE);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain("The preview opens convertrule and queue records, not &#34;systemuser&#34;.");
  });
});

describe("record addresses", () => {
  const q = (s: string) => new URLSearchParams(s);
  test("pagetype, etn and a GUID id (braces allowed) make an address", () => {
    expect(recordAddress(q(`pagetype=entityrecord&etn=queue&id={${SUPPORT_QUEUE.toUpperCase()}}`))).toEqual({
      table: "queue",
      id: SUPPORT_QUEUE,
    });
  });
  test.each([
    ["pagetype=entitylist&etn=queue", "records only"],
    [`pagetype=entityrecord&etn=queue&id=../../etc`, "must be a GUID"],
  ])("%s is refused (%s)", (query, why) => {
    expect((recordAddress(q(query)) as { problem: string }).problem).toContain(why);
  });
  test("every value on the page is escaped", () => {
    const html = recordPage("queue", { name: "<b>", description: `"'&` });
    expect(html).toContain("Queue: &#60;b&#62;");
    expect(html).toContain("&#34;&#39;&#38;");
  });
});
