// Bundles each form script into one file under its web resource name (PRODUCT.md §2), exposing its E2C.* entry
// points as a global, the way a form's event handler names them (E2C.IncidentForm.onLoad).
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const root = new URL("..", import.meta.url).pathname;

export const WEB_RESOURCES = [
  {
    name: "e2c_/scripts/incidentForm.js",
    entry: "webresources/src/forms/incident-form.ts",
    globalName: "E2C.IncidentForm",
  },
  {
    name: "e2c_/scripts/arcRuleForm.js",
    entry: "webresources/src/forms/arc-rule-form.ts",
    globalName: "E2C.ArcRuleForm",
  },
  {
    name: "e2c_/pages/health.js",
    entry: "webresources/src/health/health-page.ts",
    globalName: "E2C.HealthPage",
  },
  {
    name: "e2c_/pages/outcomes.js",
    entry: "webresources/src/outcomes/outcomes-page.ts",
    globalName: "E2C.OutcomesPage",
  },
];

/** Web resources that are files as they are. */
export const STATIC_WEB_RESOURCES = [
  { name: "e2c_/pages/health.html", source: "webresources/src/health/health.html" },
  { name: "e2c_/pages/outcomes.html", source: "webresources/src/outcomes/outcomes.html" },
  { name: "e2c_/pages/pages.css", source: "webresources/src/shared/pages.css" },
];

export async function buildWebResources() {
  const built = [];
  for (const resource of WEB_RESOURCES) {
    const outfile = `${root}out/webresources/${resource.name}`;
    const result = await build({
      entryPoints: [`${root}${resource.entry}`],
      outfile,
      bundle: true,
      format: "iife",
      globalName: resource.globalName,
      // Model-driven apps run in evergreen browsers.
      target: "es2019",
      minify: true,
      legalComments: "none",
      logLevel: "warning",
    });
    if (result.errors.length > 0) throw new Error(`${resource.name}: ${result.errors.length} error(s)`);
    built.push(outfile.slice(root.length));
  }
  for (const resource of STATIC_WEB_RESOURCES) {
    const target = `${root}out/webresources/${resource.name}`;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(`${root}${resource.source}`, target);
    built.push(target.slice(root.length));
  }
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWebResources().then(
    (files) => files.forEach((f) => console.log(`  built ${f}`)),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
