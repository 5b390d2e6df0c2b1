// The web resource pages' tests run in jsdom through this module rather than `@jest-environment jsdom`: Stryker's
// jest runner can only see which test covers which mutant through an environment it wraps, and it does not wrap
// an environment a docblock names. Outside `npm run mutate` the wrapper only marks the environment.
const { TestEnvironment } = require("jest-environment-jsdom");
const { mixinJestEnvironment } = require("@stryker-mutator/jest-runner");

module.exports = mixinJestEnvironment(TestEnvironment);
