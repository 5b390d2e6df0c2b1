/** `e2c handoff` with real-world email (issue 19): what was read approximately is said, what cannot be read is named. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { emulator, SUPPORT_QUEUE } from "../emulator/helpers";
import { e2cAsync } from "./fake-io";

let em: RunningEmulator;
beforeEach(async () => {
  em = await emulator();
});
afterEach(() => em.close());

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "eml", name));
const config = () =>
  JSON.stringify({
    environmentUrl: em.url,
    auth: { type: "emulator" },
    default_queue_id: SUPPORT_QUEUE,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
const args = (file: string, ...more: string[]) => [
  "handoff",
  file,
  "--config",
  "c.json",
  "--classification",
  "Support",
  "--sentiment",
  "Negative",
  ...more,
];

describe("e2c handoff with an .eml", () => {
  test("a message with no Date: is made into a case, and the warning is printed with it", async () => {
    const r = await e2cAsync(args("no-date.eml"), { "no-date.eml": fixture("no-date.eml"), "c.json": config() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no-date.eml: created case");
    expect(r.stdout).toContain("  warning: there is no Date: header and no Received: header has one");
    expect(em.store.count("incident")).toBe(1);
  });

  test("--dry-run --json lists the warnings in the result", async () => {
    const r = await e2cAsync(args("r.eml", "--dry-run", "--json"), {
      "r.eml": fixture("received-only.eml"),
      "c.json": config(),
    });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.status).toBe("dry-run");
    expect(result.warnings).toContain("there is no Date: header; used the time it was received, 2026-03-03T09:15:02Z");
  });

  test("an Outlook .msg named .eml is refused by name; exit 2, nothing written", async () => {
    const msg = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    const r = await e2cAsync(args("mail.eml"), { "mail.eml": msg, "c.json": config() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: mail.eml: is an Outlook .msg file (an OLE compound file), not an .eml message");
    expect(em.store.count("incident")).toBe(0);
  });
});

test("From: guest@localhost with no default customer: the refusal names From:, not customer.email; exit 2", async () => {
  const r = await e2cAsync(args("lab.eml"), { "lab.eml": fixture("local-sender.eml"), "c.json": config() });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^e2c: lab\.eml: From: header: /m);
  expect(r.stderr).not.toContain("customer.email");
});
