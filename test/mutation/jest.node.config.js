/**
 * `npm run mutate`, Node side: the jest tests of core/ and of the web resources' sources, run against each mutant.
 * One project per Stryker run (Stryker's jest runner gives every project of a multi-project config the first one's
 * environment). Tests that run the compiled dist/ or built bundles cannot see a mutant and are left out.
 */
const node = require("../../jest.config.js").projects.find((p) => p.displayName === "node");

module.exports = {
  ...node,
  rootDir: "../..",
  roots: ["<rootDir>/test/core", "<rootDir>/test/webresources"],
  testPathIgnorePatterns: [...node.testPathIgnorePatterns, "<rootDir>/test/webresources/bundles.test.ts"],
};
