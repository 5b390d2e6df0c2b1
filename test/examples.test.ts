/**
 * examples/ is documentation that runs: every scenario's expected diagnosis, and the other commands' examples.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { e2c } from "./cli/fake-io";

const dir = join(__dirname, "..", "examples");
const scenarios = readdirSync(join(dir, "scenarios"))
  .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
  .sort();

interface Expected {
  cause: string;
  source: string;
  expect: {
    caseCreated: boolean;
    stage?: string;
    status?: string;
    reasonId?: string;
    activityMonitorReason?: number | null;
  };
}

describe("examples/scenarios: one scenario per documented cause, with its expected diagnosis", () => {
  test.each(scenarios)("%s", (file) => {
    const expected = JSON.parse(
      readFileSync(join(dir, "scenarios", file.replace(/\.json$/, ".expected.json")), "utf8"),
    ) as Expected;
    const r = e2c(["diagnose", join(dir, "scenarios", file), "--json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.verdict.caseCreated).toBe(expected.expect.caseCreated);
    const stop = d.stages.find((s: { status: string }) => s.status === "stopped" || s.status === "failed");
    if (expected.expect.stage) {
      expect({
        stage: stop?.stage,
        status: stop?.status,
        reasonId: stop?.reason.id,
        activityMonitorReason: stop?.reason.activityMonitorReason,
      }).toEqual({
        stage: expected.expect.stage,
        status: expected.expect.status,
        reasonId: expected.expect.reasonId,
        activityMonitorReason: expected.expect.activityMonitorReason,
      });
    } else {
      expect(stop).toBeUndefined();
    }
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9])(
    "cause %i of 'Incoming email isn't converted to a case' has an example",
    (n) => {
      const sources = scenarios.map((f) =>
        readFileSync(join(dir, "scenarios", f.replace(/\.json$/, ".expected.json")), "utf8"),
      );
      expect(sources.some((s) => new RegExp(`Incoming email isn't converted to a case, cause ${n}\\b`).test(s))).toBe(
        true,
      );
    },
  );

  test.each([1, 2, 3, 4, 5])(
    "common cause %i of 'Emails aren't automatically tracked or synchronized' has an example",
    (n) => {
      const sources = scenarios.map((f) =>
        readFileSync(join(dir, "scenarios", f.replace(/\.json$/, ".expected.json")), "utf8"),
      );
      expect(
        sources.some((s) =>
          new RegExp(`Emails aren't automatically tracked or synchronized, common cause ${n}\\b`).test(s),
        ),
      ).toBe(true);
    },
  );
});

describe("examples for the other commands", () => {
  test("the handoff example writes the description in examples/descriptions", () => {
    const r = e2c(["transcript", "write", join(dir, "handoffs", "billing-double-charge.json")]);
    expect(r.stdout).toBe(readFileSync(join(dir, "descriptions", "billing-double-charge.txt"), "utf8"));
  });

  test("the invalid handoff example is refused with exit code 2", () => {
    expect(e2c(["transcript", "write", join(dir, "handoffs", "invalid-handoff.json")]).code).toBe(2);
  });

  test.each([
    ["billing-double-charge.txt", "e2c-transcript/1", false],
    ["rich-text-editor.html", "e2c-transcript/1", false],
    ["cut-by-another-system.txt", "e2c-transcript/1", true],
    ["not-a-transcript.txt", "raw", false],
  ])("the description %s reads as %s (truncated: %s)", (file, format, truncated) => {
    const t = JSON.parse(e2c(["transcript", "parse", join(dir, "descriptions", file), "--json"]).stdout);
    expect([t.format, t.truncated]).toEqual([format, truncated]);
  });

  test.each([
    ["well-configured.json", 0],
    ["common-mistakes.json", 1],
  ])("the rule %s validates with exit code %i", (file, code) => {
    expect(e2c(["arc", "validate", join(dir, "rules", file)]).code).toBe(code);
  });
});
