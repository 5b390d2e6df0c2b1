/**
 * `npm start` as a newcomer meets it (issue 7): the real start script, its emulator, its sample handoffs and its
 * preview server, driven in headless Chromium — switch cases, load a full transcript, open the health page — and
 * stopped with Ctrl-C. `npm run screenshots` refreshes the README's pictures from here.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { create } from "xmlbuilder2";
import { launch } from "./browser";

jest.setTimeout(240_000);

const ROOT = join(__dirname, "..", "..");
let child: ChildProcessWithoutNullStreams;
let output = "";
let url = "";
let browser: Browser;
let page: Page;
const answered: string[] = [];
const offHost: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  child = spawn(process.execPath, [join(ROOT, "scripts", "start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, E2C_EMULATOR_PORT: "0", E2C_PREVIEW_PORT: "0" },
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Case form preview:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  browser = await launch();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  page = await context.newPage();
  page.on("response", (r) => {
    answered.push(r.url());
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith("data:")) offHost.push(r.url());
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.locator("#cases button").first().waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

/**
 * The README's pictures of a live run (ticket numbers and times differ each run, so no stored picture to compare
 * with): each must show what its caption promises, so every named part must lie inside the picture.
 */
const screenshot = async (name: string, mustShow: Locator[]) => {
  const { width, height } = page.viewportSize()!;
  for (const part of mustShow) {
    const box = await part.boundingBox();
    expect(box).not.toBeNull();
    expect([box!.x >= 0, box!.y >= 0, box!.x + box!.width <= width, box!.y < height]).toEqual([true, true, true, true]);
  }
  const update = process.env.E2C_UPDATE_SCREENSHOTS === "1";
  const file = join(ROOT, update ? "docs/images" : "test-results", name);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file });
};

test("prints what the sample handoffs created and what to look at", () => {
  expect(output).toMatch(
    /examples\/handoffs\/billing-double-charge\.json\n\s+→ case CAS-\d{5}-[0-9A-F]{6} \(created\), contact matched/,
  );
  expect(output).toMatch(
    /examples\/handoffs\/damaged-order\.eml\n\s+→ case CAS-[^,]+, contact reactivated, notes: Attachment: invoice-1182\.pdf/,
  );
  expect(output).toMatch(
    /examples\/handoffs\/label-printer-escalation\.json\n\s+→ case [^\n]*notes: Handoff transcript/,
  );
  expect(output).toContain("What to look at:");
  expect(output).toContain("Press Ctrl-C to stop.");
});

test("lists the cases the handoffs made", async () => {
  const titles = await page.locator("#cases .case-item-title").allTextContents();
  expect(titles.sort()).toEqual([
    "Address change - Jane Doe",
    "Billing - Jane Doe",
    "Hardware - Lee Chen",
    "Hardware - Priya Patel",
    "Late fee - Jane Doe",
    "Returns - Omar Haddad",
    "Shipping - Omar Haddad",
    "Sign-in - Jane Doe",
  ]);
});

test("a case shows the real control on Description and the form script's notifications", async () => {
  await page.getByRole("button", { name: /Billing - Jane Doe/ }).click();
  await page.locator("#case-title", { hasText: "Billing - Jane Doe" }).waitFor();
  await page.locator("#description-control").getByText("Hi, I was charged twice this month.").waitFor();
  await expect(page.locator("#notifications").innerText()).resolves.toContain(
    "Handoff via email · Classification: Billing · Sentiment: Negative",
  );
  await expect(page.locator("#notifications .notification-warning").count()).resolves.toBe(1);
  await expect(page.locator("#description-control").getByText("Sentiment:").count()).resolves.toBeGreaterThan(0);
});

/** The "Case (Email to Case)" form the solution adds, read in Node from its FormXml: tab → section → columns. */
function caseFormInSolution(): Array<[string, Array<[string, string[]]>]> {
  const dir = join(ROOT, "Solution/Entities/Incident/FormXml/main");
  const forms = readdirSync(dir).map(
    (f) => create(readFileSync(join(dir, f), "utf8")).end({ format: "object" }) as any,
  );
  const form = forms.find(
    (f) => f.forms.systemform.LocalizedNames.LocalizedName["@description"] === "Case (Email to Case)",
  );
  const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const label = (e: any) => list(e.labels.label)[0]!["@description"] as string;
  return list(form.forms.systemform.form.tabs.tab).map((tab: any) => [
    label(tab),
    list(tab.columns.column).flatMap((column: any) =>
      list(column.sections.section).map((section: any): [string, string[]] => [
        label(section),
        list(section.rows.row).flatMap((row: any) => list(row.cell).map((cell: any) => cell.control["@datafieldname"])),
      ]),
    ),
  ]);
}

