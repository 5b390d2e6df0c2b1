// `npm run build` ends here: writes dist/EmailToCaseToolkit_<version>.zip (unmanaged) and …_managed.zip from
// Solution/ and the built control and web resources in out/ (PRODUCT.md §2, issue "The importable solution").
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const { packSolution } = require("../dist/plugins-js/solution/pack.js");

const { version } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
mkdirSync(`${root}dist`, { recursive: true });
try {
  for (const managed of [false, true]) {
    const packed = packSolution(root, version, managed);
    writeFileSync(`${root}dist/${packed.fileName}`, packed.zip);
    console.log(`dist/${packed.fileName}: ${packed.entries.size} entries, ${(packed.zip.length / 1024).toFixed(1)} KB`);
  }
} catch (error) {
  console.error(`build-solution: ${error.message}`);
  process.exitCode = 1;
}
