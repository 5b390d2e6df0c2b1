/* global window -- used only inside functions that run in the page */
// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) on the harness page, served by
// page.route from a made-up origin: no server, no port, and every request that is not the harness's own is refused.
// Used by the browser tests (through browser.ts, which types it) and by npm run bench.
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ORIGIN = "http://harness.test";
const root = join(__dirname, "..", "..", "..");

const FILES = {
  "/harness.html": [join(__dirname, "harness.html"), "text/html"],
  "/harness/mock-context.js": [join(__dirname, "mock-context.js"), "application/javascript"],
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

async function launch() {
  if (!existsSync(FILES["/control/bundle.js"][0])) throw new Error("Build the control first: npm run build:control");
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

/** A page with the harness loaded; `timezoneId` is the browser's zone, which the control must ignore. */
async function openHarness(browser, timezoneId = "America/Los_Angeles") {
  const context = await browser.newContext({ timezoneId, locale: "en-US", viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  // Everything that should never happen on the page: an uncaught error, a console error, a failed request, or a
  // request for anything that is not the harness's own (a font or icon from a CDN, say).
  const errors = [];
  const requested = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(`console.error: ${m.text()}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("request", (r) => requested.push(r.url()));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const file = url.origin === ORIGIN ? FILES[url.pathname] : undefined;
    if (!file) return route.abort();
    return route.fulfill({ body: readFileSync(file[0]), contentType: file[1] });
  });
  await page.goto(`${ORIGIN}/harness.html`);
  await page.waitForFunction(() => "E2C.HandoffTranscript" in (window.__controls || {}));
  return { page, errors, requested };
}

async function renderControl(page, options) {
  await page.evaluate((o) => window.renderTranscript(o), options);
  await page.locator("section.e2c-transcript").waitFor();
}

module.exports = { CHROMIUM, ORIGIN, launch, openHarness, renderControl };
