/**
 * `npm run mutate`, the control: its jsdom tests, run against each mutant of its components and view model.
 * Stryker runs, for each mutant, only the test files that import the mutated file (jest's --findRelatedTests), which
 * jest can follow only through files under its roots: hence the control's sources, the core/transcript modules they
 * import and the shared test fixtures among them.
 */
const { existsSync } = require("node:fs");
const { FLUENT_BUNDLE } = require("./sandbox-build.cjs");

const control = require("../../jest.config.js").projects.find((p) => p.displayName === "control");

module.exports = {
  ...control,
  rootDir: "../..",
  roots: [
    "<rootDir>/test/pcf",
    "<rootDir>/test/fixtures",
    "<rootDir>/pcf/HandoffTranscript",
    "<rootDir>/core/transcript",
  ],
  // @fluentui/react as one file, written by sandbox-build.cjs in Stryker's sandbox; without it, the package itself.
  moduleNameMapper: existsSync(FLUENT_BUNDLE) ? { "^@fluentui/react$": FLUENT_BUNDLE } : {},
};