test("lays the case out from the solution's own Case form: the same tabs, sections and fields, in order", async () => {
  await expect(page.locator("#case-form-name").innerText()).resolves.toBe("Case (Email to Case)");
  const shown = await page
    .locator("#case-form-body .form-tab")
    .evaluateAll((tabs) =>
      tabs.map((tab) => [
        tab.getAttribute("aria-label"),
        [...tab.querySelectorAll(".form-section")].map((section) => [
          section.querySelector(".form-section-label")?.textContent,
          [...section.querySelectorAll(".field")].map((field) => (field as HTMLElement).dataset.column),
        ]),
      ]),
    );
  expect(shown).toEqual(caseFormInSolution());
  const value = (column: string) => page.locator(`[data-column="${column}"] .field-value`).innerText();
  await expect(value("customerid")).resolves.toBe("Jane Doe");
  await expect(value("e2c_classification")).resolves.toBe("Billing");
  // The control sits in the Description field, where the form puts it.
  await expect(
    page.locator('[data-column="description"] #description-control section.e2c-transcript').count(),
  ).resolves.toBe(1);
});

test("a repeat customer's case: the summary first, the earlier handoffs and a labelled toolbar", async () => {
  const control = page.locator("#description-control");
  await expect(control.locator(".e2c-summary").innerText()).resolves.toBe(
    "Summary: Customer was charged twice for November and wants a refund.",
  );
  await expect(page.locator("#notifications").innerText()).resolves.toContain(
    "Summary: Customer was charged twice for November and wants a refund.",
  );
  const earlier = control.getByRole("region", { name: "Earlier handoffs from this customer" });
  await earlier.getByRole("listitem").first().waitFor();
  const items = await earlier.getByRole("listitem").allInnerTexts();
  expect(items.map((i) => i.split("\n")[0])).toEqual([
    "Late fee - Jane Doe",
    "Sign-in - Jane Doe",
    "Address change - Jane Doe",
  ]);
  expect(items[0]).toContain("Oct 14, 2026");
  await expect(control.locator(".e2c-toolbar .e2c-tool").allInnerTexts()).resolves.toEqual([
    "Previous match",
    "Next match",
    "Expand all quoted text",
    "Copy transcript",
  ]);
  await screenshot("start-repeat-customer.png", [
    control.locator(".e2c-summary"),
    earlier,
    control.locator(".e2c-toolbar"),
  ]);
});

test("an earlier handoff opens that case on the form", async () => {
  const earlier = page
    .locator("#description-control")
    .getByRole("region", { name: "Earlier handoffs from this customer" });
  await earlier.getByText("Sign-in - Jane Doe").click();
  await page.locator("#case-title", { hasText: "Sign-in - Jane Doe" }).waitFor();
  await page.locator("#description-control").getByText("Since I changed my email address").waitFor();
  await page
    .locator("#cases")
    .getByRole("button", { name: /Billing - Jane Doe/ })
    .click();
  await page.locator("#case-title", { hasText: "Billing - Jane Doe" }).waitFor();
});

test("switching cases shows the other case's transcript and notifications", async () => {
  await page.getByRole("button", { name: /Hardware - Priya Patel/ }).click();
  await page.locator("#case-title", { hasText: "Hardware - Priya Patel" }).waitFor();
  await expect(page.locator("#notifications").innerText()).resolves.toContain(
    'The description shows 9 of 16 messages; the full transcript is in the note "Handoff transcript".',
  );
  await expect(page.locator("#description-control").getByText("Hi, I was charged twice").count()).resolves.toBe(0);
  await screenshot("start-case-form.png", [
    page.locator("#case-title"),
    page.locator("#notifications"),
    page.locator("#description-control").getByRole("searchbox"),
    page.locator("#description-control").getByRole("article").first(),
  ]);
});

test("Load full transcript reads the note from the emulator and shows every message", async () => {
  const control = page.locator("#description-control");
  await expect(control.getByText("I am handing you to a hardware specialist").count()).resolves.toBe(0);
  await control.getByRole("button", { name: "Load full transcript" }).click();
  await control.getByText("I am handing you to a hardware specialist who can book an on-site visit").waitFor();
  await expect(control.getByRole("button", { name: "Load full transcript" }).count()).resolves.toBe(0);
});

