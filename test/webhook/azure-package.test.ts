/** `npm run build:azure-function`: the app folder Azure Functions runs, with the function as its entry point. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../emulator/helpers";

let out: string;
beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), "e2c-func-")), "app");
  execFileSync(process.execPath, [join(ROOT, "scripts", "pack-azure-function.mjs"), out]);
});
afterAll(() => rmSync(join(out, ".."), { recursive: true, force: true }));

test("writes a package whose main is the function, with the runtime dependencies this repository pins", () => {
  const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
  const root = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  expect(pkg.main).toBe("dist/plugins-js/webhook/azure-function.js");
  expect(pkg.dependencies).toEqual({
    "@azure/functions": root.dependencies["@azure/functions"],
    "@azure/msal-node": root.dependencies["@azure/msal-node"],
    "dataverse-ify": root.dependencies["dataverse-ify"],
    zod: root.dependencies.zod,
  });
  expect(JSON.parse(readFileSync(join(out, "host.json"), "utf8")).version).toBe("2.0");
});

test("its main loads with only the files it holds and exports the handler", () => {
  const printed = execFileSync(
    process.execPath,
    ["-e", 'process.stdout.write(typeof require(require("path").resolve(require("./package.json").main)).caseEvents)'],
    { cwd: out, env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") }, stdio: ["ignore", "pipe", "ignore"] },
  ).toString();
  expect(printed).toBe("function");
});
