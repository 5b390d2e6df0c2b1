/**
 * `npm run mutate`, the control: its jsdom tests, run against each mutant of its components and view model.
 * Stryker runs, for each mutant, only the test files that import the mutated file (jest's --findRelatedTests), which
 * jest can follow only through files under its roots: hence the control's sources, the core/transcript modules they
 * import and the shared test fixtures among them.
 */
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
};
