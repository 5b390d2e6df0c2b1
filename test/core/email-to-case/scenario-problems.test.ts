/** What `e2c diagnose` says about a scenario file it cannot read: the field, and what it must be. */
import { formatPath, parseScenario } from "../../../core/email-to-case/scenario";
import { exampleScenarioJson } from "../../fixtures/scenarios";

function problems(change: (json: any) => void) {
  const json = exampleScenarioJson();
  change(json);
  const result = parseScenario(json);
  return result.ok ? [] : result.problems;
}

test("a field's path is written as in JavaScript, and the whole file is the root", () => {
  expect(formatPath(["rules", 0, "items", 1, "matches"])).toBe("rules[0].items[1].matches");
  expect(formatPath([])).toBe("(root)");
  expect(parseScenario(42)).toEqual({
    ok: false,
    problems: [{ field: "(root)", message: "expected object, received number" }],
  });
});

describe("a value outside a choice names the values allowed, and the value given", () => {
  test.each([
    [(j: any) => (j.format = "e2c-scenario/2"), "format", 'must be "e2c-scenario/1", not "e2c-scenario/2"'],
    [(j: any) => (j.rules[0].state = "on"), "rules[0].state", 'must be "active" or "draft", not "on"'],
    [
      (j: any) => (j.rules[0].senderResolution = true),
      "rules[0].senderResolution",
      'must be "createContact" or "powerAutomate", not true',
    ],
    [
      (j: any) => (j.queues[0].mailbox.incomingEmailDeliveryMethod = 7),
      "queues[0].mailbox.incomingEmailDeliveryMethod",
      "must be 0, 1, 2 or 3, not 7",
    ],
    [
      (j: any) => (j.queues[0].incomingEmailFilteringMethod = null),
      "queues[0].incomingEmailFilteringMethod",
      "must be 0, 1, 2, 3 or 4, not null",
    ],
    [
      (j: any) => (j.rules[0].items[0].matches = 5),
      "rules[0].items[0].matches",
      'must be "any", "none" or an object, not 5',
    ],
  ])("%#: %s", (change, field, message) => {
    expect(problems(change)).toEqual([{ field, message }]);
  });

  test("a given text of up to 60 characters is repeated back; a longer one, or an object, is not", () => {
    const at = "queues[0].incomingEmailFilteringMethod";
    expect(problems((j) => (j.queues[0].incomingEmailFilteringMethod = "x".repeat(60)))).toEqual([
      { field: at, message: `must be 0, 1, 2, 3 or 4, not "${"x".repeat(60)}"` },
    ]);
    expect(problems((j) => (j.queues[0].incomingEmailFilteringMethod = "x".repeat(61)))).toEqual([
      { field: at, message: "must be 0, 1, 2, 3 or 4" },
    ]);
    expect(problems((j) => (j.queues[0].incomingEmailFilteringMethod = { secret: "s3cr3t" }))).toEqual([
      { field: at, message: "must be 0, 1, 2, 3 or 4" },
    ]);
  });
});

test("a value of the wrong type says which type was expected", () => {
  expect(problems((j) => (j.rules[0].allowUnknownSender = "yes"))).toEqual([
    { field: "rules[0].allowUnknownSender", message: "expected boolean, received string" },
  ]);
});
