// The e2c binary runs the compiled dist/: build it so binary tests exercise the current sources.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = function buildCli() {
  const root = path.join(__dirname, "..");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
};
