import { EXAMPLE_TRANSCRIPT, exampleHandoff, handoffWithMessages } from "../fixtures/handoffs";
import { e2c } from "./fake-io";

describe("e2c transcript parse", () => {
  test("--json prints the parser output of PRODUCT.md §4", () => {
    const r = e2c(["transcript", "parse", "case.txt", "--json"], { "case.txt": EXAMPLE_TRANSCRIPT });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["format", "header", "messages", "truncated", "totalMessages"]);
    expect(json.messages[1].role).toBe("ai");
  });

  test("reads standard input for - and when no file is named", () => {
    expect(JSON.parse(e2c(["transcript", "parse", "-", "--json"], {}, EXAMPLE_TRANSCRIPT).stdout).totalMessages).toBe(
      2,
    );
    expect(JSON.parse(e2c(["transcript", "parse", "--json"], {}, EXAMPLE_TRANSCRIPT).stdout).totalMessages).toBe(2);
  });

  test("without --json prints a readable summary", () => {
    const r = e2c(["transcript", "parse", "case.txt"], { "case.txt": EXAMPLE_TRANSCRIPT });
    expect(r.stdout).toContain("Format: e2c-transcript/1\n");
    expect(r.stdout).toContain("Classification: Billing\n");
    expect(r.stdout).toMatch(/1\. 2026-11-20T09:14:03Z {2}Jane Doe \(customer\) {2}"Charged twice for November"/);
  });

  test("a truncated description is reported as such, naming the note", () => {
    const r = e2c(["transcript", "parse", "case.txt"], { "case.txt": EXAMPLE_TRANSCRIPT.replace(/\n--- End.*$/, "") });
    expect(r.stdout).toContain('truncated: the full transcript is in the note "Handoff transcript"');
  });

  test("text that is not a transcript is raw, with exit 0", () => {
    const r = e2c(["transcript", "parse", "note.txt", "--json"], { "note.txt": "Call back after 3 pm." });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: "raw", text: "Call back after 3 pm." });
  });

  test("a missing file exits 2 and names it, without a stack trace", () => {
    const r = e2c(["transcript", "parse", "nope.txt"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "e2c: nope.txt: no such file: check the path\n" });
  });

  test("input that is not UTF-8 exits 2", () => {
    const r = e2c(["transcript", "parse", "bin.dat"], { "bin.dat": Buffer.from([0xff, 0xfe, 0x00, 0xc3]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bin.dat: is not UTF-8 text");
  });

  test("an unknown option exits 2 and points to --help", () => {
    const r = e2c(["transcript", "parse", "--jsn"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("e2c: unknown option --jsn; did you mean --json? (see e2c transcript parse --help)\n");
  });
});

describe("e2c transcript write", () => {
  test("prints the transcript the connector would write", () => {
    const r = e2c(["transcript", "write", "h.json"], { "h.json": JSON.stringify(exampleHandoff()) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${EXAMPLE_TRANSCRIPT}\n`);
  });

  test("cuts at the description's 2,000 characters and says where the rest goes", () => {
    const r = e2c(["transcript", "write", "h.json"], { "h.json": JSON.stringify(handoffWithMessages(100)) });
    expect(r.stdout.length).toBeLessThanOrEqual(2001);
    expect(r.stderr).toContain('the full transcript in the note "Handoff transcript"');
  });

  test("--full writes every message; --max-length sets the column's length", () => {
    const files = { "h.json": JSON.stringify(handoffWithMessages(100)) };
    expect(e2c(["transcript", "write", "h.json", "--full"], files).stdout).toContain(
      "--- End of transcript (100 messages) ---",
    );
    expect(e2c(["transcript", "write", "h.json", "--max-length", "600"], files).stdout.length).toBeLessThanOrEqual(601);
  });

  test("a bad --max-length exits 2", () => {
    const r = e2c(["transcript", "write", "h.json", "--max-length", "lots"], {
      "h.json": JSON.stringify(exampleHandoff()),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('e2c: --max-length: must be a number of characters from 1 to 1048576, not "lots"\n');
  });

  test("an invalid handoff exits 2 and names every field at once", () => {
    const bad = { ...exampleHandoff(), classification: 7, customer: { email: "nope" } };
    const r = e2c(["transcript", "write", "h.json"], { "h.json": JSON.stringify(bad) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'e2c: h.json: classification: must be text, not number\ne2c: h.json: customer.email: is not an email address: "nope"\n',
    );
  });

  test("a file that is not JSON exits 2 with the line and column", () => {
    const r = e2c(["transcript", "write", "h.json"], { "h.json": '{\n  "handoffId": "x",\n  oops\n}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^e2c: h\.json: is not valid JSON at line 3, column 3/);
  });

  test("no file named exits 2", () => {
    expect(e2c(["transcript", "write"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "e2c: name the handoff file to read\n",
    });
  });
});
