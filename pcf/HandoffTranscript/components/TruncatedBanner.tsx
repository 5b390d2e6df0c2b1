import { MessageBar, MessageBarButton, MessageBarType, Spinner, SpinnerSize } from "@fluentui/react";
import * as React from "react";
import { messageBarIcon } from "./icons";
import { format, type HandoffTranscriptProps } from "./types";

export type FullTranscriptState =
  { kind: "idle" } | { kind: "loading" } | { kind: "not-found" } | { kind: "failed"; message: string };

interface TruncatedBannerProps {
  shown: number;
  total: number | null;
  state: FullTranscriptState;
  onLoad?: () => void;
  strings: HandoffTranscriptProps["strings"];
}

/** PRODUCT.md §4 rule 2: say that the description holds part of the transcript, and offer the whole. */
export function TruncatedBanner({ shown, total, state, onLoad, strings }: TruncatedBannerProps) {
  const text = total === null ? strings("Truncated_Unknown") : format(strings("Truncated_Banner"), shown, total);
  const action =
    onLoad && state.kind !== "loading" && state.kind !== "not-found" ? (
      <MessageBarButton onClick={onLoad}>{strings("LoadFull")}</MessageBarButton>
    ) : undefined;
  return (
    <div className="e2c-truncated">
      <MessageBar
        messageBarType={MessageBarType.warning}
        messageBarIconProps={messageBarIcon(MessageBarType.warning)}
        isMultiline
        actions={action}
      >
        {text}
      </MessageBar>
      {state.kind === "loading" && (
        <Spinner size={SpinnerSize.small} label={strings("LoadFull_Loading")} ariaLive="polite" />
      )}
      {state.kind === "not-found" && (
        <MessageBar messageBarType={MessageBarType.info} messageBarIconProps={messageBarIcon(MessageBarType.info)}>
          {strings("LoadFull_NotFound")}
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar messageBarType={MessageBarType.error} messageBarIconProps={messageBarIcon(MessageBarType.error)}>
          {format(strings("LoadFull_Failed"), state.message)}
        </MessageBar>
      )}
    </div>
  );
}
