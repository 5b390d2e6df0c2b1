import { ActionButton, IconButton, Text } from "@fluentui/react";
import * as React from "react";
import { formatMessageTime, relativeTime } from "../model/time";
import { messageAsText, senderLabel, type MessageView, type SearchMatch } from "../model/view-model";
import { Highlighted } from "./Highlighted";
import { Icons } from "./icons";
import type { HandoffTranscriptProps } from "./types";

interface MessageCardProps {
  view: MessageView;
  expanded: boolean;
  onToggle: (index: number) => void;
  matches: readonly SearchMatch[];
  activeMatch: SearchMatch | undefined;
  strings: HandoffTranscriptProps["strings"];
  clock: HandoffTranscriptProps["clock"];
  copyText: HandoffTranscriptProps["copyText"];
}

export const MessageCard = React.memo(function MessageCard(props: MessageCardProps) {
  const { view, expanded, onToggle, matches, activeMatch, strings, clock, copyText } = props;
  const { message } = view;
  const roleLabel = strings(`Role_${message.role}`);
  const time = formatMessageTime(message.timestamp, clock);
  const sender = senderLabel(message, strings("Unknown_Sender"));
  const copy = React.useCallback(
    () => void copyText(messageAsText(message, time, (r) => strings(`Role_${r}`))),
    [copyText, message, time, strings],
  );
  return (
    <>
      {view.handoffBefore && (
        <div className="e2c-handoff" role="separator" aria-label={strings("Handoff_Divider")}>
          <span>{strings("Handoff_Divider")}</span>
        </div>
      )}
      <article className={`e2c-message e2c-role-${message.role}`} aria-label={`${sender}, ${roleLabel}, ${time}`}>
        <div className="e2c-message-head">
          <Text className="e2c-sender">{sender}</Text>
          {message.sender.email && message.sender.name && <Text className="e2c-email">{message.sender.email}</Text>}
          <span className="e2c-role">{roleLabel}</span>
          {message.timestamp && (
            <time className="e2c-time" dateTime={message.timestamp} title={relativeTime(message.timestamp, clock)}>
              {time}
            </time>
          )}
          <IconButton
            iconProps={{ iconName: Icons.Copy }}
            title={strings("CopyMessage")}
            ariaLabel={strings("CopyMessage")}
            onClick={copy}
          />
        </div>
        {view.showSubject && <div className="e2c-subject">{message.subject}</div>}
        <div className="e2c-body">
          {view.segments.map((segment) =>
            segment.quoted && !expanded ? null : (
              <div key={segment.offset} className={segment.quoted ? "e2c-quoted" : "e2c-text"}>
                <Highlighted text={segment.text} offset={segment.offset} matches={matches} activeMatch={activeMatch} />
              </div>
            ),
          )}
          {view.hasQuoted && (
            <ActionButton
              className="e2c-quote-toggle"
              iconProps={{ iconName: expanded ? Icons.ChevronUp : Icons.More }}
              aria-expanded={expanded}
              onClick={() => onToggle(view.index)}
            >
              {strings(expanded ? "HideQuoted" : "ShowQuoted")}
            </ActionButton>
          )}
        </div>
      </article>
    </>
  );
});
