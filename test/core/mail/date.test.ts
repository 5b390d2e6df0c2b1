import { parseMailDate, sentTime } from "../../../core/mail/date";

const iso = (d: Date | null): string | null => d && d.toISOString();
const NOW = new Date("2026-11-27T12:00:00Z");

describe("an email's Date: header is read as RFC 5322 writes it", () => {
  test.each([
    ["Tue, 3 Mar 2026 09:15:02 +0000", "2026-03-03T09:15:02.000Z"],
    ["3 Mar 2026 10:15 +0100", "2026-03-03T09:15:00.000Z"],
    ["Tue, 03 Mar 2026 04:15:02 EST", "2026-03-03T09:15:02.000Z"],
    ["Tue, 3 Mar 2026 09:15:02 GMT (Coordinated Universal Time)", "2026-03-03T09:15:02.000Z"],
    ["Tue, 3 Mar 26 09:15:02 +0000", "2026-03-03T09:15:02.000Z"],
    ["Wed, 3 Mar 99 09:15:02 +0000", "1999-03-03T09:15:02.000Z"],
    ["Tue Mar  3 09:15:02 2026", "2026-03-03T09:15:02.000Z"],
    ["2026-03-03T09:15:02Z", "2026-03-03T09:15:02.000Z"],
  ])("%s", (value, expected) => {
    expect(iso(parseMailDate(value))).toBe(expected);
  });

  test("a time without a zone is UTC, whatever the machine's time zone", () => {
    expect(iso(parseMailDate("Tue, 3 Mar 2026 09:15:02"))).toBe("2026-03-03T09:15:02.000Z");
  });

  test.each([
    "Sat, 31 Feb 3609 25:99:00",
    "yesterday",
    "",
    "Tue, 3 Foo 2026 09:15:02 +0000",
    "31 Feb 2026 10:00 +0000",
  ])("%j is no date", (value) => {
    expect(parseMailDate(value)).toBeNull();
  });
});

describe("the time a message is placed at", () => {
  test("a date before 1990 is warned about and replaced by the Received: time", () => {
    const t = sentTime("Thu, 1 Jan 1970 00:00:00 +0000", ["from a by b; Tue, 3 Mar 2026 09:15:02 +0000"], NOW);
    expect(iso(t.date)).toBe("2026-03-03T09:15:02.000Z");
    expect(t.warnings).toEqual([expect.stringContaining("is before 1990; used the time it was received")]);
  });

  test("a plausible Date: is used as it is, without a word", () => {
    expect(sentTime("Tue, 3 Mar 2026 09:15:02 +0000", [], NOW)).toEqual({
      date: new Date("2026-03-03T09:15:02Z"),
      warnings: [],
    });
  });

  test("nothing to go by: the time is unknown", () => {
    expect(sentTime(undefined, ["from a by b"], NOW).date).toBeNull();
  });
});
