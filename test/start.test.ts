import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");

describe("npm start: the tour of the toolkit on the shipped examples", () => {
  const run = spawnSync(process.execPath, [join(root, "scripts", "start.mjs")], { cwd: root, encoding: "utf8" });

  test("runs to the end", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  test("shows the example description as the connector writes it", () => {
    expect(run.stdout).toContain("--- End of transcript (2 messages) ---");
  });

  test("checks every example rule", () => {
    expect(run.stdout).toMatch(/common-mistakes\.json +1 error\(s\)/);
  });

  test("diagnoses every example scenario", () => {
    const scenarios = readdirSync(join(root, "examples", "scenarios")).filter((f) => !f.endsWith(".expected.json"));
    for (const f of scenarios) expect(run.stdout).toContain(f.replace(/\.json$/, ""));
    expect(run.stdout).toMatch(/08-bcc-only +tracking stopped: bcc-only/);
  });
});
