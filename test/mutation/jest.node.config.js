/**
 * `npm run mutate`, Node side: the jest tests that import core/ and the web resources' sources, run against each mutant.
 * One project per Stryker run (Stryker's jest runner gives every project of a multi-project config the first one's
 * environment). Tests that run the compiled dist/ or built bundles cannot see a mutant and are left out.
 */
const node = require("../../jest.config.js").projects.find((p) => p.displayName === "node");

module.exports = {
  ...node,
  rootDir: "../..",
  // Every folder whose tests import the TypeScript sources: core/ is also exercised through the connector, the
  // emulator, the webhook and the command line, and a mutant only they reach would otherwise count as uncovered.
  roots: [
    "<rootDir>/test/core",
    "<rootDir>/test/webresources",
    "<rootDir>/test/connector",
    "<rootDir>/test/emulator",
    "<rootDir>/test/webhook",
    "<rootDir>/test/cli",
  ],
  testPathIgnorePatterns: [
    ...node.testPathIgnorePatterns,
    "<rootDir>/test/webresources/bundles.test.ts",
    "<rootDir>/test/cli/binary.test.ts",
    "<rootDir>/test/cli/connector-commands.test.ts",
    "<rootDir>/test/webhook/azure-package.test.ts",
  ],
};
