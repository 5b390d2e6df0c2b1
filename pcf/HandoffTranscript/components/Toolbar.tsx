import { IconButton, SearchBox, Text } from "@fluentui/react";
import * as React from "react";
import { format, type HandoffTranscriptProps } from "./types";

interface ToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  matchCount: number;
  activeIndex: number;
  onStep: (step: 1 | -1) => void;
  allExpanded: boolean;
  onToggleAll: () => void;
  anyQuoted: boolean;
  onCopyAll: () => void;
  copied: boolean;
  strings: HandoffTranscriptProps["strings"];
}

/** Search with a live match count, next/previous, expand or collapse all quotes, copy the whole transcript. */
export const Toolbar = React.memo(function Toolbar(props: ToolbarProps) {
  const {
    query,
    onQuery,
    matchCount,
    activeIndex,
    onStep,
    allExpanded,
    onToggleAll,
    anyQuoted,
    onCopyAll,
    copied,
    strings,
  } = props;
  const status =
    query.trim() === ""
      ? ""
      : matchCount === 0
        ? strings("Search_NoMatches")
        : format(strings("Search_Matches"), activeIndex + 1, matchCount);
  return (
    <div className="e2c-toolbar" role="toolbar">
      <SearchBox
        className="e2c-search"
        placeholder={strings("Search_Placeholder")}
        ariaLabel={strings("Search_Placeholder")}
        value={query}
        onChange={(_, value) => onQuery(value ?? "")}
        onSearch={() => onStep(1)}
        onClear={() => onQuery("")}
      />
      <IconButton
        iconProps={{ iconName: "ChevronUp" }}
        title={strings("Search_Previous")}
        ariaLabel={strings("Search_Previous")}
        disabled={matchCount === 0}
        onClick={() => onStep(-1)}
      />
      <IconButton
        iconProps={{ iconName: "ChevronDown" }}
        title={strings("Search_Next")}
        ariaLabel={strings("Search_Next")}
        disabled={matchCount === 0}
        onClick={() => onStep(1)}
      />
      <Text className="e2c-search-status" role="status" aria-live="polite">
        {status}
      </Text>
      {anyQuoted && (
        <IconButton
          iconProps={{ iconName: allExpanded ? "CollapseContent" : "ExploreContent" }}
          title={strings(allExpanded ? "CollapseAll" : "ExpandAll")}
          ariaLabel={strings(allExpanded ? "CollapseAll" : "ExpandAll")}
          onClick={onToggleAll}
        />
      )}
      <IconButton
        iconProps={{ iconName: copied ? "CheckMark" : "Copy" }}
        title={strings(copied ? "Copied" : "CopyAll")}
        ariaLabel={strings("CopyAll")}
        onClick={onCopyAll}
      />
    </div>
  );
});
