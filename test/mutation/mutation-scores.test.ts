/**
 * What `npm run mutate` prints last (scripts/mutation-scores.mjs): the score per folder from Stryker's JSON report,
 * and every surviving mutant on a path that turns text into UI, which must have none.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = join(__dirname, "..", "..", "scripts", "mutation-scores.mjs");

type Status = "Killed" | "Timeout" | "Survived" | "NoCoverage" | "Ignored" | "CompileError";
const mutant = (status: Status, line: number, mutatorName = "ConditionalExpression", replacement = "true") => ({
  status,
  mutatorName,
  replacement,
  location: { start: { line, column: 1 }, end: { line, column: 9 } },
});

function scoresOf(files: Record<string, { mutants: ReturnType<typeof mutant>[] }>): string {
  const dir = mkdtempSync(join(tmpdir(), "e2c-mutation-"));
  try {
    const report = join(dir, "report.json");
    writeFileSync(report, JSON.stringify({ files }));
    return execFileSync(process.execPath, [SCRIPT, report], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a survivor in the control's view model is listed as on a text-to-UI path", () => {
  const out = scoresOf({
    "pcf/HandoffTranscript/model/rendered-pages.ts": { mutants: [mutant("Survived", 12), mutant("Killed", 13)] },
  });
  expect(out).toContain(
    "surviving mutants on text-to-UI paths:\n  pcf/HandoffTranscript/model/rendered-pages.ts:12 ConditionalExpression → true",
  );
  expect(out).toMatch(/pcf\/HandoffTranscript\/model +50\.0 % +\(1 of 2; 0 not run/);
});

test("a survivor in core/ counts against core's score but is not on a text-to-UI path", () => {
  const out = scoresOf({
    "core/mail/address.ts": {
      mutants: [mutant("Survived", 3), mutant("Timeout", 4), mutant("Killed", 5), mutant("Ignored", 6)],
    },
  });
  expect(out).toMatch(/core\/ \(all\) +66\.7 % +\(2 of 3; 1 not run/);
  expect(out).toContain("no surviving mutant on a text-to-UI path");
});

test("a mutant that did not compile is neither counted nor listed", () => {
  const out = scoresOf({
    "pcf/HandoffTranscript/components/Toolbar.tsx": { mutants: [mutant("CompileError", 7), mutant("Killed", 8)] },
  });
  expect(out).toMatch(/pcf\/HandoffTranscript\/components +100\.0 % +\(1 of 1; 0 not run/);
  expect(out).toContain("no surviving mutant on a text-to-UI path");
});
