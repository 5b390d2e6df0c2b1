/** The MDL2 glyphs the control draws; scripts/icon-paths.cjs reads this list to generate their SVG paths. */
export const ICON_NAMES = [
  "CheckMark",
  "ChevronDown",
  "ChevronUp",
  "Clear",
  "CollapseContent",
  "Contact",
  "Copy",
  "Emoji2",
  "EmojiNeutral",
  "ErrorBadge",
  "ExploreContent",
  "History",
  "Info",
  "Mail",
  "More",
  "OpenInNewTab",
  "Sad",
  "Search",
  "Tag",
  "Warning",
] as const;

export type IconName = (typeof ICON_NAMES)[number];
