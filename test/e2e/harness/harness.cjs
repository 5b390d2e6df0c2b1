/* global window -- used only inside functions that run in the page */
// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) on the harness page, served by
// page.route from a made-up origin: no server, no port, and every request that is not the harness's own is refused.
// Used by the browser tests (through browser.ts, which types it) and by npm run bench.
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { chromium } = require("playwright-core");
const { create } = require("xmlbuilder2");

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

const builtControl = join(root, "out", "controls", "HandoffTranscript");
const RTL_LANGUAGES = [1025, 1037]; // Arabic, Hebrew: the platform tells the control through userSettings.isRTL
const declaredStrings = new Map();

/**
 * What context.resources.getString answers for a user of `languageId`, as the platform does: the strings of the
 * resx the built manifest declares for that language, else those of its 1033 resx. An undeclared file is ignored.
 */
function platformStrings(languageId) {
  if (declaredStrings.has(languageId)) return declaredStrings.get(languageId);
  const manifest = create(readFileSync(join(builtControl, "ControlManifest.xml"), "utf8")).end({ format: "object" });
  const resources = manifest.manifest.control.resources;
  const paths = [].concat(resources.resx || []).map((r) => r["@path"]);
  const path = paths.find((p) => p.endsWith(`.${languageId}.resx`)) || paths.find((p) => p.endsWith(".1033.resx"));
  const strings = {};
  if (path) {
    const resx = create(readFileSync(join(builtControl, path), "utf8")).end({ format: "object" });
    for (const d of [].concat(resx.root.data || [])) strings[d["@name"]] = typeof d.value === "string" ? d.value : "";
  }
  declaredStrings.set(languageId, strings);
  return strings;
}

async function renderControl(page, options) {
  const languageId = options.languageId || 1033;
  const platform = {
    ...options,
    languageId,
    rtl: options.rtl === undefined ? RTL_LANGUAGES.includes(languageId) : options.rtl,
    strings: options.strings || platformStrings(languageId),
  };
  await page.evaluate((o) => window.renderTranscript(o), platform);
  await page.locator("section.e2c-transcript").waitFor();
}

module.exports = { CHROMIUM, ORIGIN, launch, openHarness, renderControl, platformStrings };
