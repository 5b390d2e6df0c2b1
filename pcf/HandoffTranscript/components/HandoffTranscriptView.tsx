import { MessageBar, MessageBarType, Text, ThemeProvider } from "@fluentui/react";
import * as React from "react";
import { parseTranscript } from "../../../core/transcript/parse";
import { normalizeSentiment, sentimentFromOptionValue } from "../../../core/transcript/sentiment";
import { buildMessageViews, findMatches, messageAsText, type MessageView, type SearchMatch } from "../model/view-model";
import { activeSearchMatch, findTextMatches, searchPlace } from "../model/summary-search";
import { formatMessageTime } from "../model/time";
import { EarlierHandoffs } from "./EarlierHandoffs";
import { HandoffSummaryLine } from "./HandoffSummaryLine";
import { HeaderChips } from "./HeaderChips";
import { messageBarIcon } from "./icons";
import { MessageList } from "./MessageList";
import { Toolbar } from "./Toolbar";
import { TruncatedBanner, type FullTranscriptState } from "./TruncatedBanner";
import type { HandoffTranscriptProps } from "./types";

/** Shows the text as it is when something goes wrong: never a blank control. */
class ShowTextOnError extends React.Component<
  { text: string; message: string; children: React.ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <MessageBar messageBarType={MessageBarType.error} messageBarIconProps={messageBarIcon(MessageBarType.error)}>
          {this.props.message}
        </MessageBar>
        <pre className="e2c-raw">{this.props.text}</pre>
      </>
    );
  }
}

