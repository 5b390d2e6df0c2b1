/**
 * What a rep sees first, in the real production bundle in headless Chromium (issue 18): the handoff's summary, the
 * customer's earlier handoffs, and a toolbar whose icons are the control's own inline SVG — nothing from a CDN.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { writeTranscript } from "../../core/transcript/write";
import { exampleHandoff } from "../fixtures/handoffs";
import { harnessPerTest, ORIGIN, renderControl, type RenderOptions } from "./browser";

jest.setTimeout(60_000);

// Each test fails on an uncaught error, a console error or a failed request (harnessPerTest).
const harness = harnessPerTest();
let page: Page;
beforeEach(() => {
  page = harness.page();
});

const SUMMARY = "Customer was charged twice for November and wants a refund.";
const WITH_SUMMARY = writeTranscript({ ...exampleHandoff(), summary: SUMMARY }, { maxLength: null });
const WITHOUT_SUMMARY = writeTranscript({ ...exampleHandoff(), summary: undefined }, { maxLength: null });
const JANE = "e2c00000-0000-4000-8000-000000000201";
const NEGATIVE = 412500001;

function earlier(n: number): NonNullable<Extract<RenderOptions["earlier"], unknown[]>> {
  return Array.from({ length: n }, (_, i) => ({
    incidentid: `e2c00000-0000-4000-8000-0000000006${String(i).padStart(2, "0")}`,
    title: `Earlier case ${i + 1}`,
    createdon: `2026-10-${String(20 - i).padStart(2, "0")}T23:30:00Z`,
    e2c_sentiment: NEGATIVE,
  }));
}

const region = () => page.getByRole("region", { name: "Earlier handoffs from this customer" });

const axeFindings = async (): Promise<string[]> => {
  const results = await new AxeBuilder({ page }).include("#root").analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

describe("the handoff's summary", () => {
  test("is the first line under the chips", async () => {
    await renderControl(page, { description: WITH_SUMMARY });
    const summary = page.locator(".e2c-summary");
    await expect(summary.innerText()).resolves.toBe(`Summary: ${SUMMARY}`);
    const order = await page.evaluate(() =>
      [...document.querySelectorAll(".e2c-chips, .e2c-summary, .e2c-toolbar, article")].map((e) => e.className),
    );
    expect(order.slice(0, 3)).toEqual(["e2c-chips", "e2c-summary", expect.stringContaining("e2c-toolbar")]);
  });

  test("reads whole at phone width: it wraps, nothing is cut or scrolls sideways", async () => {
    await renderControl(page, { description: WITH_SUMMARY, width: 320, formFactor: 3 });
    const box = await page.locator(".e2c-summary").evaluate((e) => ({
      overflow: e.scrollWidth - e.clientWidth,
      lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
    }));
    expect(box.overflow).toBeLessThanOrEqual(0);
    expect(box.lines).toBeGreaterThan(1);
    await expect(page.locator(".e2c-summary").innerText()).resolves.toBe(`Summary: ${SUMMARY}`);
  });

  test("is searched with the messages, first", async () => {
    await renderControl(page, { description: WITH_SUMMARY });
    await page.getByRole("searchbox").fill("refund");
    await expect(page.getByRole("status").innerText()).resolves.toBe("1 of 1 matches");
    await expect(page.locator(".e2c-summary mark.e2c-match-active").innerText()).resolves.toBe("refund");
  });

  test("no summary in the header: no summary line", async () => {
    await renderControl(page, { description: WITHOUT_SUMMARY });
    await page.locator("article").first().waitFor();
    await expect(page.locator(".e2c-summary").count()).resolves.toBe(0);
  });
});

describe("the customer's earlier handoffs", () => {
  test("none: nothing is shown, after one request", async () => {
    await renderControl(page, { description: WITH_SUMMARY, customerId: JANE, earlier: [] });
    await page.locator("article").first().waitFor();
    await page.waitForFunction(() => (window as unknown as { __loads: unknown[] }).__loads.length === 1);
    await expect(region().count()).resolves.toBe(0);
  });

  test("one: its title, its date in the user's time zone and its sentiment; a click opens the case", async () => {
    // 23:30 UTC on Oct 20 is already Oct 21 for a user in Tokyo (UTC+9).
    await renderControl(page, { description: WITH_SUMMARY, customerId: JANE, earlier: earlier(1), offsetMinutes: 540 });
    const item = region().getByRole("listitem");
    await item.waitFor();
    await expect(item.innerText()).resolves.toMatch(/^Earlier case 1\s+Oct 21, 2026\s+Sentiment:\s+Negative$/);
    await item.getByText("Earlier case 1").click();
    const opened = await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened);
    expect(opened).toEqual([{ entityName: "incident", entityId: earlier(1)[0]!.incidentid }]);
    const loads = await page.evaluate(() => (window as unknown as { __loads: [string, string][] }).__loads);
    expect(loads).toEqual([
      [
        "incident",
        `?$select=incidentid,title,createdon,e2c_sentiment&$filter=_customerid_value eq ${JANE} and e2c_handoffid ne null` +
          " and incidentid ne 11111111-2222-3333-4444-555555555555&$orderby=createdon desc&$top=50",
      ],
    ]);
  });

  test("seven: the newest five and '2 more', which lists all seven", async () => {
    await renderControl(page, { description: WITH_SUMMARY, customerId: JANE, earlier: earlier(7) });
    await region().getByRole("listitem").first().waitFor();
    await expect(region().getByRole("listitem").allInnerTexts()).resolves.toHaveLength(5);
    await expect(region().getByRole("listitem").first().innerText()).resolves.toContain("Earlier case 1");
    await region().getByRole("button", { name: "2 more" }).click();
    await expect(region().getByRole("listitem").count()).resolves.toBe(7);
    await expect(axeFindings()).resolves.toEqual([]);
  });

  test("a user who may not read cases (403): nothing is shown, and nothing is said in the console", async () => {
    await renderControl(page, { description: WITH_SUMMARY, customerId: JANE, earlier: { status: 403 } });
    await page.locator("article").first().waitFor();
    await page.waitForFunction(() => (window as unknown as { __loads: unknown[] }).__loads.length === 1);
    await expect(region().count()).resolves.toBe(0);
  });
});

describe("the toolbar", () => {
  const TOOLS = ["Previous match", "Next match", "Expand all quoted text", "Copy transcript"];

  test("wider than a phone: each button shows its label beside its icon", async () => {
    await renderControl(page, { description: WITH_SUMMARY, width: 800 });
    const tools = page.locator(".e2c-toolbar .e2c-tool");
    await expect(tools.allInnerTexts()).resolves.toEqual(TOOLS);
    await expect(page.locator(".e2c-toolbar .e2c-tool svg").count()).resolves.toBe(4);
    await expect(axeFindings()).resolves.toEqual([]);
  });

  test("at phone width: icons alone, each with an accessible name and a tooltip", async () => {
    await renderControl(page, { description: WITH_SUMMARY, width: 320, formFactor: 3 });
    const tools = page.locator(".e2c-toolbar .e2c-tool");
    await expect(tools.allInnerTexts()).resolves.toEqual(["", "", "", ""]);
    for (const name of TOOLS) await expect(page.getByRole("button", { name }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Copy transcript" }).hover();
    // Fluent's TooltipHost: the label in a callout beside the button, which names it in aria-describedby.
    const tooltip = page.locator(".ms-Tooltip");
    await expect(tooltip.innerText()).resolves.toBe("Copy transcript");
    await expect(tooltip.isVisible()).resolves.toBe(true);
    await expect(axeFindings()).resolves.toEqual([]);
  });
});

test("nothing leaves the page's host: no font, no icon, no request to another origin", async () => {
  await renderControl(page, { description: WITH_SUMMARY, customerId: JANE, earlier: earlier(2) });
  await page.getByRole("searchbox").fill("charged");
  await region().getByRole("listitem").first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  expect(harness.harness().requested.length).toBeGreaterThan(0);
  expect(harness.harness().requested.filter((url) => !url.startsWith(`${ORIGIN}/`))).toEqual([]);
  // Every icon drawn is an inline SVG.
  const icons = await page
    .locator("#root [data-icon-name]")
    .evaluateAll((all) => all.map((i) => !!i.querySelector("svg")));
  expect(icons.length).toBeGreaterThan(5);
  expect(icons.every(Boolean)).toBe(true);
});
