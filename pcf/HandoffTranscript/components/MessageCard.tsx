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
  // The signature has its own fold, kept here: the list's expand-all is about quoted text only.
  const [signatureOpen, setSignatureOpen] = React.useState(false);
  const subjectMatches = React.useMemo(() => matches.filter((m) => m.inSubject), [matches]);
  const bodyMatches = React.useMemo(() => matches.filter((m) => !m.inSubject), [matches]);
  // A match inside the folded signature opens it, so the highlight can be seen.
  const signatureShown =
    signatureOpen ||
    (activeMatch !== undefined &&
      !activeMatch.inSubject &&
      bodyMatches.includes(activeMatch) &&
      view.segments.some(
        (s) => s.kind === "signature" && activeMatch.start < s.offset + s.text.length && activeMatch.end > s.offset,
      ));
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
        {message.subject && (view.showSubject || subjectMatches.length > 0) && (
          <div className="e2c-subject">
            <Highlighted text={message.subject} offset={0} matches={subjectMatches} activeMatch={activeMatch} />
          </div>
        )}
        <div className="e2c-body">
          {view.segments.map((segment) =>
            (segment.kind === "quoted" && !expanded) || (segment.kind === "signature" && !signatureShown) ? null : (
              <div key={segment.offset} className={`e2c-${segment.kind}`}>
                <Highlighted
                  text={segment.text}
                  offset={segment.offset}
                  matches={bodyMatches}
                  activeMatch={activeMatch}
                />
              </div>
            ),
          )}
          {view.hasSignature && (
            <ActionButton
              className="e2c-signature-toggle"
              iconProps={{ iconName: signatureShown ? Icons.ChevronUp : Icons.More }}
              aria-expanded={signatureShown}
              onClick={() => setSignatureOpen(!signatureShown)}
            >
              {strings(signatureShown ? "HideSignature" : "ShowSignature")}
            </ActionButton>
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
