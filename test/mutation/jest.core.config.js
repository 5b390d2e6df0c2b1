/**
 * The quick run of core/ alone (test/mutation/stryker.core.json): core/ against its own tests, test/core. Stryker
 * runs, for each mutant, only the test files that import the mutated file (jest's --findRelatedTests), which jest
 * can follow only through files under its roots: hence core/ and test/fixtures among them. Tests that reach core/
 * through the connector, the emulator or the command line are left out, since --findRelatedTests cannot follow them
 * there and Stryker would count a mutant only they cover as survived; the whole run (stryker.node.json) has them.
 */
// Stryker reruns the property tests for every mutant they cover: there they try a tenth of their cases (npm test, all).
process.env.E2C_PROPERTY_RUNS_PERCENT = "10";

const node = require("../../jest.config.js").projects.find((p) => p.displayName === "node");

module.exports = {
  ...node,
  rootDir: "../..",
  roots: ["<rootDir>/test/core", "<rootDir>/test/fixtures", "<rootDir>/core"],
};
