// Reading email (issue 19): median time to turn one .eml of test/fixtures/eml into a handoff, in a process that is
// already running (Node start-up excluded). Measured and reported, never asserted in npm test.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { handoffFromMail } = require("../../dist/plugins-js/connector/mail-input.js");

const dir = new URL("../fixtures/eml/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".eml"));

export default async function run() {
  const raws = files.map((f) => readFileSync(new URL(f, dir)));
  const options = { classification: "Support", sentiment: "Negative" };
  for (const raw of raws) await handoffFromMail(raw, options); // warm-up: modules loaded, code compiled
  const samples = [];
  for (let round = 0; round < 20; round++) {
    for (const raw of raws) {
      const start = process.hrtime.bigint();
      await handoffFromMail(raw, options);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  return [{ name: `.eml read (median of ${files.length} files)`, value: `${median.toFixed(2)} ms per message` }];
}
