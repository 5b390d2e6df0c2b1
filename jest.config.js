/** Unit tests live under test/ and mirror the source tree. Browser tests (test/e2e) and benchmarks (test/bench) are not unit tests. */
module.exports = {
  testEnvironment: "node",
  globalSetup: "<rootDir>/test/global-setup.js",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/bench/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
};
