import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
function bin(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "e2c.js"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the installed e2c command (bin/e2c.js)", () => {
  test("diagnoses a scenario file", () => {
    const r = bin("diagnose", "examples/scenarios/13-unknown-sender.json", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stages[3].reason.id).toBe("unknown-sender");
  });

  test("reads a description from standard input", () => {
    const r = spawnSync(process.execPath, [join(root, "bin", "e2c.js"), "transcript", "parse", "-", "--json"], {
      cwd: root,
      encoding: "utf8",
      input: "just a note",
    });
    expect(JSON.parse(r.stdout).format).toBe("raw");
  });

  test("reports bad input with exit code 2 and no stack trace", () => {
    const r = bin("diagnose", "examples/handoffs/billing-double-charge.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("examples/handoffs/billing-double-charge.json: ");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("exits 1 for a rule with an error", () => {
    expect(bin("arc", "validate", "examples/rules/common-mistakes.json").code).toBe(1);
  });
});
