// The global name the production bundle reads React by (pcf-scripts externals for platform library React 16.14.0).
window.Reactv16 = window.React;
// Fluent registers its Segoe UI font faces from Microsoft's CDN unless told a base URL; an empty one registers none,
// so the page asks nothing of another host and keeps the system font (FabricConfig.fontBaseUrl, @fluentui/style-utilities).
window.FabricConfig = { fontBaseUrl: "" };
