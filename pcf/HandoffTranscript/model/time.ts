/**
 * Times in the user's Dataverse time zone and language, not the browser's: the offset comes from
 * `context.userSettings.getTimeZoneOffsetMinutes(date)` and the language from `userSettings.languageId`.
 */

/**
 * Dataverse language ids (LCID) to BCP 47 tags, for Intl. Unknown ids fall back to English. Keyed by the id as text
 * (an object's keys are text): no id at all reads as "undefined", which the table does not hold either.
 */
const LANGUAGE_TAGS: Readonly<Record<string, string | undefined>> = {
  1025: "ar-SA",
  1028: "zh-TW",
  1029: "cs-CZ",
  1030: "da-DK",
  1031: "de-DE",
  1032: "el-GR",
  1033: "en-US",
  1035: "fi-FI",
  1036: "fr-FR",
  1037: "he-IL",
  1038: "hu-HU",
  1040: "it-IT",
  1041: "ja-JP",
  1042: "ko-KR",
  1043: "nl-NL",
  1044: "nb-NO",
  1045: "pl-PL",
  1046: "pt-BR",
  1049: "ru-RU",
  1053: "sv-SE",
  1055: "tr-TR",
  2052: "zh-CN",
  2057: "en-GB",
  2070: "pt-PT",
  3082: "es-ES",
  3084: "fr-CA",
};

export function languageTag(languageId: number | undefined): string {
  return LANGUAGE_TAGS[String(languageId)] ?? "en-US";
}

export interface UserClock {
  /** Minutes to add to UTC for the user's time zone at that instant (daylight saving included). */
  offsetMinutes: (utc: Date) => number;
  locale: string;
  now: () => Date;
}

/** The wall-clock time in the user's time zone, as a Date whose UTC fields hold it. */
function shifted(utc: Date, clock: UserClock): Date {
  return new Date(utc.getTime() + clock.offsetMinutes(utc) * 60_000);
}

/** An instant in the user's time zone and language, or "" when there is none or it is not a date. */
function formatInstant(iso: string | null, clock: UserClock, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return "";
  const utc = new Date(iso);
  if (Number.isNaN(utc.getTime())) return "";
  return new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: "UTC" }).format(shifted(utc, clock));
}

export function formatMessageTime(iso: string | null, clock: UserClock): string {
  return formatInstant(iso, clock, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** The date alone ("Nov 20, 2026") in the user's time zone and language. */
export function formatDate(iso: string | null, clock: UserClock): string {
  return formatInstant(iso, clock, { year: "numeric", month: "short", day: "numeric" });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 hours ago", in the user's language. */
export function relativeTime(iso: string | null, clock: UserClock): string {
  if (!iso) return "";
  const seconds = (new Date(iso).getTime() - clock.now().getTime()) / 1000;
  if (Number.isNaN(seconds)) return "";
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat(clock.locale, { numeric: "auto" }).format(Math.round(seconds / size), unit);
}
