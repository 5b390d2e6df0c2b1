import { implausibility, receivedDate, sentTime } from "../../../core/mail/date";

const NOW = new Date("2026-11-27T12:00:00Z");
const RECEIVED = "from mx.example.com by mail.example.org; Tue, 3 Mar 2026 09:15:02 +0000";

describe("what a person is told about the time a message is placed at", () => {
  test("a Date: before 1990 with a Received: time: that time, and why", () => {
    expect(sentTime(" Thu, 1 Jan 1970 00:00:00 +0000 ", [RECEIVED], NOW)).toEqual({
      date: new Date("2026-03-03T09:15:02Z"),
      warnings: [
        'Date: "Thu, 1 Jan 1970 00:00:00 +0000" is before 1990; used the time it was received, 2026-03-03T09:15:02Z',
      ],
    });
  });

  test("a Date: before 1990 and no Received: time: kept as written, with a warning", () => {
    expect(sentTime("Thu, 1 Jan 1970 00:00:00 +0000", [], NOW)).toEqual({
      date: new Date("1970-01-01T00:00:00Z"),
      warnings: [
        'Date: "Thu, 1 Jan 1970 00:00:00 +0000" is before 1990; kept as written, no Received: header says otherwise',
      ],
    });
  });

  test("a Date: that is no date, with a Received: time", () => {
    expect(sentTime(" yesterday ", [RECEIVED], NOW)).toEqual({
      date: new Date("2026-03-03T09:15:02Z"),
      warnings: ['Date: "yesterday" is not a date; used the time it was received, 2026-03-03T09:15:02Z'],
    });
  });

  test("no Date: header, with a Received: time", () => {
    expect(sentTime(undefined, [RECEIVED], NOW)).toEqual({
      date: new Date("2026-03-03T09:15:02Z"),
      warnings: ["there is no Date: header; used the time it was received, 2026-03-03T09:15:02Z"],
    });
  });

  test("no Date: header and no Received: time: unknown, and said so", () => {
    expect(sentTime(undefined, ["from a by b"], NOW)).toEqual({
      date: null,
      warnings: [
        "there is no Date: header and no Received: header has one: the time is unknown, the message keeps its place in the file",
      ],
    });
  });

  test("a Date: that is no date and no Received: time", () => {
    expect(sentTime("yesterday", [], NOW)).toEqual({
      date: null,
      warnings: [
        'Date: "yesterday" is not a date and no Received: header has one: the time is unknown, the message keeps its place in the file',
      ],
    });
  });
});

describe("which Received: time stands in", () => {
  test("the newest plausible one, whatever order the headers come in", () => {
    const received = [
      "from a by b; Mon, 2 Mar 2026 08:00:00 +0000",
      "from c by d; Tue, 3 Mar 2026 09:15:02 +0000",
      "from e by f",
      "from g by h; Thu, 1 Jan 1970 00:00:00 +0000",
      "from i by j; Sun, 1 Mar 2026 07:00:00 +0000",
      "from k by l; Fri, 1 Jan 2100 00:00:00 +0000",
    ];
    expect(sentTime(undefined, received, NOW).date).toEqual(new Date("2026-03-03T09:15:02Z"));
  });

  test("the date after a Received: header's last semicolon", () => {
    expect(receivedDate("from a by b; id x; Tue, 3 Mar 2026 09:15:02 +0000")).toEqual(new Date("2026-03-03T09:15:02Z"));
    expect(receivedDate("; Tue, 3 Mar 2026 09:15:02 +0000")).toEqual(new Date("2026-03-03T09:15:02Z"));
  });

  test("a Received: header without a semicolon has no date, even if it reads like one", () => {
    expect(receivedDate("Tue, 3 Mar 2026 09:15:02 +0000")).toBeNull();
  });
});

describe("which dates are mistakes", () => {
  test("1 January 1990 is the earliest plausible date", () => {
    expect(implausibility(new Date("1990-01-01T00:00:00Z"), NOW)).toBeNull();
    expect(implausibility(new Date("1989-12-31T23:59:59Z"), NOW)).toBe("before 1990");
  });

  test("up to a day ahead of now is a clock's drift; further is the future", () => {
    expect(implausibility(new Date("2026-11-27T13:00:00Z"), NOW)).toBeNull();
    expect(implausibility(new Date("2026-11-28T12:00:00Z"), NOW)).toBeNull();
    expect(implausibility(new Date("2026-11-28T12:00:01Z"), NOW)).toBe("more than a day in the future");
  });
});
