/** Types for the browser harness in harness/harness.cjs, shared with npm run bench. */
import type { Browser, Page } from "playwright-core";

export interface HarnessPage {
  page: Page;
  /** Uncaught errors, console errors and failed requests, as they happened. */
  errors: string[];
  /** Every URL the page asked for. */
  requested: string[];
}

export interface RenderOptions {
  description?: string | null;
  classification?: string;
  sentiment?: number;
  order?: "oldestFirst" | "newestFirst";
  offsetMinutes?: number;
  languageId?: number;
  rtl?: boolean;
  dark?: boolean;
  readable?: boolean;
  note?: string | null;
  width?: number;
  height?: number;
  strings?: Record<string, string>;
  /** The bound Customer lookup's id: the control then reads the customer's earlier handoffs. */
  customerId?: string;
  /** What the Web API answers for those (rows of incident), or an HTTP status it fails with. */
  earlier?:
    Array<{ incidentid: string; title: string; createdon: string; e2c_sentiment?: number }> | { status: number };
  formFactor?: number;
}

interface Harness {
  CHROMIUM: string;
  ORIGIN: string;
  launch(): Promise<Browser>;
  openHarness(browser: Browser, timezoneId?: string): Promise<HarnessPage>;
  renderControl(page: Page, options: RenderOptions): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS so the Node benchmark can use it too
const harness = require("./harness/harness.cjs") as Harness;

export const { CHROMIUM, ORIGIN, launch, openHarness, renderControl } = harness;

/**
 * A fresh harness page for each test of the file, in one browser for the file; after each test, nothing may have
 * gone wrong on the page (no uncaught error, console error or failed request).
 */
export function harnessPerTest(): { page: () => Page; harness: () => HarnessPage } {
  let browser: Browser;
  let current: HarnessPage;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current = await openHarness(browser);
  });
  afterEach(async () => {
    await current.page.context().close();
    expect(current.errors).toEqual([]);
  });
  return { page: () => current.page, harness: () => current };
}
