/**
 * The icons the control draws, as inline SVG (Fluent's MDL2 glyphs from @fluentui/react-icons-mdl2), registered
 * with Fluent's registerIcons under the control's own names: nothing is fetched from an icon-font CDN, and the
 * control neither depends on nor replaces the icons the host page registered under Fluent's names.
 */
import { MessageBarType, registerIcons, type IIconProps } from "@fluentui/react";
import {
  CheckMarkIcon,
  ChevronDownIcon,
  ChevronUpIcon,
  ClearIcon,
  CollapseContentIcon,
  ContactIcon,
  CopyIcon,
  Emoji2Icon,
  EmojiNeutralIcon,
  ErrorBadgeIcon,
  ExploreContentIcon,
  HistoryIcon,
  InfoIcon,
  MailIcon,
  MoreIcon,
  OpenInNewTabIcon,
  SadIcon,
  SearchIcon,
  TagIcon,
  WarningIcon,
} from "@fluentui/react-icons-mdl2";
import * as React from "react";

const SVG = {
  CheckMark: CheckMarkIcon,
  ChevronDown: ChevronDownIcon,
  ChevronUp: ChevronUpIcon,
  Clear: ClearIcon,
  CollapseContent: CollapseContentIcon,
  Contact: ContactIcon,
  Copy: CopyIcon,
  Emoji2: Emoji2Icon,
  EmojiNeutral: EmojiNeutralIcon,
  ErrorBadge: ErrorBadgeIcon,
  ExploreContent: ExploreContentIcon,
  History: HistoryIcon,
  Info: InfoIcon,
  Mail: MailIcon,
  More: MoreIcon,
  OpenInNewTab: OpenInNewTabIcon,
  Sad: SadIcon,
  Search: SearchIcon,
  Tag: TagIcon,
  Warning: WarningIcon,
} as const;

type IconKey = keyof typeof SVG;

/** The control's icon names ("e2c-copy"), for iconName props. */
export const Icons = Object.fromEntries(
  (Object.keys(SVG) as IconKey[]).map((key) => [key, `e2c-${key.toLowerCase()}`]),
) as Record<IconKey, string>;

let registered = false;

/** Registers the control's icons once per page; a second control on the form finds them there. */
export function registerControlIcons(): void {
  if (registered) return;
  registered = true;
  const icons: Record<string, React.ReactElement> = {};
  for (const key of Object.keys(SVG) as IconKey[]) icons[Icons[key]] = React.createElement(SVG[key]);
  registerIcons({ icons }, { disableWarnings: true });
}

const MESSAGE_BAR_ICONS: Partial<Record<MessageBarType, IIconProps>> = {
  [MessageBarType.info]: { iconName: Icons.Info },
  [MessageBarType.warning]: { iconName: Icons.Warning },
  [MessageBarType.error]: { iconName: Icons.ErrorBadge },
};

/** The control's own icon for a message bar of this type (Fluent's default names the MDL2 font). */
export function messageBarIcon(type: MessageBarType): IIconProps | undefined {
  return MESSAGE_BAR_ICONS[type];
}
