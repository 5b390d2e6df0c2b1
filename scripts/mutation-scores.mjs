// `npm run mutate` ends here: the mutation score per folder from Stryker's JSON report, as the README shows it,
// and every surviving mutant on a path that turns text into UI (the control's components and view model, the web
// resources' pages), which must have none. Score = (killed + timed out) / (killed + timed out + survived + no coverage).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The two Stryker runs (test/mutation/stryker.node.json and stryker.control.json) each write one report; other
// reports (a run limited to some folders with --mutate) can be named on the command line instead.
const named = process.argv.slice(2);
const reports =
  named.length > 0
    ? named
    : ["node", "control"].map((run) => fileURLToPath(new URL(`../reports/mutation/${run}.json`, import.meta.url)));
const missing = reports.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`mutation scores: no Stryker report at ${missing.join(", ")} (run npm run mutate first)`);
  process.exit(2);
}
const files = Object.assign({}, ...reports.map((file) => JSON.parse(readFileSync(file, "utf8")).files));
const FOLDERS = [
  "core/transcript",
  "core/email-to-case",
  "core/connector",
  "core/enrichment",
  "core/mail",
  "pcf/HandoffTranscript/components",
  "pcf/HandoffTranscript/model",
  "webresources/src",
];
const TEXT_TO_UI = [
  "pcf/HandoffTranscript/components/",
  "pcf/HandoffTranscript/model/",
  "webresources/src/shared/",
  "webresources/src/health/",
  "webresources/src/outcomes/",
];

const tally = new Map(FOLDERS.map((f) => [f, { detected: 0, undetected: 0, ignored: 0 }]));
const core = { detected: 0, undetected: 0, ignored: 0 };
const textToUiSurvivors = [];
for (const [file, { mutants }] of Object.entries(files)) {
  const folder = FOLDERS.find((f) => file.startsWith(`${f}/`));
  for (const m of mutants) {
    const detected = m.status === "Killed" || m.status === "Timeout";
    const undetected = m.status === "Survived" || m.status === "NoCoverage";
    // Not run, counted: static mutants (module-level tables and patterns would each rerun every test, `ignoreStatic`)
    // and mutants marked equivalent in the source with a `Stryker disable` comment and its reason.
    const ignored = m.status === "Ignored";
    if (!detected && !undetected && !ignored) continue; // compile errors, runtime errors
    for (const t of [folder && tally.get(folder), file.startsWith("core/") && core]) {
      if (t) t[detected ? "detected" : undetected ? "undetected" : "ignored"]++;
    }
    if (undetected && TEXT_TO_UI.some((p) => file.startsWith(p)))
      textToUiSurvivors.push(`${file}:${m.location.start.line} ${m.mutatorName} → ${m.replacement ?? ""}`);
  }
}
const score = ({ detected, undetected }) =>
  detected + undetected === 0 ? "not run" : `${((100 * detected) / (detected + undetected)).toFixed(1)} %`;
const line = (name, t, note = "") =>
  console.log(
    `  ${name.padEnd(36)} ${score(t).padStart(7)}  (${t.detected} of ${t.detected + t.undetected}; ${t.ignored} not run: static or marked equivalent)${note}`,
  );
console.log("\nmutation score by folder (killed or timed out / all that ran)");
for (const [folder, t] of tally) line(folder, t);
line("core/ (all)", core, "  target ≥ 85 %");
console.log(
  textToUiSurvivors.length === 0
    ? "no surviving mutant on a text-to-UI path"
    : `surviving mutants on text-to-UI paths:\n  ${textToUiSurvivors.join("\n  ")}`,
);
