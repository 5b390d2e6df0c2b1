/** Types for the browser harness in harness/harness.cjs, shared with npm run bench. */
import type { Browser, Page } from "playwright-core";

export interface HarnessPage {
  page: Page;
  errors: string[];
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
