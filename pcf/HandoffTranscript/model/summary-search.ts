/** The handoff's summary is searched with the messages: it comes first in the count and in next/previous. */

export interface TextMatch {
  start: number;
  end: number;
}

/** Every case-insensitive occurrence of `query` in `text`, as the message search counts them. */
export function findTextMatches(text: string | undefined, query: string): TextMatch[] {
  const needle = query.trim().toLowerCase();
  if (!text || needle === "") return [];
  const haystack = text.toLowerCase();
  const matches: TextMatch[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    matches.push({ start: at, end: at + needle.length });
  }
  return matches;
}

/** Which match is active: one in the summary (the first `summaryCount`), or one in the messages. */
export function activeSearchMatch<T>(
  index: number,
  summaryMatches: readonly TextMatch[],
  messageMatches: readonly T[],
): { summary: TextMatch | undefined; message: T | undefined } {
  const total = summaryMatches.length + messageMatches.length;
  // Stryker disable next-line ConditionalExpression: with no match, index % 0 is NaN and both lookups answer undefined too
  if (total === 0) return { summary: undefined, message: undefined };
  const i = index % total;
  return i < summaryMatches.length
    ? { summary: summaryMatches[i], message: undefined }
    : { summary: undefined, message: messageMatches[i - summaryMatches.length] };
}
