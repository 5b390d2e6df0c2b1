// One bench group, run by `npm run bench` in a process of its own: `node test/bench/group.mjs NAME.bench.mjs` runs
// that file and prints its rows, judged (measure.cjs), as one JSON line at the end of standard output.
import { describeRow } from "./measure.cjs";

const file = process.argv[2];
if (!file?.endsWith(".bench.mjs")) {
  console.error("usage: node test/bench/group.mjs NAME.bench.mjs");
  process.exit(2);
}
const { default: run } = await import(new URL(file, import.meta.url));
const rows = (await run()).map(describeRow);
// Exit once written: a handle a bench left open (a keep-alive socket) must not keep the run waiting.
process.stdout.write(`\n${JSON.stringify(rows)}\n`, () => process.exit(0));
