/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) on a page served by page.route from a
 * made-up origin: no server, no port, and every request that is not the harness's own is refused.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ORIGIN = "http://harness.test";
const root = join(__dirname, "..", "..");

const FILES: Record<string, [string, string]> = {
  "/harness.html": [join(__dirname, "harness", "harness.html"), "text/html"],
  "/harness/mock-context.js": [join(__dirname, "harness", "mock-context.js"), "application/javascript"],
  "/lib/react.js": [join(root, "node_modules", "react", "umd", "react.production.min.js"), "application/javascript"],
  "/lib/react-dom.js": [
    join(root, "node_modules", "react-dom", "umd", "react-dom.production.min.js"),
    "application/javascript",
  ],
  "/lib/fluent.js": [join(root, "node_modules", "pcf-start", "lib", "fluent_8_121_1.js"), "application/javascript"],
  "/control/bundle.js": [join(root, "out", "controls", "HandoffTranscript", "bundle.js"), "application/javascript"],
  "/control/css/HandoffTranscript.css": [
    join(root, "out", "controls", "HandoffTranscript", "css", "HandoffTranscript.css"),
    "text/css",
  ],
};

export async function launch(): Promise<Browser> {
  if (!existsSync(FILES["/control/bundle.js"]![0])) throw new Error("Build the control first: npm run build:control");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface HarnessPage {
  page: Page;
  errors: string[];
}

/** A page with the harness loaded; `timezoneId` is the browser's zone, which the control must ignore. */
export async function openHarness(browser: Browser, timezoneId = "America/Los_Angeles"): Promise<HarnessPage> {
  const context = await browser.newContext({ timezoneId, locale: "en-US", viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? FILES[url.pathname] : undefined;
    if (!file) return route.abort();
    return route.fulfill({ body: readFileSync(file[0]), contentType: file[1] });
  });
  await page.goto(`${ORIGIN}/harness.html`);
  await page.waitForFunction(
    () => "E2C.HandoffTranscript" in ((window as unknown as { __controls: object }).__controls ?? {}),
  );
  return { page, errors };
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

export async function renderControl(page: Page, options: RenderOptions): Promise<void> {
  await page.evaluate(
    (o) => (window as unknown as { renderTranscript: (o: unknown) => void }).renderTranscript(o),
    options,
  );
  await page.locator("section.e2c-transcript").waitFor();
}
