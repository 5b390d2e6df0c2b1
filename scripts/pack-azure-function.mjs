// `npm run build:azure-function`: the case enrichment webhook as an Azure Functions (Node.js v4 model) app folder,
// out/azure-function/ by default (or the folder named as the argument): the compiled core/ and plugins-js/ from
// dist/ (build them first: `npm run build:cli`), host.json, and a package.json whose "main" is the function and whose
// dependencies are the four it loads, at the versions this repository pins. Deploy the folder as docs/webhook.md
// says.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = resolve(process.argv[2] ?? join(root, "out", "azure-function"));
const main = "dist/plugins-js/webhook/azure-function.js";
if (!existsSync(join(root, main))) {
  console.error(`pack-azure-function: ${main} is missing: run npm run build:cli first.`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const RUNTIME = ["@azure/functions", "@azure/msal-node", "dataverse-ify", "zod"];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const dir of ["dist/core", "dist/plugins-js/webhook", "dist/plugins-js/dataverse", "vendor/fs-placeholder"]) {
  cpSync(join(root, dir), join(out, dir), { recursive: true, filter: (src) => !src.endsWith(".map") });
}
writeFileSync(
  join(out, "package.json"),
  `${JSON.stringify(
    {
      name: "e2c-case-enrichment-webhook",
      version: pkg.version,
      private: true,
      description: "Email to Case Toolkit: the case enrichment webhook as an Azure Functions app (docs/webhook.md).",
      main,
      engines: pkg.engines,
      dependencies: Object.fromEntries(RUNTIME.map((name) => [name, pkg.dependencies[name]])),
      overrides: pkg.overrides,
    },
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(out, "host.json"),
  `${JSON.stringify({ version: "2.0", logging: { logLevel: { default: "Information" } } }, null, 2)}\n`,
);
console.log(`Azure Functions app folder: ${out}`);
