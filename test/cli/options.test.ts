/**
 * A wrong option says in plain words what is wrong and what is allowed, never Node's parseArgs text; exit 2.
 */
import { join } from "node:path";
import { exampleHandoff } from "../fixtures/handoffs";
import { e2c, e2cAsync } from "./fake-io";

const scenario = join(__dirname, "..", "..", "examples", "scenarios", "08-bcc-only.json");
const handoff = { "h.json": JSON.stringify(exampleHandoff()) };

test("a misspelt option is named, with the option meant: e2c diagnose … --jsn", () => {
  const r = e2c(["diagnose", scenario, "--jsn"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("e2c: unknown option --jsn; did you mean --json? (see e2c diagnose --help)\n");
});

test("a misspelt option of a command's own: e2c handoff --dryrun", async () => {
  const r = await e2cAsync(["handoff", "--dryrun", "h.json"], handoff);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("e2c: unknown option --dryrun; did you mean --dry-run? (see e2c handoff --help)\n");
});

test("an option like no other lists the command's options", async () => {
  const r = await e2cAsync(["doctor", "--xyzzy"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    "e2c: unknown option --xyzzy; e2c doctor takes --json, --help, --config, --emails, --url (see e2c doctor --help)\n",
  );
});

test("a negative number is judged by the option, with the range allowed: doctor --emails -3", async () => {
  const r = await e2cAsync(["doctor", "--emails", "-3"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('e2c: --emails: must be a number of emails from 0 to 5000, not "-3"\n');
});

test("zero where at least one is needed says the range: transcript write --max-length 0", () => {
  const r = e2c(["transcript", "write", "h.json", "--max-length", "0"], handoff);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('e2c: --max-length: must be a number of characters from 1 to 1048576, not "0"\n');
});

test("a length too short for the transcript's header says the least that fits", () => {
  const r = e2c(["transcript", "write", "h.json", "--max-length", "20"], handoff);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /^e2c: --max-length: must be at least (\d+) for this handoff, whose transcript header alone is \1 characters, not "20"\n$/,
  );
});

test("a port out of range: emulator --port -1", async () => {
  const r = await e2cAsync(["emulator", "--port", "-1"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('e2c: --port: must be a port number from 0 to 65535, not "-1"\n');
});

test("an option that needs a value and has none", async () => {
  const r = await e2cAsync(["doctor", "--config"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("e2c: --config needs a value: --config VALUE (see e2c doctor --help)\n");
});

test("a switch given a value", () => {
  const r = e2c(["diagnose", scenario, "--json=yes"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("e2c: --json takes no value: write --json alone, not --json=yes (see e2c diagnose --help)\n");
});

describe("a value outside a choice lists the values allowed", () => {
  const validate = (value: unknown) => e2c(["arc", "validate", "rule.json"], { "rule.json": JSON.stringify(value) });

  test('arc validate with "statecode":"draft" names Draft and Active with their values', () => {
    const r = validate({ name: "R", statecode: "draft", allowunknownsender: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: rule\.statecode: must be 0 \(Draft\) or 1 \(Active\), not "draft"\n$/);
  });

  test("a scenario-shape rule's state and sender resolution list theirs", () => {
    const r = validate({ id: "r", state: "live", senderResolution: "flow" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule.state: must be "active" or "draft", not "live"');
    expect(r.stderr).toContain('rule.senderResolution: must be "createContact" or "powerAutomate", not "flow"');
  });

  test("a rule item's condition lists the kinds of value it takes", () => {
    const r = validate({ id: "r", items: [{ name: "i", matches: 5 }] });
    expect(r.stderr).toContain('rule.items[0].matches: must be "any", "none" or an object, not 5');
  });
});

test("no option error is parseArgs' own text", async () => {
  const runs = [
    e2c(["diagnose", scenario, "--jsn"]),
    await e2cAsync(["doctor", "--emails", "-3"]),
    e2c(["transcript", "write", "h.json", "--max-length", "0"], handoff),
    e2c(["arc", "validate", "-x"]),
  ];
  for (const r of runs) expect(r.stderr).not.toMatch(/ambiguous|positional argument|ERR_PARSE_ARGS|To specify/);
});
