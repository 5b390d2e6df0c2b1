/**
 * The built email-to-case health page (e2c_/pages/health.html + health.js) in headless Chromium, with a fake
 * Xrm.WebApi serving a fixture environment.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch } from "./browser";
import { differenceFromStored } from "./screenshots";

jest.setTimeout(60_000);

const pages = join(__dirname, "..", "..", "out", "webresources", "e2c_", "pages");
const ORIGIN = "http://crm.test";
/** The web resources of e2c_/pages/, as the organisation serves them. */
const PAGE_FILES: Record<string, [string, string]> = {
  "/health.html": ["health.html", "text/html"],
  "/health.js": ["health.js", "application/javascript"],
  "/outcomes.html": ["outcomes.html", "text/html"],
  "/outcomes.js": ["outcomes.js", "application/javascript"],
  "/pages.css": ["pages.css", "text/css"],
};

const ENVIRONMENT = {
  convertrule: [
    {
      convertruleid: "r-support",
      name: "Support email to case",
      _queueid_value: "q-support",
      statecode: 1,
      allowunknownsender: true,
    },
    {
      convertruleid: "r-partners",
      name: 'Partner desk <img src=x onerror="window.pwned=1">',
      _queueid_value: "q-partners",
      statecode: 0,
      allowunknownsender: true,
      checkactiveentitlement: true,
      sendautomaticresponse: true,
    },
  ],
  convertruleitem: [
    { name: "Any incoming email", conditionxml: null, _convertruleid_value: "r-support" },
    { name: "Any incoming email", conditionxml: null, _convertruleid_value: "r-partners" },
  ],
  queue: [
    { queueid: "q-support", name: "Support", emailaddress: "support@contoso.com", incomingemailfilteringmethod: 0 },
    { queueid: "q-partners", name: "Partners", emailaddress: "partners@contoso.com", incomingemailfilteringmethod: 2 },
    { queueid: "q-sales", name: "Sales", emailaddress: "sales@contoso.com", incomingemailfilteringmethod: 0 },
  ],
  mailbox: [
    {
      _regardingobjectid_value: "q-support",
      incomingemaildeliverymethod: 2,
      incomingemailstatus: 1,
      enabledforincomingemail: true,
    },
    {
      _regardingobjectid_value: "q-partners",
      incomingemaildeliverymethod: 2,
      incomingemailstatus: 0,
      enabledforincomingemail: true,
    },
    {
      _regardingobjectid_value: "q-sales",
      incomingemaildeliverymethod: 2,
      incomingemailstatus: 2,
      enabledforincomingemail: true,
    },
  ],
  organization: [{ emailcorrelationenabled: true }],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openHealthPage(
  options: { environment?: unknown; forbidden?: boolean; width?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(
    ({ environment, forbidden }) => {
      (window as unknown as { Xrm: unknown }).Xrm = {
        WebApi: {
          retrieveMultipleRecords: (table: string) =>
            forbidden
              ? Promise.reject({ message: "Principal user is missing prvReadconvertrule privilege" })
              : Promise.resolve({ entities: (environment as Record<string, unknown[]>)[table] ?? [] }),
        },
        Utility: { getGlobalContext: () => ({ getClientUrl: () => "https://contoso.crm.dynamics.com" }) },
      };
    },
    { environment: options.environment ?? ENVIRONMENT, forbidden: options.forbidden ?? false },
  );
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? PAGE_FILES[url.pathname] : undefined;
    if (!file) return route.abort();
    return route.fulfill({ body: readFileSync(join(pages, file[0])), contentType: file[1] });
  });
  await page.goto(`${ORIGIN}/health.html`);
  return { page, errors };
}

test("lists what would stop email becoming a case, by severity, naming and linking the rule", async () => {
  const { page, errors } = await openHealthPage();
  await page.locator(".summary").waitFor();
  await expect(page.locator(".summary").innerText()).resolves.toMatch(
    /^2 rule\(s\) checked: 1 error\(s\), \d+ warning\(s\), \d+ note\(s\)\.$/,
  );
  const error = page.locator("section.findings.error li").first();
  await expect(error.innerText()).resolves.toContain("Automatic response is on, but no email template is selected");
  const link = error.locator("a.about");
  await expect(link.innerText()).resolves.toBe('Rule "Partner desk <img src=x onerror="window.pwned=1">"');
  await expect(link.getAttribute("href")).resolves.toBe(
    "https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=convertrule&id=r-partners",
  );
  await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
  expect(errors).toEqual([]);
});

