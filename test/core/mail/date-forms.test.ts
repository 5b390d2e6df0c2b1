import { parseMailDate } from "../../../core/mail/date";

const iso = (d: Date | null): string | null => d && d.toISOString();

describe("comments in a Date: header are not part of the date (RFC 5322 §3.2.2)", () => {
  test.each([
    ["a comment between the date and the time", "Tue, 3 Mar 2026 (Tuesday) 09:15:02 +0000", "2026-03-03T09:15:02.000Z"],
    ["a comment before the zone", "Tue, 3 Mar 2026 09:15:02 (local) +0100", "2026-03-03T08:15:02.000Z"],
    ["a nested comment", "Tue, 3 Mar 2026 09:15:02 (a (nested) comment) +0100", "2026-03-03T08:15:02.000Z"],
    ["an escaped parenthesis inside a comment", "Tue, 3 Mar 2026 09:15:02 (a \\) b) +0100", "2026-03-03T08:15:02.000Z"],
    ["a comment standing for the space", "Tue, 3 Mar 2026(x)09:15 +0000", "2026-03-03T09:15:00.000Z"],
    ["several spaces where one is written", "Tue, 3 Mar 2026  09:15:02 +0000", "2026-03-03T09:15:02.000Z"],
  ])("%s: %s", (_what, value, expected) => {
    expect(iso(parseMailDate(value))).toBe(expected);
  });

  test("a backslash outside a comment escapes nothing", () => {
    expect(parseMailDate("\\(3 Mar 2026 09:15 +0000 )")).toBeNull();
  });
});

describe("zones", () => {
  test.each([
    ["3 Mar 2026 10:45 +0130", "2026-03-03T09:15:00.000Z"],
    ["3 Mar 2026 04:15 -0500", "2026-03-03T09:15:00.000Z"],
    ["3 Mar 2026 10:14 +0059", "2026-03-03T09:15:00.000Z"],
    ["Tue Mar  3 04:15:02 -0500 2026", "2026-03-03T09:15:02.000Z"],
    ["2026-03-03T11:15:02+02:00", "2026-03-03T09:15:02.000Z"],
  ])("%s", (value, expected) => {
    expect(iso(parseMailDate(value))).toBe(expected);
  });

  test.each(["Tue, 3 Mar 2026 09:15:02 A", "Tue, 3 Mar 2026 09:15:02 XYZ"])(
    "%s: a military letter or unknown name carries no zone information, read as UTC (§4.3)",
    (value) => {
      expect(iso(parseMailDate(value))).toBe("2026-03-03T09:15:02.000Z");
    },
  );

  test.each(["3 Mar 2026 10:15 +0060", "Tue Mar  3 09:15:02 +0060 2026", "2026-03-03T09:15:02+00:60"])(
    "%s: an offset with 60 minutes is no zone, so no date",
    (value) => {
      expect(parseMailDate(value)).toBeNull();
    },
  );
});

describe("obsolete years (RFC 5322 §4.3)", () => {
  test.each([
    ["3 Mar 49 09:15 +0000", "2049-03-03T09:15:00.000Z"],
    ["3 Mar 50 09:15 +0000", "1950-03-03T09:15:00.000Z"],
    ["3 Mar 126 09:15 +0000", "2026-03-03T09:15:00.000Z"],
  ])("%s", (value, expected) => {
    expect(iso(parseMailDate(value))).toBe(expected);
  });
});

describe("the edges of the calendar and the clock", () => {
  test.each([
    ["the last month", "3 Dec 2026 09:15 +0000", "2026-12-03T09:15:00.000Z"],
    ["the last hour", "3 Mar 2026 23:15 +0000", "2026-03-03T23:15:00.000Z"],
    ["the last minute", "3 Mar 2026 09:59 +0000", "2026-03-03T09:59:00.000Z"],
    ["a leap second, read as the second before", "31 Dec 2016 23:59:60 +0000", "2016-12-31T23:59:59.000Z"],
  ])("%s: %s", (_what, value, expected) => {
    expect(iso(parseMailDate(value))).toBe(expected);
  });

  test.each([
    "3 Mar 2026 24:00 +0000",
    "3 Mar 2026 09:60 +0000",
    "3 Mar 2026 09:15:61 +0000",
    "0 Mar 2026 09:15 +0000",
    "2026-13-03T09:15:02Z",
    "2026-00-03T09:15:02Z",
    "3 Mar 2026 09:15:30)",
  ])("%s is no date", (value) => {
    expect(parseMailDate(value)).toBeNull();
  });
});
