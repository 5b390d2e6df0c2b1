// The e2c binary runs the compiled dist/: build it so binary tests exercise the current sources.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = function buildCli() {
  const root = path.join(__dirname, "..");
  // The control's icon paths, generated from the icon package (scripts/build-control.mjs does it too).
  require("../scripts/icon-paths.cjs").writeIconPaths();
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
