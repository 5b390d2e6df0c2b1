/**
 * The real production bundle.js in headless Chromium: what a person sees on the Case form.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { writeTranscript } from "../../core/transcript/write";
import { EXAMPLE_TRANSCRIPT, exampleHandoff, handoffWithMessages } from "../fixtures/handoffs";
import { harnessPerTest, renderControl } from "./browser";
import { differenceFromStored } from "./screenshots";

jest.setTimeout(60_000);

// Each test fails on an uncaught error, a console error or a failed request (harnessPerTest).
const harness = harnessPerTest();
let page: Page;
beforeEach(() => {
  page = harness.page();
});

const TRUNCATED = writeTranscript(handoffWithMessages(40), { maxLength: 900 });

test("shows the header chips with their labels", async () => {
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT });
  // Label and value: the icons beside them are aria-hidden glyphs.
  const chips = page
    .locator(".e2c-chip")
    .evaluateAll((chips) =>
      chips.map((c) => [...c.querySelectorAll(".e2c-chip-label, .e2c-chip-value")].map((e) => e.textContent).join(" ")),
    );
  await expect(page.locator(".e2c-chip [data-icon-name]").count()).resolves.toBe(4);
  await expect(chips).resolves.toEqual([
    "Channel: email",
    "Classification: Billing",
    "Sentiment: Negative",
    "Customer: Jane Doe <jane.doe@contoso.com>",
  ]);
  await expect(page.getByRole("link", { name: /Open the handoff session/ }).getAttribute("rel")).resolves.toBe(
    "noopener noreferrer",
  );
});

test("shows times in the user's Dataverse time zone, not the browser's", async () => {
  // Browser in Los Angeles, Dataverse user in Tokyo (UTC+9): 09:14Z is 6:14 PM for the user.
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT, offsetMinutes: 540 });
  await expect(page.locator("article time").first().innerText()).resolves.toBe("Nov 20, 2026, 06:14 PM");
});

test("folds quoted text until asked", async () => {
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT });
  const first = page.locator("article").first();
  await expect(first.innerText()).resolves.not.toContain("Your invoice is attached.");
  await first.getByRole("button", { name: "Show quoted text" }).click();
  await expect(first.locator(".e2c-quoted").innerText()).resolves.toContain("> Your invoice is attached.");
});

test("search counts, highlights and steps through matches", async () => {
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT });
  await page.getByRole("searchbox").fill("you");
  await expect(page.getByRole("status").innerText()).resolves.toBe("1 of 2 matches");
  await expect(page.locator("mark.e2c-match").count()).resolves.toBe(2);
  await page.getByRole("button", { name: "Next match" }).click();
  await expect(page.getByRole("status").innerText()).resolves.toBe("2 of 2 matches");
  await expect(page.locator("mark.e2c-match-active").isVisible()).resolves.toBe(true);
});

test("a truncated description says so and loads the full transcript from the note", async () => {
  const full = writeTranscript(handoffWithMessages(40), { maxLength: null });
  await renderControl(page, { description: TRUNCATED, note: full });
  const banner = page.locator(".e2c-truncated");
  await expect(banner.getByText(/This description shows \d+ of 40 messages/).isVisible()).resolves.toBe(true);
  await banner.getByRole("button", { name: "Load full transcript" }).click();
  await page.locator(".e2c-truncated").waitFor({ state: "detached" });
  const loads = await page.evaluate(() => (window as unknown as { __loads: [string, string][] }).__loads);
  expect(loads).toEqual([
    [
      "annotation",
      "?$select=notetext&$filter=_objectid_value eq 11111111-2222-3333-4444-555555555555 and subject eq 'Handoff transcript'&$orderby=createdon desc&$top=1",
    ],
  ]);
});

test("hostile bodies render as inert text: no script runs, no element appears, the layout holds", async () => {
  const h = exampleHandoff();
  h.messages[1]!.body = [
    "<script>window.pwned = 'script'</script>",
    '<img src="x" onerror="window.pwned = \'img\'">',
    "<a href=\"javascript:window.pwned='link'\">click me</a>",
    "<svg onload=\"window.pwned='svg'\"></svg>",
    "x".repeat(20_000),
  ].join("\n");
  await renderControl(page, { description: writeTranscript(h, { maxLength: null }), width: 600 });
  const second = page.locator("article").nth(1);
  await expect(second.innerText()).resolves.toContain('<img src="x" onerror="window.pwned = \'img\'">');
  await expect(
    page.locator("#root img, #root script, #root svg[onload], #root a[href^='javascript']").count(),
  ).resolves.toBe(0);
  await second.getByText("click me", { exact: false }).click();
  await expect(page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).resolves.toBeUndefined();
  const overflow = await page.evaluate(() => {
    const region = document.querySelector("section.e2c-transcript") as HTMLElement;
    return region.scrollWidth - region.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(1);
});

test("a 10,000-message thread renders a window of the messages", async () => {
  await renderControl(page, { description: writeTranscript(handoffWithMessages(10_000), { maxLength: null }) });
  const rendered = await page.locator("article").count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(200);
});

test("opens at the latest message", async () => {
  await renderControl(page, {
    description: writeTranscript(handoffWithMessages(300), { maxLength: null }),
    height: 400,
  });
  await page.locator("article", { hasText: "Message number 299" }).waitFor();
  await expect(page.locator("article", { hasText: "Message number 299" }).isVisible()).resolves.toBe(true);
});

test("lays out right to left for right-to-left languages", async () => {
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT, rtl: true, languageId: 1025 });
  await expect(page.locator("section.e2c-transcript").getAttribute("dir")).resolves.toBe("rtl");
});

test.each([
  [1031, "German", "Protokoll durchsuchen", "Kanal", "ltr"],
  [1025, "Arabic", "البحث في النص", "القناة", "rtl"],
])(
  "a user whose language is %i reads the control in %s, from the resx its manifest declares",
  async (languageId, _, placeholder, channel, dir) => {
    await renderControl(page, { description: EXAMPLE_TRANSCRIPT, languageId });
    await expect(page.getByRole("searchbox").getAttribute("placeholder")).resolves.toBe(placeholder);
    await expect(page.locator(".e2c-chip-label").first().innerText()).resolves.toContain(channel);
    await expect(page.locator("section.e2c-transcript").getAttribute("dir")).resolves.toBe(dir);
  },
);

test.each([
  ["light", false],
  ["dark", true],
])("has no serious or critical accessibility violations (%s theme)", async (_, dark) => {
  await renderControl(page, { description: TRUNCATED, dark });
  await page.locator(".e2c-truncated .ms-MessageBar-innerText").first().waitFor();
  const results = await new AxeBuilder({ page }).include("#root").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

describe("screenshots (npm run screenshots refreshes docs/images)", () => {
  const description = writeTranscript(
    {
      ...exampleHandoff(),
      summary: "Customer was charged twice for November and wants a refund.",
      messages: [
        ...exampleHandoff().messages,
        {
          timestamp: "2026-11-20T09:21:45Z",
          from: { name: "Sam Rivera", email: "sam.rivera@contoso.com" },
          role: "agent",
          body: "Hi Jane, I can see both charges. I have refunded the second one; it will show within 3 business days.",
        },
      ],
    },
    { maxLength: null },
  );

  // A repeat customer: two earlier handoffs.
  const customerId = "e2c00000-0000-4000-8000-000000000201";
  const earlier = [
    {
      incidentid: "e2c00000-0000-4000-8000-000000000601",
      title: "Late fee - Jane Doe",
      createdon: "2026-10-14T08:05:00Z",
      e2c_sentiment: 412500001,
    },
    {
      incidentid: "e2c00000-0000-4000-8000-000000000602",
      title: "Sign-in - Jane Doe",
      createdon: "2026-09-02T14:20:00Z",
      e2c_sentiment: 412500003,
    },
  ];

  test.each([
    ["light", false],
    ["dark", true],
  ])("the %s theme", async (name, dark) => {
    await renderControl(page, { description, dark, offsetMinutes: 60, width: 760, height: 620, customerId, earlier });
    await page.locator(".e2c-earlier li").first().waitFor();
    await page.getByRole("searchbox").fill("charged");
    const root = page.locator("#root");
    const png = await root.screenshot();
    // Under 1 % of pixels may differ from docs/images (anti-aliasing); a changed look needs npm run screenshots.
    expect(await differenceFromStored(page.context().browser()!, png, `handoff-transcript-${name}.png`)).toBeLessThan(
      0.01,
    );
  });
});

test("works from the keyboard alone: search, step through matches, unfold quoted text", async () => {
  await renderControl(page, { description: EXAMPLE_TRANSCRIPT });
  await page.keyboard.press("Tab"); // the session link
  await page.keyboard.press("Tab"); // the search box
  await expect(page.evaluate(() => document.activeElement?.getAttribute("role"))).resolves.toBe("searchbox");
  await page.keyboard.type("you");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").innerText()).resolves.toBe("2 of 2 matches");
  const toggle = page.locator("article").first().getByRole("button", { name: "Show quoted text" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("article").first().locator(".e2c-quoted").isVisible()).resolves.toBe(true);
});
