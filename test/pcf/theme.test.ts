import { themeFromDesignLanguage } from "../../pcf/HandoffTranscript/model/theme";

/** Fluent v8's default light palette, for the colours the app's theme leaves unset. */
const FLUENT_THEME_PRIMARY = "#0078d4";

describe("the control follows the app's Fluent 2 theme", () => {
  test("each of the app's colour tokens becomes the control's matching colour", () => {
    const theme = themeFromDesignLanguage({
      tokenTheme: {
        colorNeutralBackground1: "#010101",
        colorNeutralBackground2: "#020202",
        colorNeutralForeground1: "#030303",
        colorNeutralForeground2: "#040404",
        colorNeutralStroke1: "#050505",
        colorBrandBackground: "#060606",
        colorBrandForeground1: "#070707",
        colorPaletteRedForeground1: "#080808",
        colorPaletteGreenForeground1: "#090909",
      },
    });
    const p = theme?.palette;
    expect([
      p?.white,
      p?.neutralLighter,
      p?.neutralPrimary,
      p?.neutralSecondary,
      p?.neutralTertiaryAlt,
      p?.themePrimary,
      p?.themeDarkAlt,
      p?.red,
      p?.green,
    ]).toEqual(["#010101", "#020202", "#030303", "#040404", "#050505", "#060606", "#070707", "#080808", "#090909"]);
  });

  test("a token the app leaves out or empty keeps Fluent's own colour", () => {
    const theme = themeFromDesignLanguage({
      tokenTheme: { colorNeutralBackground1: "#292929", colorBrandBackground: "" },
    });
    expect(theme?.palette.white).toBe("#292929");
    expect(theme?.palette.themePrimary).toBe(FLUENT_THEME_PRIMARY);
  });

  test("a dark app theme makes the control's theme inverted", () => {
    expect(themeFromDesignLanguage({ isDarkTheme: true, tokenTheme: {} })?.isInverted).toBe(true);
  });

  test("a light app theme, or one that does not say, is not inverted", () => {
    expect(themeFromDesignLanguage({ isDarkTheme: false, tokenTheme: {} })?.isInverted).toBe(false);
    expect(themeFromDesignLanguage({ tokenTheme: {} })?.isInverted).toBe(false);
  });

  test("no design language, or one without tokens: the host's theme stays", () => {
    expect(themeFromDesignLanguage(undefined)).toBeUndefined();
    expect(themeFromDesignLanguage({ isDarkTheme: true })).toBeUndefined();
  });
});
