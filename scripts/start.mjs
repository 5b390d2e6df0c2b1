// `npm start`: a tour of the toolkit on the shipped examples, run through the real `e2c` code. (Issue 7 replaces
// this with the local Dataverse emulator and the Case form preview.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
if (!existsSync(`${root}dist/plugins-js/cli/main.js`)) {
  console.log("Building the e2c command…");
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { composeTranscript, parseTranscript } = require(`${root}dist/core/transcript/index.js`);
const { diagnose, parseScenario } = require(`${root}dist/core/email-to-case/index.js`);
const { checkRuleInput } = require(`${root}dist/plugins-js/cli/commands/arc.js`);

const heading = (text) => console.log(`\n\x1b[1m${text}\x1b[0m\n${"─".repeat(text.length)}`);

heading("1. A handoff becomes a case description (e2c transcript write)");
const handoff = JSON.parse(readFileSync(`${root}examples/handoffs/billing-double-charge.json`, "utf8"));
const composed = composeTranscript(handoff);
console.log(composed.text);

heading("2. The description read back (e2c transcript parse)");
const parsed = parseTranscript(composed.text);
console.log(
  `format ${parsed.format}; ${parsed.messages.length} of ${parsed.totalMessages} messages; sentiment ${parsed.header.sentiment}`,
);
for (const m of parsed.messages) {
  const quoted = m.quoted.reduce((n, q) => n + q.end - q.start, 0);
  console.log(
    `  ${m.timestamp}  ${m.sender.name ?? m.sender.email} (${m.role})${quoted ? `, ${quoted} quoted characters folded` : ""}`,
  );
}

heading("3. Record creation rules checked (e2c arc validate)");
for (const file of readdirSync(`${root}examples/rules`).sort()) {
  const check = checkRuleInput(JSON.parse(readFileSync(`${root}examples/rules/${file}`, "utf8")));
  if (!check.ok) throw new Error(`${file}: ${JSON.stringify(check.problems)}`);
  const { findings } = check.value;
  const count = (s) => findings.filter((f) => f.severity === s).length;
  console.log(
    `  ${file.padEnd(24)} ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s)`,
  );
  for (const f of findings.filter((x) => x.severity === "error")) console.log(`      error: ${f.message}`);
}

heading("4. Why an email did or did not become a case (e2c diagnose), one example per documented cause");
const dir = `${root}examples/scenarios`;
for (const file of readdirSync(dir)
  .filter((f) => !f.endsWith(".expected.json"))
  .sort()) {
  const scenario = parseScenario(JSON.parse(readFileSync(`${dir}/${file}`, "utf8")));
  if (!scenario.ok) throw new Error(`${file}: ${JSON.stringify(scenario.problems)}`);
  const d = diagnose(scenario.value);
  const stop = d.stages.find((s) => s.status === "stopped" || s.status === "failed");
  const outcome = d.verdict.caseCreated ? "case created" : `${stop.stage} ${stop.status}: ${stop.reason.id}`;
  console.log(`  ${file.replace(/\.json$/, "").padEnd(38)} ${outcome}`);
}

console.log(`
Try it yourself:
  npx e2c diagnose examples/scenarios/08-bcc-only.json
  npx e2c arc validate examples/rules/common-mistakes.json
  npx e2c transcript parse examples/descriptions/rich-text-editor.html
`);
