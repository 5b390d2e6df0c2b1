import { FontIcon, Link, Text } from "@fluentui/react";
import * as React from "react";
import type { Sentiment } from "../../../core/transcript/sentiment";
import type { TranscriptHeader } from "../../../core/transcript/types";
import type { HandoffTranscriptProps } from "./types";

interface HeaderChipsProps {
  header: TranscriptHeader;
  classification: string | undefined;
  sentiment: Sentiment | null;
  strings: HandoffTranscriptProps["strings"];
}

const TONE_ICON = { negative: "Sad", neutral: "EmojiNeutral", positive: "Emoji2" } as const;

function Chip({ label, value, icon, className }: { label: string; value: string; icon?: string; className?: string }) {
  return (
    <span className={`e2c-chip ${className ?? ""}`.trim()}>
      {icon && <FontIcon iconName={icon} aria-hidden className="e2c-chip-icon" />}
      <span className="e2c-chip-label">{label}:</span> <span className="e2c-chip-value">{value}</span>
    </span>
  );
}

/** Channel, classification, sentiment (label + icon + colour: colour never alone), customer and session link. */
export const HeaderChips = React.memo(function HeaderChips({
  header,
  classification,
  sentiment,
  strings,
}: HeaderChipsProps) {
  const customer = header.customer
    ? [header.customer.name, header.customer.email && `<${header.customer.email}>`].filter(Boolean).join(" ")
    : "";
  const session = header.session && /^https?:\/\//i.test(header.session) ? header.session : undefined;
  return (
    <div className="e2c-chips" role="group" aria-label={strings("Region_Label")}>
      {header.channel && <Chip label={strings("Channel_Label")} value={header.channel} icon="Mail" />}
      {classification && <Chip label={strings("Classification_Label")} value={classification} icon="Tag" />}
      {sentiment && sentiment.text && (
        <Chip
          label={strings("Sentiment_Label")}
          value={sentiment.text}
          icon={TONE_ICON[sentiment.tone]}
          className={`e2c-sentiment e2c-tone-${sentiment.tone}`}
        />
      )}
      {customer && <Chip label={strings("Customer_Label")} value={customer} icon="Contact" />}
      {session && (
        <Link href={session} target="_blank" rel="noopener noreferrer" className="e2c-session-link">
          <FontIcon iconName="OpenInNewTab" aria-hidden /> <Text>{strings("Session_Link")}</Text>
        </Link>
      )}
    </div>
  );
});
