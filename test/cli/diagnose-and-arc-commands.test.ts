import { exampleScenarioJson } from "../fixtures/scenarios";
import { e2c } from "./fake-io";

const scenarioFile = (change: (j: any) => void = () => undefined) => {
  const j = exampleScenarioJson();
  change(j);
  return { "s.json": JSON.stringify(j) };
};

describe("e2c diagnose", () => {
  test("--json prints e2c-diagnosis/1 and exits 0 when a case is created", () => {
    const r = e2c(["diagnose", "s.json", "--json"], scenarioFile());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: "e2c-diagnosis/1", verdict: { caseCreated: true } });
  });

  test("exits 0 when it ran, whatever the verdict", () => {
    const r = e2c(
      ["diagnose", "s.json", "--json"],
      scenarioFile((j) => (j.email.from = "who@example.com")),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verdict.caseCreated).toBe(false);
  });

  test("the readable report shows each stage, the reason, what to do and the verdict", () => {
    const r = e2c(
      ["diagnose", "s.json"],
      scenarioFile((j) => (j.email.from = "who@example.com")),
    );
    expect(r.stdout).toContain("[ok  ] Mailbox sync: passed");
    expect(r.stdout).toContain("[STOP] Record creation rule: stopped");
    expect(r.stdout).toContain("unknown-sender (Activity monitor reason 7): Email is coming from an unknown sender.");
    expect(r.stdout).toContain("What to do: ");
    expect(r.stdout).toContain("\nVerdict: No case: stopped at record creation rule (unknown-sender).");
  });

  test("a failed stage is marked FAIL and later stages as not reached", () => {
    const r = e2c(
      ["diagnose", "s.json"],
      scenarioFile((j) => (j.email.processingFailure = "plugin")),
    );
    expect(r.stdout).toContain("[FAIL] Tracking and correlation: failed");
    expect(r.stdout).toContain("[ -- ] Queue item: not-reached");
  });

  test("an invalid scenario exits 2, names the file and the field, and points to the format", () => {
    const r = e2c(
      ["diagnose", "s.json"],
      scenarioFile((j) => (j.rules[0].allowUnknownSenders = true)),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "e2c: s.json: rules[0].allowUnknownSenders: is not a field of this format (check its spelling)\n" +
        "e2c: The scenario format is described in docs/scenario-format.md.\n",
    );
  });
});

describe("e2c arc validate", () => {
  const goodRule = {
    id: "r1",
    name: "Support",
    queueId: "support",
    state: "active",
    allowUnknownSender: true,
    items: [{ name: "Any", matches: "any" }],
  };

  test("a rule without errors exits 0 and shows the outcome table", () => {
    const r = e2c(["arc", "validate", "r.json"], { "r.json": JSON.stringify(goodRule) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Findings: 0 error(s), 0 warning(s), 0 note(s)");
    expect(r.stdout).toMatch(/Email from an unknown sender +case created \(customer: contact\); contact created/);
  });

  test("an error-severity finding exits 1", () => {
    const r = e2c(["arc", "validate", "r.json"], {
      "r.json": JSON.stringify({ ...goodRule, sendAutomaticResponse: true }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ERROR   auto-response-without-template [responsetemplateid]");
  });

  test("warnings alone exit 0", () => {
    expect(e2c(["arc", "validate", "r.json"], { "r.json": JSON.stringify({ ...goodRule, state: "draft" }) }).code).toBe(
      0,
    );
  });

  test("--json prints findings and the outcome table", () => {
    const r = e2c(["arc", "validate", "r.json", "--json"], {
      "r.json": JSON.stringify({ rule: goodRule, expectBccOrDistributionGroup: true }),
    });
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["format", "rule", "findings", "outcomeTable"]);
    expect(json.format).toBe("e2c-rule-check/1");
    expect(json.outcomeTable[0]).toMatchObject({ id: "unknown-sender", caseCreated: true, contactCreated: true });
  });

  test("the queue given with the rule adds its findings", () => {
    const file = { rule: goodRule, queue: { id: "support", name: "Support", emailAddress: null } };
    const r = e2c(["arc", "validate", "r.json", "--json"], { "r.json": JSON.stringify(file) });
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain("queue-no-email-address");
  });

  test("an invalid rule exits 2 and names the field", () => {
    const r = e2c(["arc", "validate", "r.json"], { "r.json": JSON.stringify({ ...goodRule, state: "enabled" }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^e2c: r\.json: rule\.state: /);
  });
});

describe("e2c", () => {
  test("with no command prints the usage and exits 2", () => {
    const r = e2c([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c diagnose SCENARIO.json");
  });

  test("--help prints the usage and exits 0", () => {
    expect(e2c(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("e2c arc validate RULE.json") });
  });

  test("an unknown command exits 2", () => {
    expect(e2c(["diagnoze"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'e2c: unknown command "diagnoze"; run e2c --help\n',
    });
  });

  test("--version prints the package version", () => {
    expect(e2c(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("e2c arc validate with a Dataverse convertrule record", () => {
  test("reads the logical names and validates the rule", () => {
    const record = {
      convertruleid: "r9",
      name: "From Dataverse",
      statecode: 1,
      _queueid_value: "q",
      allowunknownsender: true,
      checkactiveentitlement: true,
      items: [{ name: "Any", matches: "any" }],
    };
    const r = e2c(["arc", "validate", "r.json", "--json"], { "r.json": JSON.stringify(record) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain("unknown-senders-never-entitled");
  });

  test("a bad column value exits 2 and names it", () => {
    const r = e2c(["arc", "validate", "r.json"], { "r.json": JSON.stringify({ rule: { statecode: 7 } }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^e2c: r\.json: rule\.statecode: /);
  });
});
