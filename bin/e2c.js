#!/usr/bin/env node
"use strict";
// The e2c command runs the compiled TypeScript in dist/ (built by `npm ci` through the prepare script).
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "plugins-js", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("e2c: the command is not built yet: run `npm run build:cli` (npm ci does it for you).\n");
  process.exit(2);
}
Promise.resolve(require(entry).run(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
