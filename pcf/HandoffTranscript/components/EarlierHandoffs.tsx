import { ActionButton, FontIcon, getId, Link } from "@fluentui/react";
import * as React from "react";
import { sentimentFromOptionValue } from "../../../core/transcript/sentiment";
import { listEarlierHandoffs, type EarlierHandoffRow } from "../model/earlier-handoffs";
import { formatDate } from "../model/time";
import { SentimentChip } from "./HeaderChips";
import { Icons } from "./icons";
import { format, type HandoffTranscriptProps } from "./types";

type Props = Pick<HandoffTranscriptProps, "earlierHandoffs" | "openCase" | "strings" | "clock">;

/** Reads the earlier handoffs once per `key`; nothing (hidden) until they arrive, when none, or when reading fails. */
function useEarlierHandoffs(source: Props["earlierHandoffs"]): EarlierHandoffRow[] {
  const [rows, setRows] = React.useState<EarlierHandoffRow[]>([]);
  const load = React.useRef(source?.load);
  load.current = source?.load;
  const key = source?.key;
  React.useEffect(() => {
    setRows([]);
    // No source, no load (key and load come together): nothing is read.
    if (!load.current) return undefined;
    let current = true;
    // A user who may not read cases gets an error (403): the list stays hidden, as for a customer with none.
    load.current().then(
      (found) => current && setRows(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [key]);
  return rows;
}

const Item = React.memo(function Item(props: { row: EarlierHandoffRow } & Omit<Props, "earlierHandoffs">) {
  const { row, openCase, strings, clock } = props;
  const sentiment = sentimentFromOptionValue(row.sentimentValue);
  const date = formatDate(row.createdOn, clock);
  const open = React.useCallback(() => openCase?.(row.id), [openCase, row.id]);
  return (
    <li className="e2c-earlier-item">
      <Link className="e2c-earlier-title" onClick={open} disabled={!openCase}>
        {row.title || row.id}
      </Link>
      {date && (
        <time className="e2c-earlier-date" dateTime={row.createdOn ?? undefined}>
          {date}
        </time>
      )}
      {sentiment && <SentimentChip sentiment={sentiment} strings={strings} />}
    </li>
  );
});

/** The customer's other cases that came from a handoff, newest first: five, then "n more". */
export const EarlierHandoffs = React.memo(function EarlierHandoffs(props: Props) {
  const { earlierHandoffs, openCase, strings, clock } = props;
  const rows = useEarlierHandoffs(earlierHandoffs);
  const [showAll, setShowAll] = React.useState(false);
  // Stryker disable next-line ArrayDeclaration: setShowAll never changes, so any unchanging list keeps one callback
  const onShowAll = React.useCallback(() => setShowAll(true), []);
  // Stryker disable next-line StringLiteral: getId numbers every id apart; the prefix only names it
  const [headingId] = React.useState(() => getId("e2c-earlier-"));
  if (rows.length === 0) return null;
  const list = listEarlierHandoffs(rows, showAll);
  return (
    <section className="e2c-earlier" aria-labelledby={headingId}>
      <h3 className="e2c-earlier-heading" id={headingId}>
        <FontIcon iconName={Icons.History} aria-hidden className="e2c-chip-icon" />
        {strings("Earlier_Heading")}
      </h3>
      <ul className="e2c-earlier-list">
        {list.shown.map((row) => (
          <Item key={row.id} row={row} openCase={openCase} strings={strings} clock={clock} />
        ))}
      </ul>
      {list.more > 0 && (
        <ActionButton className="e2c-earlier-more" onClick={onShowAll}>
          {format(strings("Earlier_More"), list.atLeast ? `${list.more}+` : list.more)}
        </ActionButton>
      )}
    </section>
  );
});