test("names a queue that has an address but no active rule, and its mailbox problem", async () => {
  const { page } = await openHealthPage();
  await page.locator(".summary").waitFor();
  const sales = page.locator("li.finding", { hasText: 'Queue "Sales"' });
  await expect(sales.count()).resolves.toBe(2);
  await expect(page.locator("section.findings.warning").innerText()).resolves.toContain(
    'The mailbox of queue "Sales" has not passed Test & Enable',
  );
});

test("shows each rule's outcome table", async () => {
  const { page } = await openHealthPage();
  const table = page.locator("table", { hasText: 'rule "Support email to case"' });
  await table.waitFor();
  await expect(table.locator("tbody tr", { hasText: "Email from an unknown sender" }).innerText()).resolves.toMatch(
    /Created\s+Created/,
  );
});

test("names in the configuration are text: no element or script comes from them", async () => {
  const { page } = await openHealthPage();
  await page.locator(".summary").waitFor();
  await expect(page.locator("#health img").count()).resolves.toBe(0);
  await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
});

test("a read that is refused says why instead of a blank page", async () => {
  const { page } = await openHealthPage({ forbidden: true });
  await expect(page.locator("#status").innerText()).resolves.toBe(
    "The configuration could not be read: Principal user is missing prvReadconvertrule privilege",
  );
});

test("is usable at phone width: only the outcome tables scroll sideways", async () => {
  const { page } = await openHealthPage({ width: 390 });
  await page.locator(".summary").waitFor();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("has no serious or critical accessibility violations", async () => {
  const { page } = await openHealthPage();
  await page.locator(".summary").waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("screenshot (npm run screenshots refreshes docs/images)", async () => {
  const environment = JSON.parse(JSON.stringify(ENVIRONMENT));
  environment.convertrule[1].name = "Partner desk";
  const { page } = await openHealthPage({ environment });
  await page.locator(".summary").waitFor();
  const png = await page.screenshot({ fullPage: false });
  // Under 1 % of pixels may differ from docs/images (anti-aliasing); a changed look needs npm run screenshots.
  expect(await differenceFromStored(page.context().browser()!, png, "health-page.png")).toBeLessThan(0.01);
});

describe("the outcome table dialog (e2c_/pages/outcomes.html)", () => {
  async function openOutcomes(search: string): Promise<Page> {
    const { page } = await openHealthPage();
    await page.goto(`${ORIGIN}/outcomes.html${search}`);
    return page;
  }

  test("shows the outcome table of the rule passed in its data parameter", async () => {
    const rule = {
      id: "r1",
      name: "Support email to case",
      queueId: "q",
      state: "draft",
      allowUnknownSender: true,
      senderResolution: "createContact",
      checkActiveEntitlement: true,
      checkIfResolved: false,
      resolvedSinceMinutes: null,
      sendAutomaticResponse: false,
      responseTemplateId: null,
      ownerCanCreateContacts: true,
      ownerEnabled: true,
      items: [{ name: "Any", matches: "any" }],
    };
    const page = await openOutcomes(`?data=${encodeURIComponent(JSON.stringify(rule))}`);
    await expect(page.locator(".note").innerText()).resolves.toContain("once activated");
    const row = page.locator("tbody tr", { hasText: "Email from an unknown sender" });
    await expect(row.innerText()).resolves.toMatch(
      /Not created\s+Created\s+No valid entitlement for this email sender\./,
    );
  });

  test("without a rule it says where to open it from", async () => {
    const page = await openOutcomes("");
    await expect(page.locator("#outcomes").innerText()).resolves.toBe(
      "Open this page from a record creation rule: it shows that rule's outcome table.",
    );
  });
});

test("the pages load their shared stylesheet", async () => {
  const { page } = await openHealthPage();
  await page.locator(".summary").waitFor();
  await expect(page.evaluate(() => getComputedStyle(document.querySelector("main")!).maxWidth)).resolves.toBe("1280px");
});
