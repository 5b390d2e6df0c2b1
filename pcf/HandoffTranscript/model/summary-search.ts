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

/**
 * The rep's place among `total` matches: `index` wrapped around them, since the count can shrink under it (a new
 * description, another query), and 0 when nothing matches.
 */
export function searchPlace(index: number, total: number): number {
  return total === 0 ? 0 : index % total;
}

/** Which match is active: one in the summary (the first `summaryCount`), or one in the messages. */
export function activeSearchMatch<T>(
  index: number,
  summaryMatches: readonly TextMatch[],
  messageMatches: readonly T[],
): { summary: TextMatch | undefined; message: T | undefined } {
  // With no match at all the place is 0, and the message lookup below answers undefined.
  const i = searchPlace(index, summaryMatches.length + messageMatches.length);
  return i < summaryMatches.length
    ? { summary: summaryMatches[i], message: undefined }
    : { summary: undefined, message: messageMatches[i - summaryMatches.length] };
}
