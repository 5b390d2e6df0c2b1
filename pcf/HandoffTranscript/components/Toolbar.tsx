import { ActionButton, IconButton, SearchBox, Text, TooltipHost } from "@fluentui/react";
import * as React from "react";
import { Icons } from "./icons";
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
  /** On a phone the buttons are icons alone, each with a tooltip and an accessible name; wider, the label shows. */
  isPhone: boolean;
  strings: HandoffTranscriptProps["strings"];
}

interface ToolButtonProps {
  icon: string;
  label: string;
  /** The icon-only button's name when its label changes for a moment (the copy button's "Copied"). */
  name?: string;
  labelled: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** A toolbar button: icon and label beside it, or the icon alone with the label as tooltip and accessible name. */
const ToolButton = React.memo(function ToolButton(props: ToolButtonProps) {
  const { icon, label, name, labelled, disabled, onClick } = props;
  if (labelled) {
    return (
      <ActionButton className="e2c-tool" iconProps={{ iconName: icon }} disabled={disabled} onClick={onClick}>
        {label}
      </ActionButton>
    );
  }
  return (
    <TooltipHost content={label}>
      <IconButton
        className="e2c-tool"
        iconProps={{ iconName: icon }}
        ariaLabel={name ?? label}
        disabled={disabled}
        onClick={onClick}
      />
    </TooltipHost>
  );
});

const SEARCH_ICON = { iconName: Icons.Search };

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
    isPhone,
    strings,
  } = props;
  const status =
    query.trim() === ""
      ? ""
      : matchCount === 0
        ? strings("Search_NoMatches")
        : format(strings("Search_Matches"), activeIndex + 1, matchCount);
  const clearButton = React.useMemo(
    () => ({ ariaLabel: strings("Search_Clear"), iconProps: { iconName: Icons.Clear } }),
    [strings],
  );
  const labelled = !isPhone;
  const onPrevious = React.useCallback(() => onStep(-1), [onStep]);
  const onNext = React.useCallback(() => onStep(1), [onStep]);
  return (
    <div className={`e2c-toolbar${labelled ? " e2c-toolbar-labelled" : ""}`} role="toolbar">
      <SearchBox
        className="e2c-search"
        placeholder={strings("Search_Placeholder")}
        ariaLabel={strings("Search_Placeholder")}
        iconProps={SEARCH_ICON}
        clearButtonProps={clearButton}
        value={query}
        // Fluent's SearchBox reports its clear button and Escape as a change to "" too, so no onClear is needed.
        // Stryker disable next-line StringLiteral: SearchBox always passes its text; undefined is only in its type
        onChange={(_, value) => onQuery(value ?? "")}
        onSearch={onNext}
      />
      <ToolButton
        icon={Icons.ChevronUp}
        label={strings("Search_Previous")}
        labelled={labelled}
        disabled={matchCount === 0}
        onClick={onPrevious}
      />
      <ToolButton
        icon={Icons.ChevronDown}
        label={strings("Search_Next")}
        labelled={labelled}
        disabled={matchCount === 0}
        onClick={onNext}
      />
      <Text className="e2c-search-status" role="status" aria-live="polite">
        {status}
      </Text>
      {anyQuoted && (
        <ToolButton
          icon={allExpanded ? Icons.CollapseContent : Icons.ExploreContent}
          label={strings(allExpanded ? "CollapseAll" : "ExpandAll")}
          labelled={labelled}
          onClick={onToggleAll}
        />
      )}
      <ToolButton
        icon={copied ? Icons.CheckMark : Icons.Copy}
        label={strings(copied ? "Copied" : "CopyAll")}
        name={strings("CopyAll")}
        labelled={labelled}
        onClick={onCopyAll}
      />
    </div>
  );
});
