import { List } from "@fluentui/react";
import * as React from "react";
import type { MessageView, SearchMatch } from "../model/view-model";
import { MessageCard } from "./MessageCard";
import type { HandoffTranscriptProps } from "./types";

interface MessageListProps {
  views: readonly MessageView[];
  isExpanded: (view: MessageView) => boolean;
  onToggle: (index: number) => void;
  matchesByRow: ReadonlyMap<number, SearchMatch[]>;
  activeMatch: SearchMatch | undefined;
  /** The row to bring into view: the latest message on open, then the active search match. */
  scrollToRow: number;
  strings: HandoffTranscriptProps["strings"];
  clock: HandoffTranscriptProps["clock"];
  copyText: HandoffTranscriptProps["copyText"];
}

const NO_MATCHES: SearchMatch[] = [];

/**
 * Fluent's List renders only the pages near the viewport, so a 10,000-message thread does not become 10,000
 * message nodes (PRODUCT.md §9).
 */
export function MessageList(props: MessageListProps) {
  const { views, isExpanded, onToggle, matchesByRow, activeMatch, scrollToRow, strings, clock, copyText } = props;
  const list = React.useRef<List<MessageView>>(null);
  React.useEffect(() => {
    if (scrollToRow >= 0) list.current?.scrollToIndex(scrollToRow);
  }, [scrollToRow]);
  const onRenderCell = React.useCallback(
    (view?: MessageView, row?: number) =>
      view === undefined || row === undefined ? null : (
        <MessageCard
          view={view}
          expanded={isExpanded(view)}
          onToggle={onToggle}
          matches={matchesByRow.get(row) ?? NO_MATCHES}
          activeMatch={activeMatch}
          strings={strings}
          clock={clock}
          copyText={copyText}
        />
      ),
    [isExpanded, onToggle, matchesByRow, activeMatch, strings, clock, copyText],
  );
  // `version` makes List re-render its cells when expansion or search state changes.
  return (
    <div className="e2c-messages" data-is-scrollable="true">
      <List
        componentRef={list}
        items={views as MessageView[]}
        onRenderCell={onRenderCell}
        version={[isExpanded, matchesByRow, activeMatch]}
        getKey={(view) => String(view.index)}
      />
    </div>
  );
}
