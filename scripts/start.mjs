// `npm start`: the whole toolkit running locally, as a newcomer first meets it (issue 7). Builds what is missing or
// out of date, starts the local Dataverse emulator with the demo environment, sends the sample handoffs through the
// connector, and serves the Case form preview and the health page on 127.0.0.1 until Ctrl-C.
// E2C_EMULATOR_PORT (default 7070) and E2C_PREVIEW_PORT (default 7072) choose the ports; 0 takes free ones.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);

/** The newest modification time of the files under these folders. */
function newest(dirs) {
  let time = 0;
  const visit = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === "generated") continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) visit(path);
      else time = Math.max(time, stat.mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) visit(join(root, dir));
  return time;
}

function stale(output, sources) {
  return !existsSync(join(root, output)) || statSync(join(root, output)).mtimeMs < newest(sources);
}

function step(what, args) {
  console.log(what);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`npm start: ${what.replace(/…$/, "")} failed.`);
    process.exit(r.status ?? 1);
  }
}

if (stale("dist/plugins-js/preview/start.js", ["core", "plugins-js"])) {
  step("Compiling the e2c command, the connector and the emulator…", [
    require.resolve("typescript/bin/tsc"),
    "-p",
    "tsconfig.build.json",
  ]);
}
if (stale("out/controls/HandoffTranscript/bundle.js", ["pcf/HandoffTranscript", "core"])) {
  step("Building the Handoff transcript control (pcf-scripts, production; about a minute the first time)…", [
    join(root, "scripts", "build-control.mjs"),
  ]);
}
step("Building the web resources…", [join(root, "scripts", "build-webresources.mjs")]);

const { startToolkit } = require(join(root, "dist", "plugins-js", "preview", "start.js"));
const { commandsToTry } = require(join(root, "dist", "plugins-js", "cli", "commands", "emulator.js"));
const port = (name, fallback) => {
  const value = process.env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;
};

try {
  const toolkit = await startToolkit({
    root,
    emulatorPort: port("E2C_EMULATOR_PORT", 7070),
    previewPort: port("E2C_PREVIEW_PORT", 7072),
    log: (line) => console.log(line),
  });
  const url = toolkit.preview.url;
  console.log(`
Email to Case Toolkit is running on this machine — no tenant needed.

  Case form preview:    ${url}
  Email-to-case health: ${url}#health
  Dataverse emulator:   ${toolkit.emulator.serviceRoot}

What to look at:
  - Pick a case on the left: the Handoff transcript control shows the handed-off email thread on Description,
    with classification and sentiment chips, roles, times in your time zone, folded quotes and search.
  - "Billing - Jane Doe" is a repeat customer's case: the handoff's summary comes first, then her earlier handoffs
    (each opens its case), then the transcript.
  - "Hardware - Priya Patel" holds a long thread cut to fit the Description: use "Load full transcript" in the control
    (it reads the note "Handoff transcript" from the emulator). Above the fields, the real incident form script
    says so, and shows the handoff's sentiment (negative as a warning).
  - "Shipping - Omar Haddad" was created straight over the Web API, as OpenCX's own integration creates cases
    (description only): the case enrichment webhook filled its classification and sentiment (docs/webhook.md).
  - "Email-to-case health" checks the demo environment's record creation rules, queues and mailboxes: it has
    deliberate mistakes to find.
  - In another terminal, against the same emulator:
      ${commandsToTry(toolkit.emulator.url).join("\n      ")}

Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await toolkit.close();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}