function Transcript(props: HandoffTranscriptProps) {
  const { description, order, strings, clock, copyText, loadFullTranscript, isPhone } = props;
  const [fullText, setFullText] = React.useState<string | null>(null);
  const [fullState, setFullState] = React.useState<FullTranscriptState>({ kind: "idle" });
  const [query, setQuery] = React.useState("");
  const [activeIndex, setActiveIndex] = React.useState(0);
  const [toggled, setToggled] = React.useState<ReadonlySet<number>>(new Set());
  const [allExpanded, setAllExpanded] = React.useState(false);
  const [copied, setCopied] = React.useState(false);
  // "Copied" shows for two seconds after the latest copy; the timer goes with the control.
  const copiedTimer = React.useRef<ReturnType<typeof setTimeout>>();
  // Stryker disable next-line ArrayDeclaration: any unchanging list, like the empty one, runs the cleanup on closing only
  React.useEffect(() => () => clearTimeout(copiedTimer.current), []);

  const text = fullText ?? description ?? "";
  // Quoted text and signatures are read per message as the list shows it (MessageView).
  const transcript = React.useMemo(() => parseTranscript(text, { replyParts: false }), [text]);
  const views = React.useMemo(() => buildMessageViews(transcript, order), [transcript, order]);
  // Reads bodies only up to the first with quoted text (every body when none has any).
  const anyQuoted = React.useMemo(() => views.some((v) => v.hasQuoted), [views]);
  const matches = React.useMemo(() => findMatches(views, query), [views, query]);
  // The header's values come trimmed (parseHeader).
  const summary = transcript.header.summary || undefined;
  const summaryMatches = React.useMemo(() => findTextMatches(summary, query), [summary, query]);
  const matchCount = summaryMatches.length + matches.length;
  const matchesByRow = React.useMemo(() => {
    const byRow = new Map<number, SearchMatch[]>();
    for (const m of matches) byRow.set(m.row, [...(byRow.get(m.row) ?? []), m]);
    return byRow;
  }, [matches]);
  const active = React.useMemo(
    () => activeSearchMatch(activeIndex, summaryMatches, matches),
    [activeIndex, summaryMatches, matches],
  );
  const activeMatch = active.message;

  const isExpanded = React.useCallback(
    (view: MessageView) => {
      if (allExpanded !== toggled.has(view.index)) return true;
      // A match inside folded quoted text opens that message, so the highlight can be seen.
      return activeMatch !== undefined && views[activeMatch.row] === view;
    },
    [allExpanded, toggled, activeMatch, views],
  );
  const onToggle = React.useCallback(
    (index: number) => {
      setToggled((current) => {
        const next = new Set(current);
        if (!next.delete(index)) next.add(index);
        return next;
      });
    },
    // Stryker disable next-line ArrayDeclaration: any unchanging list, like the empty one, keeps the same callback
    [],
  );
  const onQuery = React.useCallback(
    (value: string) => {
      setQuery(value);
      setActiveIndex(0);
    },
    // Stryker disable next-line ArrayDeclaration: any unchanging list, like the empty one, keeps the same callback
    [],
  );
  const onStep = React.useCallback(
    // Enter in the search box steps too, also while nothing matches: the place then stays at the first match.
    (step: 1 | -1) => setActiveIndex((i) => searchPlace(i + step + matchCount, matchCount)),
    [matchCount],
  );
  const onToggleAll = React.useCallback(
    () => {
      setAllExpanded((all) => !all);
      setToggled(new Set());
    },
    // Stryker disable next-line ArrayDeclaration: any unchanging list, like the empty one, keeps the same callback
    [],
  );
  const onCopyAll = React.useCallback(() => {
    const all = transcript.messages.map((m) =>
      messageAsText(m, formatMessageTime(m.timestamp, clock), (r) => strings(`Role_${r}`)),
    );
    if (summary) all.unshift(`${strings("Summary_Label")}: ${summary}`);
    // A description that is no transcript is shown without the toolbar, so this copies messages only.
    void copyText(all.join("\n\n")).then(() => {
      clearTimeout(copiedTimer.current);
      setCopied(true);
      copiedTimer.current = setTimeout(() => setCopied(false), 2000);
    });
  }, [transcript, summary, clock, strings, copyText]);

  const onLoadFull = React.useMemo(
    () =>
      loadFullTranscript &&
      (() => {
        setFullState({ kind: "loading" });
        loadFullTranscript().then(
          (note) => {
            if (note === null) setFullState({ kind: "not-found" });
            else {
              setFullText(note);
              setFullState({ kind: "idle" });
            }
          },
          (error: unknown) =>
            setFullState({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
        );
      }),
    [loadFullTranscript],
  );

  if (text.trim() === "") return <Text className="e2c-empty">{strings("Empty")}</Text>;
  if (transcript.format === "raw") {
    return (
      <>
        <MessageBar messageBarType={MessageBarType.info} messageBarIconProps={messageBarIcon(MessageBarType.info)}>
          {strings("Raw_Notice")}
        </MessageBar>
        <pre className="e2c-raw">{transcript.text}</pre>
      </>
    );
  }
  const classification = props.classification || transcript.header.classification;
  const fromColumn = sentimentFromOptionValue(props.sentimentValue);
  const sentiment =
    fromColumn ?? (transcript.header.sentiment ? normalizeSentiment(transcript.header.sentiment) : null);
  return (
    <>
      <HeaderChips header={transcript.header} classification={classification} sentiment={sentiment} strings={strings} />
      {summary && (
        <HandoffSummaryLine summary={summary} matches={summaryMatches} activeMatch={active.summary} strings={strings} />
      )}
      {props.earlierHandoffs && (
        <EarlierHandoffs
          key={props.earlierHandoffs.key}
          earlierHandoffs={props.earlierHandoffs}
          openCase={props.openCase}
          strings={strings}
          clock={clock}
        />
      )}
      {transcript.truncated && (
        <TruncatedBanner
          shown={transcript.messages.length}
          total={transcript.totalMessages}
          state={fullState}
          onLoad={onLoadFull}
          strings={strings}
        />
      )}
      <Toolbar
        query={query}
        onQuery={onQuery}
        matchCount={matchCount}
        activeIndex={searchPlace(activeIndex, matchCount)}
        onStep={onStep}
        allExpanded={allExpanded}
        onToggleAll={onToggleAll}
        anyQuoted={anyQuoted}
        onCopyAll={onCopyAll}
        copied={copied}
        isPhone={isPhone}
        strings={strings}
      />
      <MessageList
        views={views}
        isExpanded={isExpanded}
        onToggle={onToggle}
        matchesByRow={matchesByRow}
        activeMatch={activeMatch}
        openAtEnd={order === "oldestFirst"}
        strings={strings}
        clock={clock}
        copyText={copyText}
      />
    </>
  );
}

/** The Handoff transcript control's view (PRODUCT.md §1): a landmark region the rep can search, fold and copy. */
export const HandoffTranscriptView = React.memo(function HandoffTranscriptView(props: HandoffTranscriptProps) {
  const { strings, readable, isRTL, isPhone, width, height, theme, disabled } = props;
  const style: React.CSSProperties = {};
  if (width !== undefined && width > 0) style.width = width;
  if (height !== undefined && height > 0) style.height = height;
  return (
    <ThemeProvider theme={theme} dir={isRTL ? "rtl" : "ltr"} className="e2c-theme">
      <section
        className={`e2c-transcript${isPhone ? " e2c-phone" : ""}${disabled ? " e2c-disabled" : ""}`}
        aria-label={strings("Region_Label")}
        dir={isRTL ? "rtl" : "ltr"}
        style={style}
      >
        {readable ? (
          <ShowTextOnError text={props.description ?? ""} message={strings("Error")}>
            <Transcript {...props} />
          </ShowTextOnError>
        ) : (
          <MessageBar messageBarType={MessageBarType.info} messageBarIconProps={messageBarIcon(MessageBarType.info)}>
            {strings("Masked")}
          </MessageBar>
        )}
      </section>
    </ThemeProvider>
  );
});
