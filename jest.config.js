/**
 * Two projects: the Node side (core, command line, examples) and the control, whose tests run in jsdom with the
 * control's own tsconfig (DOM, JSX). Browser tests (test/e2e) and benchmarks (test/bench) are not jest tests.
 */
const ignore = ["/node_modules/", "<rootDir>/test/e2e/", "<rootDir>/test/bench/"];
// The browser project runs the real production bundle in headless Chromium; scripts/test.mjs leaves it out, loudly,
// where Chromium is missing.

module.exports = {
  globalSetup: "<rootDir>/test/global-setup.js",
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: [...ignore, "<rootDir>/test/pcf/"],
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
    },
    {
      displayName: "control",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test/pcf"],
      testMatch: ["**/*.test.ts?(x)"],
      testPathIgnorePatterns: ignore,
      setupFilesAfterEnv: ["<rootDir>/test/pcf/setup.ts"],
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "test/pcf/tsconfig.json", diagnostics: false }] },
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.e2e.ts"],
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "test/e2e/tsconfig.json", diagnostics: false }] },
    },
  ],
};
