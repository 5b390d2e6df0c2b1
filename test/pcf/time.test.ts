import {
  formatDate,
  formatMessageTime,
  languageTag,
  relativeTime,
  type UserClock,
} from "../../pcf/HandoffTranscript/model/time";

const clock = (offsetMinutes: number, locale = "en-US"): UserClock => ({
  offsetMinutes: () => offsetMinutes,
  locale,
  now: () => new Date("2026-11-20T12:14:03Z"),
});

describe("times in the user's Dataverse time zone and language, not the browser's", () => {
  test("a UTC time is shown in the user's time zone (New York, UTC−5)", () => {
    expect(formatMessageTime("2026-11-20T09:14:03Z", clock(-300))).toBe("Nov 20, 2026, 04:14 AM");
  });

  test("a zone ahead of UTC can move the date (Tokyo, UTC+9)", () => {
    expect(formatMessageTime("2026-11-20T20:00:00Z", clock(540, "ja-JP"))).toMatch(/2026.*11.*21.*05:00/);
  });

  test("a date alone is the user's date: late evening UTC is already tomorrow in Tokyo", () => {
    expect(formatDate("2026-10-20T23:30:00Z", clock(540))).toBe("Oct 21, 2026");
    expect(formatDate("2026-10-20T23:30:00Z", clock(-300))).toBe("Oct 20, 2026");
    expect(formatDate("2026-10-20T23:30:00Z", clock(60, "fr-FR"))).toBe("21 oct. 2026");
    expect(formatDate(null, clock(0))).toBe("");
    expect(formatDate("not a date", clock(0))).toBe("");
  });

  test("the user's language sets the format", () => {
    expect(formatMessageTime("2026-11-20T09:14:03Z", clock(60, "de-DE"))).toBe("20. Nov. 2026, 10:14");
  });

  test("the offset is asked for the message's own instant (daylight saving differs by date)", () => {
    const offsetMinutes = jest.fn(() => 120);
    formatMessageTime("2026-07-01T10:00:00Z", { ...clock(0), offsetMinutes });
    expect(offsetMinutes).toHaveBeenCalledWith(new Date("2026-07-01T10:00:00Z"));
  });

  test("no time, no text", () => {
    expect(formatMessageTime(null, clock(0))).toBe("");
    expect(formatMessageTime("not a date", clock(0))).toBe("");
  });

  test("relative time on hover, in the user's language", () => {
    expect(relativeTime("2026-11-20T09:14:03Z", clock(0))).toBe("3 hours ago");
    expect(relativeTime("2026-11-19T12:14:03Z", clock(0, "fr-FR"))).toBe("hier");
  });

  test("no time, or not a time: no relative time", () => {
    expect(relativeTime(null, clock(0))).toBe("");
    expect(relativeTime("not a date", clock(0))).toBe("");
  });

  test("exactly an hour ago reads '1 hour ago', not in minutes", () => {
    expect(relativeTime("2026-11-20T11:14:03Z", clock(0))).toBe("1 hour ago");
  });

  test("a time to come reads forward", () => {
    expect(relativeTime("2026-11-22T12:14:03Z", clock(0))).toBe("in 2 days");
  });

  test("this very instant reads 'now'", () => {
    expect(relativeTime("2026-11-20T12:14:03Z", clock(0))).toBe("now");
  });

  test("Dataverse language ids map to locales, English when unknown", () => {
    expect([languageTag(1031), languageTag(1025), languageTag(99999), languageTag(undefined)]).toEqual([
      "de-DE",
      "ar-SA",
      "en-US",
      "en-US",
    ]);
  });
});
