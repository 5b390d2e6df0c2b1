/** The line grammar read one line at a time (PRODUCT.md §4 rules 2–4): message lines, escapes, subjects. */
import { isEscaped, readMessageLine, readSubjectLine } from "../../../core/transcript/grammar";
import { parseTranscript } from "../../../core/transcript/parse";
import { writeTranscript } from "../../../core/transcript/write";
import { exampleHandoff } from "../../fixtures/handoffs";

describe("a message line", () => {
  test("the writer's form gives its time, that it had a zone, and the sender after it", () => {
    expect(readMessageLine("[2026-11-20T09:14:03Z] Jane <jane@contoso.com> (customer)")).toEqual({
      timestamp: "2026-11-20T09:14:03Z",
      zoned: true,
      rest: "Jane <jane@contoso.com> (customer)",
    });
  });

  test("the writer's unknown time gives no time, and the sender after it", () => {
    expect(readMessageLine("[0000-00-00T00:00:00Z] Jane (customer)")).toEqual({
      timestamp: null,
      zoned: true,
      rest: "Jane (customer)",
    });
  });

  test("a time without a zone is read as UTC and said to have none", () => {
    expect(readMessageLine("2026-11-20 09:14 Jane (customer)")).toEqual({
      timestamp: "2026-11-20T09:14:00Z",
      zoned: false,
      rest: "Jane (customer)",
    });
  });

  test("a time with an offset is converted to UTC", () => {
    expect(readMessageLine("[2026-11-20T10:44:03+01:30] Jane")).toEqual({
      timestamp: "2026-11-20T09:14:03Z",
      zoned: true,
      rest: "Jane",
    });
    expect(readMessageLine("[2026-11-20 08:14 -0100] Jane")?.timestamp).toBe("2026-11-20T09:14:00Z");
  });

  test("UTC and GMT written out are UTC", () => {
    expect(readMessageLine("2026-11-20 09:14:03 UTC Jane")?.timestamp).toBe("2026-11-20T09:14:03Z");
    expect(readMessageLine("2026-11-20 09:14:03 GMT Jane")?.timestamp).toBe("2026-11-20T09:14:03Z");
  });

  test("fractions of a second are kept as milliseconds", () => {
    expect(readMessageLine("[2026-11-20T09:14:03.5Z] Jane")?.timestamp).toBe("2026-11-20T09:14:03.500Z");
    expect(readMessageLine("[2026-11-20T09:14:03,25Z] Jane")?.timestamp).toBe("2026-11-20T09:14:03.250Z");
  });

  test("a bare date may start with 0 or 9", () => {
    expect(readMessageLine("0999-12-31 23:59 UTC Jane")?.timestamp).toBe("0999-12-31T23:59:00Z");
    expect(readMessageLine("9999-12-31 23:59 UTC Jane")?.timestamp).toBe("9999-12-31T23:59:00Z");
  });

  test("a digit before the writer's form makes it no message line", () => {
    expect(readMessageLine("92026-11-20T09:14:03Z] Jane")).toBeNull();
  });

  test("a bare date with nothing after it is no message line", () => {
    expect(readMessageLine("2026-11-20 09:14")).toBeNull();
  });

  test.each([
    ["a letter for the closing bracket", "[2026-11-20T09:14:03Zx Jane"],
    ["a letter for the zone", "[2026-11-20T09:14:03x] Jane"],
    ["a letter for a tens digit", "[2026-11-a0T09:14:03Z] Jane"],
    ["a slash for a tens digit", "[2026-11-/0T09:14:03Z] Jane"],
    ["a slash for a units digit", "[2026-11-2/T09:14:03Z] Jane"],
    ["a colon for a units digit", "[2026-11-2:T09:14:03Z] Jane"],
    ["a colon for a tens digit", "[2026-11-:0T09:14:03Z] Jane"],
    ["a slash between month and day", "[2026-11/20T09:14:03Z] Jane"],
    ["a dash between minutes and seconds", "[2026-11-20T09:14-03Z] Jane"],
  ])("a line with %s is no message line", (_, line) => {
    expect(readMessageLine(line)).toBeNull();
  });

  test("a tab after the writer's bracket is a separator like a space", () => {
    expect(readMessageLine("[2026-11-20T09:14:03Z]\tJane (customer)")?.rest).toBe("Jane (customer)");
  });

  test("a zone of Z on a time without seconds gives zero seconds", () => {
    expect(readMessageLine("2026-11-20 09:14Z Jane")?.timestamp).toBe("2026-11-20T09:14:00Z");
  });

  test.each([
    ["30 February", "2026-02-30 09:14 UTC Jane"],
    ["31 April in a leap year", "2024-04-31 09:14 UTC Jane"],
    ["hour 24", "2026-11-20 24:00 UTC Jane"],
    ["minute 60", "2026-11-20 09:60 UTC Jane"],
    ["second 60", "2026-11-20 09:14:60 UTC Jane"],
    ["month 13", "2026-13-01 09:14 UTC Jane"],
  ])("a date with %s starts a message whose time is unknown", (_, line) => {
    expect(readMessageLine(line)).toEqual({ timestamp: null, zoned: true, rest: "Jane" });
  });

  test("31 April in a leap year in the writer's form is no date either", () => {
    expect(readMessageLine("[2024-04-31T09:14:03Z] Jane")?.timestamp).toBeNull();
  });

  test("the date and time are read from their own places in the line", () => {
    expect(readMessageLine("[1999-08-07T06:05:04Z] Jane")?.timestamp).toBe("1999-08-07T06:05:04Z");
  });
});

describe("lines that start with dashes", () => {
  test("a signature's dashes in a body are body text, not a separator", () => {
    const text = `--- Transcript ---\n[2026-11-20T09:14:03Z] Jane (customer)\nThanks\n-- \n--\n--- Jane ---\n\n--- End of transcript (1 messages) ---`;
    expect(parseTranscript(text).messages).toEqual([
      expect.objectContaining({ body: "Thanks\n-- \n--\n--- Jane ---" }),
    ]);
  });
});

describe("escapes and subjects", () => {
  test("a line starting with a backslash is escaped; others are not", () => {
    expect([isEscaped("\\[2026-11-20T09:14:03Z] x"), isEscaped("[note]"), isEscaped(""), isEscaped(" \\x")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  test("a body line in brackets that is no message line is written as it is", () => {
    const h = exampleHandoff();
    h.messages = [{ timestamp: "2026-11-20T09:14:03Z", from: { name: "Jane" }, role: "customer", body: "[note] x" }];
    expect(writeTranscript(h)).toContain("\n[note] x\n");
  });

  test("a subject line gives the text after the colon and one space", () => {
    expect([
      readSubjectLine("Subject: Invoice"),
      readSubjectLine("subject:Invoice"),
      readSubjectLine("Subject:"),
    ]).toEqual(["Invoice", "Invoice", ""]);
    expect(readSubjectLine("Re: Invoice")).toBeNull();
  });
});
