/**
 * Microsoft's pcf-start harness, as a maker uses it (npm run harness), on 127.0.0.1 with the built control.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launch } from "./browser";

jest.setTimeout(90_000);

const root = join(__dirname, "..", "..");
let harness: ChildProcess;
let port: number;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${seen}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`harness exited with ${code}: ${seen}`)));
  });
}

beforeAll(async () => {
  port = await freePort();
  harness = spawn(process.execPath, [join(root, "scripts", "harness.cjs")], {
    cwd: root,
    // The harness stops itself after two minutes even if this test never gets to stop it.
    env: { ...process.env, PCF_PORT: String(port), E2C_HARNESS_WATCH: "0", E2C_HARNESS_TTL: "120" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(harness, `Local: http://127.0.0.1:${port}`, 30_000);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  harness?.kill("SIGTERM");
});

async function openHarness(): Promise<Page> {
  const page = await browser.newPage();
  await page.route("**/*", (route) => {
    const url = route.request().url();
    const react = /^https:\/\/unpkg\.com\/(react|react-dom)@16\.14\.0\/umd\/(.+)$/.exec(url);
    if (react) {
      return route.fulfill({
        body: readFileSync(join(root, "node_modules", react[1]!, "umd", react[2]!)),
        contentType: "application/javascript",
      });
    }
    if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
    return route.abort();
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  return page;
}

test("the harness serves on loopback only and renders the built control", async () => {
  expect(harness.exitCode).toBeNull();
  const page = await openHarness();
  const control = page.locator('[data-lp-id="E2C.HandoffTranscript|TestControl"]');
  await control.waitFor();
  await expect(control.locator("section.e2c-transcript").getAttribute("aria-label")).resolves.toBeTruthy();
  await page.close();
});

test("a value typed into the harness's Description input is shown by the control", async () => {
  const page = await openHarness();
  await page.locator('[data-lp-id="E2C.HandoffTranscript|TestControl"]').waitFor();
  const description = page.locator("#accordion__panel-data_inputs .io-item").filter({ hasText: "description" });
  await description.locator('input[type="text"]').fill("Customer phoned about the November invoice.");
  const control = page.locator('[data-lp-id="E2C.HandoffTranscript|TestControl"]');
  await expect(control.locator("pre.e2c-raw").innerText()).resolves.toBe("Customer phoned about the November invoice.");
  await page.close();
});
