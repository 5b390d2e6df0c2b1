/**
 * The control follows the app's theme: `context.fluentDesignLanguage` carries Fluent 2 tokens (dark and new look
 * included, PowerApps-Samples FluentThemingAPIControl); the few the control uses are mapped onto a Fluent v8 theme.
 */
import { createTheme, type ITheme } from "@fluentui/react";

export interface DesignTokens {
  colorNeutralBackground1?: string;
  colorNeutralBackground2?: string;
  colorNeutralForeground1?: string;
  colorNeutralForeground2?: string;
  colorNeutralStroke1?: string;
  colorBrandBackground?: string;
  colorBrandForeground1?: string;
  colorPaletteRedForeground1?: string;
  colorPaletteGreenForeground1?: string;
}

export interface FluentDesignLanguage {
  isDarkTheme?: boolean;
  tokenTheme?: DesignTokens;
}

export function themeFromDesignLanguage(design: FluentDesignLanguage | undefined): ITheme | undefined {
  if (!design?.tokenTheme) return undefined;
  const t = design.tokenTheme;
  const palette: Record<string, string> = {};
  const set = (key: string, value: string | undefined): void => {
    if (value) palette[key] = value;
  };
  set("white", t.colorNeutralBackground1);
  set("neutralLighter", t.colorNeutralBackground2);
  set("neutralPrimary", t.colorNeutralForeground1);
  set("neutralSecondary", t.colorNeutralForeground2);
  set("neutralTertiaryAlt", t.colorNeutralStroke1);
  set("themePrimary", t.colorBrandBackground);
  set("themeDarkAlt", t.colorBrandForeground1);
  set("red", t.colorPaletteRedForeground1);
  set("green", t.colorPaletteGreenForeground1);
  return createTheme({ palette, isInverted: design.isDarkTheme === true });
}
