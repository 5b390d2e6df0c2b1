/**
 * PRODUCT.md §4 rule 3: which bracketed timestamps start a message and which dates exist. The writer's own form is
 * read by a fast path; these lines sit just beside it.
 */
import { parseTranscript } from "../../../core/transcript/parse";

/** The messages of a transcript whose body is `lines`, after a first message by Sam. */
function messagesOf(...lines: string[]) {
  const text = `Channel: email\n\n--- Transcript ---\n[2026-11-20T09:00:00Z] Sam (agent)\nhello\n${lines.join("\n")}\n\n--- End of transcript (2 messages) ---`;
  return parseTranscript(text).messages;
}

describe("a line almost in the writer's form is body text", () => {
  test.each([
    ["no T between date and time", "[2026-11-20X09:14:03Z] Jane (customer)"],
    ["a dash for a colon in the time", "[2026-11-20T09-14:03Z] Jane (customer)"],
    ["a slash for a dash in the date", "[2026/11-20T09:14:03Z] Jane (customer)"],
    ["a letter for a digit", "[2026-11-2aT09:14:03Z] Jane (customer)"],
    ["a sign and no zone", "[2026-11-20T09:14:03+] Jane (customer)"],
    ["no closing bracket", "[2026-11-20T09:14:03Z Jane (customer)"],
  ])("%s", (_, line) => {
    const messages = messagesOf(line, "body");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toBe(`hello\n${line}\nbody`);
  });
});

describe("the writer's form with dates at the edges of the calendar", () => {
  test.each([
    ["2024-02-29T23:59:59Z", "its own: 2024 is a leap year", "2024-02-29T23:59:59Z"],
    ["2000-02-29T00:00:00Z", "its own: 2000 is a leap year", "2000-02-29T00:00:00Z"],
    ["2026-12-31T23:59:59Z", "its own: the last second of a year", "2026-12-31T23:59:59Z"],
    ["2026-01-01T00:00:00Z", "its own: the first second of a year", "2026-01-01T00:00:00Z"],
    ["2023-02-29T09:14:03Z", "none: 2023 is no leap year", null],
    ["1900-02-29T09:14:03Z", "none: 1900 is no leap year", null],
    ["2026-04-31T09:14:03Z", "none: April has 30 days", null],
    ["2026-00-10T09:14:03Z", "none: no month 0", null],
    ["2026-11-00T09:14:03Z", "none: no day 0", null],
    ["2026-11-20T23:60:00Z", "none: no minute 60", null],
    ["2026-11-20T23:59:60Z", "none: no second 60", null],
  ])("[%s] starts a message; its time is %s", (stamp, _, expected) => {
    const messages = messagesOf(`[${stamp}] Jane <jane@contoso.com> (customer)`, "body");
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({
      timestamp: expected,
      sender: { name: "Jane" },
      role: "customer",
      body: "body",
    });
  });

  test("a message line with no space after the bracket still starts a message", () => {
    const messages = messagesOf("[2026-11-20T09:14:03Z]Jane (customer)", "body");
    expect(messages[1]).toMatchObject({
      timestamp: "2026-11-20T09:14:03Z",
      sender: { name: "Jane" },
      role: "customer",
    });
  });
});

describe("the writer's form is read from its own line, never from the line above", () => {
  // Each character here sits as far above the next line's start as the writer's form puts "]", "Z", "T", "-" and
  // ":" after it.
  const marksAbove = "x]Zxx:xx:xxTxx-xx-xxx";
  test.each([
    ["no closing bracket", "[2026-11-20T09:14:03Zx Jane (customer)"],
    ["no Z", "[2026-11-20T09:14:03x] Jane (customer)"],
    ["no T", "[2026-11-20x09:14:03Z] Jane (customer)"],
    ["no dash after the year", "[2026x11-20T09:14:03Z] Jane (customer)"],
    ["no dash after the month", "[2026-11x20T09:14:03Z] Jane (customer)"],
    ["no colon after the hour", "[2026-11-20T09x14:03Z] Jane (customer)"],
    ["no colon after the minutes", "[2026-11-20T09:14x03Z] Jane (customer)"],
  ])("a line with %s is body text", (_, line) => {
    const messages = messagesOf(marksAbove, line);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toBe(`hello\n${marksAbove}\n${line}`);
  });

  test("digits above a line are not its date: 29 February 2024 stays a date", () => {
    // Nines as far above the line's start as the year, month, day, hour, minute and second come after it.
    const ninesAbove = "xxxx99x99x99x99x99x99";
    const messages = messagesOf(ninesAbove, "[2024-02-29T09:14:03Z] Jane (customer)", "body");
    expect(messages[1]).toMatchObject({ timestamp: "2024-02-29T09:14:03Z", sender: { name: "Jane" }, body: "body" });
  });
});
