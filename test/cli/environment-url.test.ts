/**
 * `--url` and E2C_ENVIRONMENT_URL point a command at another environment than e2c.config.json's `environmentUrl`,
 * and the hints `e2c emulator` and `npm start` print work as printed wherever the emulator listens.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { commandsToTry, emulatorCommand, EXAMPLE_CONFIG_URL } from "../../plugins-js/cli/commands/emulator";
import type { CliIO } from "../../plugins-js/cli/io";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { emulator, ROOT, SUPPORT_QUEUE } from "../emulator/helpers";
import { e2cAsync } from "./fake-io";

/** A config whose environmentUrl points where nothing listens. */
const elsewhere = JSON.stringify({
  environmentUrl: "http://127.0.0.1:9",
  auth: { type: "emulator" },
  default_queue_id: SUPPORT_QUEUE,
  retry: { maxAttempts: 1 },
});

describe("pointing a command at another environment", () => {
  let em: RunningEmulator;
  beforeEach(async () => {
    em = await emulator();
  });
  afterEach(async () => {
    delete process.env.E2C_ENVIRONMENT_URL;
    await em.close();
  });

  test("--url overrides the file's environmentUrl", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json", "--url", em.url], { "c.json": elsewhere });
    expect(r.stdout).toContain(`Email-to-case health of ${em.url}`);
    expect(r.code).toBe(1); // the demo environment's findings
  });

  test("E2C_ENVIRONMENT_URL overrides it too", async () => {
    process.env.E2C_ENVIRONMENT_URL = em.url;
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json", "--dry-run"], {
      "c.json": elsewhere,
      "h.json": readFileSync(join(ROOT, "examples/handoffs/billing-double-charge.json")),
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^h\.json: dry run, nothing written; would create "Billing - Jane Doe"/);
    expect(r.code).toBe(0);
  });

  test("--url wins over E2C_ENVIRONMENT_URL", async () => {
    process.env.E2C_ENVIRONMENT_URL = "http://127.0.0.1:9";
    const r = await e2cAsync(["doctor", "--config", "c.json", "--url", em.url, "--json"], { "c.json": elsewhere });
    expect(JSON.parse(r.stdout).environmentUrl).toBe(em.url);
  });

  test("a --url that is not an address is refused, naming the option; exit 2", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json", "--url", "localhost:7070"], { "c.json": elsewhere });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'e2c: --url: must be the environment URL, such as https://contoso.crm.dynamics.com, not "localhost:7070"\n',
    );
  });

  test("a wrong E2C_ENVIRONMENT_URL is named as the variable", async () => {
    process.env.E2C_ENVIRONMENT_URL = "nowhere";
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": elsewhere });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: E2C_ENVIRONMENT_URL: must be the environment URL");
  });
});

describe("the hints printed for an emulator work as printed", () => {
  test("on the port examples/e2c.config.json expects, the hints need no --url", () => {
    expect(commandsToTry(EXAMPLE_CONFIG_URL).join("\n")).not.toContain("--url");
    expect(EXAMPLE_CONFIG_URL).toBe(
      JSON.parse(readFileSync(join(ROOT, "examples/e2c.config.json"), "utf8")).environmentUrl,
    );
  });

  test("e2c emulator on another port prints Try: lines that reach it", async () => {
    let stdout = "";
    const io: CliIO = {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      readFile: (p) => readFileSync(p),
      readStdin: () => Buffer.from(""),
    };
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = emulatorCommand(io, ["--port", "0", "--quiet"], stopped);
    while (!stdout.includes("Press Ctrl-C")) await new Promise((r) => setTimeout(r, 10));
    const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    expect(url).not.toBe(EXAMPLE_CONFIG_URL);
    const hints = [...stdout.matchAll(/^ {2}(?:Try: | {5})(npx e2c .*)$/gm)].map((m) => m[1]!);
    expect(hints).toHaveLength(2);
    for (const hint of hints) {
      expect(hint).toContain(`--url ${url}`);
      const r = await e2cAsync(hint.split(" ").slice(2));
      // Reached: the handoff is created (0), the doctor reports the demo's findings (1); never "could not reach".
      expect(r.stderr).not.toMatch(/could not reach|ECONNREFUSED/);
      expect([0, 1]).toContain(r.code);
    }
    stop();
    await running;
  });
});
