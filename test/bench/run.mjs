// `npm run bench [-- --json [FILE]]`: runs every test/bench/*.bench.mjs and prints each measure against its budget
// (PRODUCT.md §9): the median of at least five rounds with its min–max spread. With --json the figures, the commit
// and the machine are also written to a file (default reports/bench/<commit>.json) so two commits can be compared.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem, platform, release } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = new URL("../..", import.meta.url).pathname;
const args = process.argv.slice(2);
const jsonAt = args.indexOf("--json");
const unknown = args.filter((a, i) => a !== "--json" && i !== jsonAt + 1);
if (unknown.length > 0 || (jsonAt >= 0 && args[jsonAt + 1]?.startsWith("-"))) {
  console.error(`bench: unknown argument ${unknown[0] ?? args[jsonAt + 1]}; usage: npm run bench -- [--json [FILE]]`);
  process.exit(2);
}

function git(...a) {
  try {
    return execFileSync("git", a, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${platform()} ${release()}`,
};
const commit = git("rev-parse", "--short", "HEAD");
const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";

const VERDICT_TEXT = {
  within: "within budget",
  over: "OVER BUDGET",
  uncertain: "UNCERTAIN: the spread reaches past the budget",
};

console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
console.log(`commit ${commit}${dirty ? " (with uncommitted changes)" : ""}`);

const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort();
const lines = [];
let over = 0;
let uncertain = 0;
for (const file of files) {
  const group = file.replace(/\.bench\.mjs$/, "");
  console.log(`\n${group}`);
  // Each group in a fresh Node process (test/bench/group.mjs): a line measures its own code, not the heap and the
  // compiled code an earlier group left behind.
  const child = spawnSync(process.execPath, [fileURLToPath(new URL("group.mjs", import.meta.url)), file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !last.startsWith("[")) {
    console.log(`  the ${group} bench failed (exit ${child.status ?? child.signal}); its lines are missing`);
    over++;
    continue;
  }
  for (const row of JSON.parse(last)) {
    if (row.verdict === "over") over++;
    if (row.verdict === "uncertain") uncertain++;
    console.log(
      `  ${row.name.padEnd(40)} ${row.text}${row.budget ? `   (budget ${row.budget}) ${VERDICT_TEXT[row.verdict]}` : ""}`,
    );
    const { text, ...figures } = row;
    lines.push({ group, ...figures, value: text });
  }
}

if (jsonAt >= 0) {
  const file = resolve(args[jsonAt + 1] ?? `${root}reports/bench/${commit}${dirty ? "-dirty" : ""}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const date = new Date().toISOString();
  writeFileSync(file, `${JSON.stringify({ format: "e2c-bench/1", commit, dirty, date, machine, lines }, null, 2)}\n`);
  console.log(`\nfigures written to ${file}`);
}

const summary = [];
if (over > 0) summary.push(`${over} measure(s) over budget`);
if (uncertain > 0) summary.push(`${uncertain} measure(s) too noisy to call (spread reaches past the budget)`);
console.log(summary.length === 0 ? "\nAll measures within budget." : `\n${summary.join("; ")}.`);
process.exitCode = over + uncertain === 0 ? 0 : 1;
