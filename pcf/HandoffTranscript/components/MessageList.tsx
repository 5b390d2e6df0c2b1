import { List, type IPage } from "@fluentui/react";
import * as React from "react";
import { rendersLastMessage } from "../model/rendered-pages";
import type { MessageView, SearchMatch } from "../model/view-model";
import { MessageCard } from "./MessageCard";
import type { HandoffTranscriptProps } from "./types";

interface MessageListProps {
  views: readonly MessageView[];
  isExpanded: (view: MessageView) => boolean;
  onToggle: (index: number) => void;
  matchesByRow: ReadonlyMap<number, SearchMatch[]>;
  activeMatch: SearchMatch | undefined;
  /** Open at the end of the list (the latest message, oldest-first order). */
  openAtEnd: boolean;
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
  const { views, isExpanded, onToggle, matchesByRow, activeMatch, openAtEnd, strings, clock, copyText } = props;
  const list = React.useRef<List<MessageView>>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  // Open at the latest message, and again when the messages change (a new description, the other order). The list
  // renders its pages with estimated heights, so scroll to the end each time its pages change until the page holding
  // the last message is rendered. Set while rendering: the list reports its new pages before any effect here runs.
  const pendingOpen = React.useRef(openAtEnd);
  const openedFor = React.useRef(views);
  if (openedFor.current !== views) {
    openedFor.current = views;
    pendingOpen.current = openAtEnd;
  }
  const onPagesUpdated = React.useCallback(
    (pages: IPage<MessageView>[]) => {
      const element = scroller.current;
      if (!pendingOpen.current || !element) return;
      element.scrollTop = element.scrollHeight;
      if (rendersLastMessage(pages, views.length)) pendingOpen.current = false;
    },
    [views.length],
  );
  // Bring the active search match into view: its page first, then the match itself once it is rendered.
  React.useEffect(() => {
    if (!activeMatch) return undefined;
    list.current?.scrollToIndex(activeMatch.row);
    const frame = requestAnimationFrame(() =>
      scroller.current?.querySelector(".e2c-match-active")?.scrollIntoView({ block: "nearest" }),
    );
    return () => cancelAnimationFrame(frame);
  }, [activeMatch]);
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
    <div className="e2c-messages" data-is-scrollable="true" ref={scroller}>
      <List
        componentRef={list}
        items={views as MessageView[]}
        onRenderCell={onRenderCell}
        // Stryker disable next-line ArrayDeclaration: List compares version by identity, and any array here is new each render
        version={[isExpanded, matchesByRow, activeMatch]}
        getKey={(view) => String(view.index)}
        onPagesUpdated={onPagesUpdated}
      />
    </div>
  );
}
