// Builds the Handoff transcript control with Microsoft's pcf-scripts in production mode. pcf-scripts exits 0 even
// when the build fails, so success is read from its log, and the bundle is checked for what the platform loads.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const pcf = `${root}pcf`;
const bundle = `${root}out/controls/HandoffTranscript/bundle.js`;
const MAX_BUNDLE_BYTES = 5 * 1024 * 1024; // the platform refuses larger bundles
const MAX_GZIP_BYTES = 25 * 1024; // PRODUCT.md §9: React and Fluent come from the platform

// The icons' SVG paths, generated from Fluent's MDL2 icon package before the build bundles them.
createRequire(import.meta.url)("./icon-paths.cjs").writeIconPaths();

const run = spawnSync(
  process.execPath,
  [`${root}node_modules/pcf-scripts/bin/pcf-scripts.js`, "build", "--buildMode", "production"],
  {
    cwd: pcf,
    encoding: "utf8",
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true", FORCE_COLOR: "0" },
  },
);
const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const log = `${run.stdout}${run.stderr}`.replace(ansiColour, "");
const problems = [];
const gzipped = existsSync(bundle) ? gzipSync(readFileSync(bundle)).length : 0;
if (run.status !== 0) problems.push(`pcf-scripts exited with ${run.status}`);
if (!/\[build\] Succeeded/.test(log)) problems.push("the log does not say [build] Succeeded");
if (!existsSync(bundle)) problems.push(`no bundle at ${bundle}`);
else {
  if (!readFileSync(bundle, "utf8").includes("registerControl('E2C.HandoffTranscript'")) {
    problems.push("the bundle does not register E2C.HandoffTranscript");
  }
  if (statSync(bundle).size > MAX_BUNDLE_BYTES) problems.push("the bundle is over the platform's 5 MB limit");
  if (gzipped > MAX_GZIP_BYTES) {
    problems.push(`the bundle is ${gzipped} bytes gzipped, over its budget of ${MAX_GZIP_BYTES} (PRODUCT.md §9)`);
  }
}
if (problems.length > 0) {
  console.log(
    log
      .split("\n")
      .filter((l) => /error|fail|warn/i.test(l))
      .join("\n"),
  );
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log(
  `  built ${bundle.slice(root.length)} (${statSync(bundle).size} bytes, ${gzipped} gzipped; budget ${MAX_GZIP_BYTES})`,
);
