/**
 * The icons the control draws, as inline SVG (Fluent's MDL2 glyphs from @fluentui/react-icons-mdl2), registered
 * with Fluent's registerIcons under the control's own names: nothing is fetched from an icon-font CDN, and the
 * control neither depends on nor replaces the icons the host page registered under Fluent's names.
 */
import { MessageBarType, registerIcons, type IIconProps } from "@fluentui/react";
import * as React from "react";
import { ICON_PATHS } from "../generated/IconPaths";
import { ICON_NAMES, type IconName } from "./icon-names";

/** The control's icon names ("e2c-copy"), for iconName props. */
export const Icons = Object.fromEntries(ICON_NAMES.map((name) => [name, `e2c-${name.toLowerCase()}`])) as Record<
  IconName,
  string
>;

/** An MDL2 glyph as the icon font would draw it: one em square, in the text's colour. */
const SVG_STYLE: React.CSSProperties = {
  display: "inline-block",
  width: "1em",
  height: "1em",
  fill: "currentColor",
  verticalAlign: "middle",
};

/** Asks Fluent not to warn of icons the page already has; Fluent 8.121 reads no option here, a host's later 8.x may. */
// Stryker disable next-line ObjectLiteral,BooleanLiteral: the tested Fluent (8.121) reads no option of registerIcons
const QUIET = { disableWarnings: true };

let registered = false;

/** Registers the control's icons once per page; a second control on the form finds them there. */
export function registerControlIcons(): void {
  if (registered) return;
  registered = true;
  const icons: Record<string, React.ReactElement> = {};
  for (const name of ICON_NAMES) {
    icons[Icons[name]] = (
      <svg viewBox="0 0 2048 2048" focusable="false" aria-hidden="true" style={SVG_STYLE}>
        <path d={ICON_PATHS[name]} />
      </svg>
    );
  }
  registerIcons({ icons }, QUIET);
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
