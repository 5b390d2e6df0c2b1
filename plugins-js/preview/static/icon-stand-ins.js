// The platform serves Fluent's MDL2 icon font from Microsoft's CDN, which an offline page cannot reach: the icons the
// Handoff transcript control uses get Unicode stand-ins, so people and screenshots see a glyph, not a missing-glyph
// box. Loaded after Fluent and before the control's bundle, by the local preview and by the browser-test harness.
(function () {
  var STAND_INS = {
    Mail: "\u2709",
    Tag: "#",
    Sad: "\u2639",
    EmojiNeutral: "\u25CB",
    Emoji2: "\u263A",
    Contact: "\u263B",
    OpenInNewTab: "\u2197",
    Copy: "\u2750",
    ChevronUp: "\u25B2",
    ChevronDown: "\u25BC",
    More: "\u2026",
    CheckMark: "\u2713",
    Search: "\u2315",
    Clear: "\u00D7",
    Cancel: "\u00D7",
    ExploreContent: "+",
    CollapseContent: "\u2212",
    // Fluent's message bars.
    Info: "\u2139",
    Warning: "\u26A0",
    ErrorBadge: "\u26D4",
    Completed: "\u2713",
    Blocked2: "\u2298",
  };
  // registerIcons keeps an icon that is already registered, so replace the platform build's MDL2 codes explicitly.
  window.FluentUIReactv81211.unregisterIcons(Object.keys(STAND_INS));
  window.FluentUIReactv81211.registerIcons({ icons: STAND_INS });
})();