test("the health page reads the same emulator and finds the demo environment's mistakes", async () => {
  await page.getByRole("tab", { name: "Email-to-case health" }).click();
  const health = page.frameLocator("#health-frame");
  await health.getByText("The rule has no rule items, so it never runs and creates no case.").first().waitFor();
  await expect(health.locator("body").innerText()).resolves.toContain("Returns email to case");
  await screenshot("start-health.png", [
    page.getByRole("tab", { name: "Email-to-case health" }),
    health.getByText("The rule has no rule items, so it never runs and creates no case.").first(),
  ]);
});

test("the health page cites Microsoft's documents by title, linked to learn.microsoft.com, and no research key", async () => {
  const health = page.frameLocator("#health-frame");
  const text = await health.locator("body").innerText();
  expect(text).not.toMatch(/\bseeds? \d|\(seed\b|\bS-[A-Z]{2,}\b/);
  const source = health.getByRole("link", { name: "FAQ about automatic record creation" }).first();
  await expect(source.getAttribute("href")).resolves.toBe(
    "https://learn.microsoft.com/dynamics365/customer-service/administer/arc-faqs",
  );
});

test("a rule's link on the health page opens its record, read-only", async () => {
  const health = page.frameLocator("#health-frame");
  const [record] = await Promise.all([
    page.context().waitForEvent("page"),
    health.getByRole("link", { name: 'Rule "Returns email to case"' }).first().click(),
  ]);
  await record.waitForLoadState();
  expect(new URL(record.url()).pathname).toBe("/main.aspx");
  await expect(record.locator("h1").innerText()).resolves.toBe(
    "Record Creation and Update Rule: Returns email to case",
  );
  await expect(record.getByText("Read-only in the preview").count()).resolves.toBe(1);
  await record.close();
});

test("the address names the tab both ways: a tab click sets it, a changed address switches the tab", async () => {
  expect(new URL(page.url()).hash).toBe("#health");
  await page.evaluate(() => (window.location.hash = "#case"));
  await page.locator("#case-view").waitFor({ state: "visible" });
  await expect(page.locator("#health-view").isHidden()).resolves.toBe(true);
  await page.goBack();
  await page.locator("#health-view").waitFor({ state: "visible" });
  await page.getByRole("tab", { name: "Case form" }).click();
  expect(new URL(page.url()).hash).toBe("#case");
  await expect(page.getByRole("tab", { name: "Case form" }).getAttribute("aria-selected")).resolves.toBe("true");
});

test("at 390 px the tabs are whole and a case's first message is on the first screen", async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "en-US", timezoneId: "UTC" });
  try {
    await phone.goto(url);
    await phone.getByRole("button", { name: /Hardware - Lee Chen/ }).click();
    await phone.locator("#case-title", { hasText: "Hardware - Lee Chen" }).waitFor();
    const first = phone.locator("#description-control article.e2c-message").first();
    await first.waitFor();
    for (const name of ["Case form", "Email-to-case health"]) {
      const tab = phone.getByRole("tab", { name });
      const whole = await tab.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const bar = b.closest("header")!.getBoundingClientRect();
        return (
          b.scrollWidth <= b.clientWidth &&
          b.scrollHeight <= b.clientHeight &&
          r.left >= 0 &&
          r.right <= 390 &&
          r.top >= bar.top &&
          r.bottom <= bar.bottom
        );
      });
      expect([name, whole]).toEqual([name, true]);
    }
    const box = (await first.boundingBox())!;
    const control = (await phone.locator("#description-control").boundingBox())!;
    // Not scrolled out of the control, and within the first screen of the page.
    expect(box.y).toBeGreaterThanOrEqual(control.y);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await expect(first.innerText()).resolves.toContain("Printer offline again");
  } finally {
    await phone.close();
  }
});

test("is accessible: no serious or critical axe findings on the case form", async () => {
  await page.getByRole("tab", { name: "Case form" }).click();
  const results = await new AxeBuilder({ page }).include(".case-view").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("nothing leaves the page's host, nothing fails and the console is clean", () => {
  expect(answered.length).toBeGreaterThan(0);
  expect(offHost).toEqual([]);
  expect(problems).toEqual([]);
});

test("Ctrl-C stops it cleanly", async () => {
  const code = await new Promise<number | null>((resolve) => {
    child.on("exit", (c) => resolve(c));
    child.kill("SIGINT");
  });
  expect(code).toBe(0);
  expect(output).toMatch(/Stopped\.\n$/);
});
