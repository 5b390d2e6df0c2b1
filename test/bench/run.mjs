// `npm run bench`: runs every test/bench/*.bench.mjs and prints each measure against its budget (PRODUCT.md §9).
import { readdirSync } from "node:fs";

const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort();
let over = 0;
for (const file of files) {
  console.log(`\n${file.replace(/\.bench\.mjs$/, "")}`);
  const { default: run } = await import(new URL(file, import.meta.url));
  for (const row of await run()) {
    const verdict = row.ok === undefined ? "" : row.ok ? "  within budget" : "  OVER BUDGET";
    if (row.ok === false) over++;
    console.log(`  ${row.name.padEnd(36)} ${row.value}${row.budget ? `   (budget ${row.budget})${verdict}` : ""}`);
  }
}
console.log(over === 0 ? "\nAll measures within budget." : `\n${over} measure(s) over budget.`);
process.exitCode = over === 0 ? 0 : 1;
