import { FontIcon, Link, Text, useTheme, type ITheme } from "@fluentui/react";
import * as React from "react";
import type { Sentiment } from "../../../core/transcript/sentiment";
import type { TranscriptHeader } from "../../../core/transcript/types";
import { Icons } from "./icons";
import type { HandoffTranscriptProps } from "./types";

interface HeaderChipsProps {
  header: TranscriptHeader;
  classification: string | undefined;
  sentiment: Sentiment | null;
  strings: HandoffTranscriptProps["strings"];
}

const TONE_ICON = { negative: Icons.Sad, neutral: Icons.EmojiNeutral, positive: Icons.Emoji2 } as const;

/** The tone's colour from the theme (dark and high-contrast themes included); the label and icon say the same. */
function toneColor(theme: ITheme, tone: Sentiment["tone"]): string {
  if (tone === "negative") return theme.semanticColors.errorText;
  if (tone === "positive") return theme.semanticColors.successIcon;
  return theme.semanticColors.bodySubtext;
}

function Chip(props: { label: string; value: string; icon?: string; className?: string; color?: string }) {
  const { label, value, icon, className, color } = props;
  return (
    <span className={`e2c-chip ${className ?? ""}`.trim()} style={color ? { color } : undefined}>
      {icon && <FontIcon iconName={icon} aria-hidden className="e2c-chip-icon" />}
      <span className="e2c-chip-label">{label}:</span> <span className="e2c-chip-value">{value}</span>
    </span>
  );
}

/** A sentiment as a chip: label, icon and the theme's colour for its tone (colour never alone). */
export const SentimentChip = React.memo(function SentimentChip(props: {
  sentiment: Sentiment;
  strings: HandoffTranscriptProps["strings"];
}) {
  const { sentiment, strings } = props;
  const theme = useTheme();
  return (
    <Chip
      label={strings("Sentiment_Label")}
      value={sentiment.text}
      icon={TONE_ICON[sentiment.tone]}
      className={`e2c-sentiment e2c-tone-${sentiment.tone}`}
      color={toneColor(theme, sentiment.tone)}
    />
  );
});

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
      {header.channel && <Chip label={strings("Channel_Label")} value={header.channel} icon={Icons.Mail} />}
      {classification && <Chip label={strings("Classification_Label")} value={classification} icon={Icons.Tag} />}
      {sentiment && sentiment.text && <SentimentChip sentiment={sentiment} strings={strings} />}
      {customer && <Chip label={strings("Customer_Label")} value={customer} icon={Icons.Contact} />}
      {session && (
        <Link href={session} target="_blank" rel="noopener noreferrer" className="e2c-session-link">
          <FontIcon iconName={Icons.OpenInNewTab} aria-hidden /> <Text>{strings("Session_Link")}</Text>
        </Link>
      )}
    </div>
  );
});
