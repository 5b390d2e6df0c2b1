import * as React from "react";
import type { TextMatch } from "../model/summary-search";

interface HighlightedProps {
  text: string;
  /** Where `text` starts in the message body. */
  offset: number;
  /** Matches in the message body (SearchMatch) or in the summary. */
  matches: readonly TextMatch[];
  activeMatch: TextMatch | undefined;
}

/** Text with search matches marked. Everything is a React text node: transcript text is data, never markup. */
export const Highlighted = React.memo(function Highlighted({ text, offset, matches, activeMatch }: HighlightedProps) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    const start = Math.max(m.start - offset, 0);
    const end = Math.min(m.end - offset, text.length);
    if (end <= 0 || start >= text.length || start < at) continue;
    // Unconditionally: where a match starts right at `at` the slice is "", which React draws as nothing.
    parts.push(text.slice(at, start));
    const active = m === activeMatch;
    parts.push(
      <mark
        key={start}
        className={active ? "e2c-match e2c-match-active" : "e2c-match"}
        data-active={active || undefined}
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
});
