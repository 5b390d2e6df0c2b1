// `npm test`: every check the project has, in one run. Each check runs even when an earlier one failed, so one
// run shows everything that is wrong. The last line is the plain count CI reads: jest's tests plus one per check.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const node = process.execPath;
const bin = (pkg, file) => new URL(`../node_modules/${pkg}/${file}`, import.meta.url).pathname;

const checks = [
  ["lint (eslint, Power Apps rules)", [bin("eslint", "bin/eslint.js"), "--max-warnings", "0", "."]],
  ["format (prettier)", [bin("prettier", "bin/prettier.cjs"), "--check", "--log-level", "warn", "."]],
  // Before the control's type-check: the build writes pcf/HandoffTranscript/generated/ManifestTypes.d.ts.
  ["build the control (pcf-scripts, production)", [new URL("./build-control.mjs", import.meta.url).pathname]],
  ["build the web resources (esbuild)", [new URL("./build-webresources.mjs", import.meta.url).pathname]],
  ["type-check the Node side (tsc, strict)", [bin("typescript", "bin/tsc"), "-p", "tsconfig.json", "--noEmit"]],
  // The solution zips, as `npm run build` writes them (the packer runs from dist/, so compile it first).
  ["compile the command and the packer (tsc)", [bin("typescript", "bin/tsc"), "-p", "tsconfig.build.json"]],
  ["build the solution zips", [new URL("./build-solution.mjs", import.meta.url).pathname]],
  ["type-check the control (tsc, strict)", [bin("typescript", "bin/tsc"), "-p", "test/pcf/tsconfig.json", "--noEmit"]],
  [
    "type-check the browser tests (tsc, strict)",
    [bin("typescript", "bin/tsc"), "-p", "test/e2e/tsconfig.json", "--noEmit"],
  ],
];

let checksPassed = 0;
let checksFailed = 0;
for (const [name, args] of checks) {
  console.log(`\n> ${name}`);
  const r = spawnSync(node, args, { stdio: "inherit" });
  if (r.status === 0) {
    checksPassed++;
    console.log(`  ${name}: ok`);
  } else {
    checksFailed++;
    console.log(`  ${name}: FAILED`);
  }
}

// Browser tests need Debian's Chromium. Without it they are skipped loudly; under CI a skip is a failure.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromium);
const projects = haveChromium ? ["node", "control", "browser"] : ["node", "control"];
if (!haveChromium) {
  const bar = "!".repeat(78);
  console.log(`\n${bar}\n  BROWSER TESTS SKIPPED: no Chromium at ${chromium}.`);
  console.log("  Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)");
  console.log(
    `${process.env.CI === "true" ? "  CI=true: a skipped browser test is a failure." : "  They run in CI."}\n${bar}`,
  );
  if (process.env.CI === "true") checksFailed++;
}

console.log(`\n> tests (jest: ${projects.join(", ")})`);
mkdirSync("test-results", { recursive: true });
const jest = spawnSync(
  node,
  [bin("jest", "bin/jest.js"), "--json", "--outputFile=test-results/jest.json", "--selectProjects", ...projects],
  { stdio: "inherit" },
);
let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync("test-results/jest.json", "utf8"));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  console.log("  jest wrote no results: counting the run as one failure");
  failed = 1;
}
if (jest.status !== 0 && failed === 0) failed = 1;

console.log(`\n${passed} tests and ${checksPassed} checks passed; ${failed} tests and ${checksFailed} checks failed.`);
console.log(`${passed + checksPassed} passed, ${failed + checksFailed} failed`);
process.exitCode = failed + checksFailed === 0 ? 0 : 1;
