/** `npm run mutate`, the control: its jsdom tests, run against each mutant of its components and view model. */
const control = require("../../jest.config.js").projects.find((p) => p.displayName === "control");

module.exports = { ...control, rootDir: "../.." };
