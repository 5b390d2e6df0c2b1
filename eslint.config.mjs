// ESLint 9 flat config: typescript-eslint plus Microsoft's Power Apps checker rules (registered explicitly:
// its paCheckerHosted config has no `plugins` key).
import eslintjs from "@eslint/js";
import tseslint from "typescript-eslint";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";
import react from "eslint-plugin-react";

export default [
  { ignores: ["**/generated/**", "out/**", "dist/**", "node_modules/**", "coverage/**"] },
  eslintjs.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "@microsoft/power-apps": powerApps },
    languageOptions: { globals: { ...globals.browser, ComponentFramework: "readonly", Xrm: "readonly" } },
    rules: {
      ...powerApps.configs.paCheckerHosted.rules,
      eqeqeq: ["error", "smart"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
    settings: powerApps.configs.paCheckerHosted.settings,
  },
  // Transcript text is data, never markup: no React path may set raw HTML.
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react },
    rules: { "react/no-danger": "error", "react/no-danger-with-children": "error" },
  },
  // core/ is shared by the browser and Node: no Node built-ins, no DOM, no Xrm.
  {
    files: ["core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "http", "https", "os", "child_process"] },
      ],
      "no-restricted-globals": ["error", "window", "document", "Xrm", "process", "Buffer"],
    },
  },
  {
    files: [
      "plugins-js/**/*.ts",
      "scripts/**/*.mjs",
      "bin/**/*.js",
      "test/**/*.{ts,js,mjs,cjs}",
      "scripts/**/*.cjs",
      "*.js",
      "*.mjs",
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["bin/**/*.js", "test/**/*.js", "test/**/*.cjs", "scripts/**/*.cjs", "jest.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Tests describe a scenario as "the documented example, with this field changed": loose JSON on purpose.
  // They import web resource sources by module path; use-cached-webresource is about URLs fetched at run time.
  {
    // The emulator is the Dataverse endpoint and the preview the organisation's web server: they build the URLs
    // the service itself serves (absolute Web API URLs, /WebResources/), as the service does.
    files: ["plugins-js/emulator/**/*.ts", "plugins-js/preview/**/*.ts"],
    rules: { "@microsoft/power-apps/use-relative-uri": "off", "@microsoft/power-apps/use-cached-webresource": "off" },
  },
  {
    files: ["test/**/*.{ts,js,cjs,mjs}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@microsoft/power-apps/use-cached-webresource": "off",
      // Tests name environment URLs as an admin writes them in e2c.config.json.
      "@microsoft/power-apps/use-relative-uri": "off",
    },
  },
];
