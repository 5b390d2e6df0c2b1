import * as React from "react";
import type { TextMatch } from "../model/summary-search";
import { Highlighted } from "./Highlighted";
import type { HandoffTranscriptProps } from "./types";

interface HandoffSummaryLineProps {
  summary: string;
  matches: readonly TextMatch[];
  activeMatch: TextMatch | undefined;
  strings: HandoffTranscriptProps["strings"];
}

/** The handoff's summary in full, first thing under the chips: the line a rep reads first. Text, never markup. */
export const HandoffSummaryLine = React.memo(function HandoffSummaryLine(props: HandoffSummaryLineProps) {
  const { summary, matches, activeMatch, strings } = props;
  const ref = React.useRef<HTMLParagraphElement>(null);
  React.useEffect(() => {
    // Without an active match the summary holds no .e2c-match-active, and nothing scrolls.
    ref.current?.querySelector(".e2c-match-active")?.scrollIntoView({ block: "nearest" });
  }, [activeMatch]);
  return (
    <p className="e2c-summary" ref={ref}>
      <span className="e2c-summary-label">{strings("Summary_Label")}:</span>{" "}
      <span className="e2c-summary-text">
        <Highlighted text={summary} offset={0} matches={matches} activeMatch={activeMatch} />
      </span>
    </p>
  );
});
