/**
 * Stryker's buildCommand for the control's run (stryker.control.json), in the sandbox before the first test run:
 * the icon paths the control imports (generated, not in git; `npm run mutate` also writes them in the working tree
 * first, since the TypeScript checker compiles the control before this runs), and @fluentui/react as one CommonJS file that
 * jest.control.config.js maps the package to. Jest loads a test file's modules afresh for each file and each mutant,
 * and Fluent's thousand-odd modules were most of that (about 5 s of CPU per mutant for the ten test files that
 * draw the control, 3 s with the one file); the bundle is the same code.
 */
"use strict";
const path = require("node:path");
const { buildSync } = require("esbuild");
const { writeIconPaths } = require("../../scripts/icon-paths.cjs");
const FLUENT_BUNDLE = path.join(__dirname, "../../reports/mutation/fluent-react.cjs");
module.exports = { FLUENT_BUNDLE };

if (require.main === module) {
  writeIconPaths();
  buildSync({
    entryPoints: [require.resolve("@fluentui/react")],
    bundle: true,
    format: "cjs",
    platform: "browser",
    // One React for the control, the tests and Testing Library.
    external: ["react", "react-dom"],
    outfile: FLUENT_BUNDLE,
    logLevel: "warning",
  });
}
