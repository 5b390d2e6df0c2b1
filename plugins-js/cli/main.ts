/** The `e2c` command (PRODUCT.md §6): dispatches to a subcommand and turns input errors into exit code 2. */
import { arcCommand, ARC_USAGE } from "./commands/arc";
import { diagnoseCommand, DIAGNOSE_USAGE } from "./commands/diagnose";
import { doctorCommand, DOCTOR_USAGE } from "./commands/doctor";
import { emulatorCommand, EMULATOR_USAGE } from "./commands/emulator";
import { handoffCommand, HANDOFF_USAGE } from "./commands/handoff";
import { transcriptCommand, TRANSCRIPT_USAGE } from "./commands/transcript";
import { backfillCommand, webhookCommand, WEBHOOK_USAGE } from "./commands/webhook";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { InputError, processIO, type CliIO } from "./io";

/** The root package's version, found from here both in the sources and in dist/. */
function toolkitVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "unknown";
}

const USAGE = `e2c — Email to Case Toolkit

${TRANSCRIPT_USAGE}
${DIAGNOSE_USAGE}
${ARC_USAGE}
${HANDOFF_USAGE}
${EMULATOR_USAGE}
${DOCTOR_USAGE}
${WEBHOOK_USAGE}
Exit codes, for every command: 0 done; 1 findings (arc validate: an error-severity finding; doctor: findings
or a read refused) or refused by Dataverse (handoff, webhook register, backfill); 2 invalid input (a file, an
option or the config); 3 environment unreachable, unavailable or sign-in failed (handoff, doctor; handoff also
when a lost answer could not be checked); 70 an internal error (a bug: please report it).
--url URL (or the environment variable E2C_ENVIRONMENT_URL) points handoff, doctor, webhook and backfill at another
environment than e2c.config.json's environmentUrl, such as an emulator on another port.
`;

function reportError(io: CliIO, error: unknown): number {
  if (error instanceof InputError) {
    io.stderr(
      `${error.message
        .split("\n")
        .map((l) => `e2c: ${l}`)
        .join("\n")}\n`,
    );
    if (error.hint) io.stderr(`e2c: ${error.hint}\n`);
    return 2;
  }
  // A bug, not bad input: say so plainly; the stack only on request.
  io.stderr(`e2c: internal error: ${(error as Error).message}\n`);
  if (process.env.E2C_DEBUG) io.stderr(`${(error as Error).stack}\n`);
  return 70;
}

/** The commands that talk to an environment answer later; the others at once. */
export function run(argv: string[], io: CliIO = processIO): number | Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "transcript":
        return transcriptCommand(io, args);
      case "diagnose":
        return diagnoseCommand(io, args);
      case "arc":
        return arcCommand(io, args);
      case "handoff":
        return handoffCommand(io, args).catch((error: unknown) => reportError(io, error));
      case "emulator":
        return emulatorCommand(io, args).catch((error: unknown) => reportError(io, error));
      case "doctor":
        return doctorCommand(io, args).catch((error: unknown) => reportError(io, error));
      case "webhook":
        return webhookCommand(io, args).catch((error: unknown) => reportError(io, error));
      case "backfill":
        return backfillCommand(io, args).catch((error: unknown) => reportError(io, error));
      case "--help":
      case "-h":
      case "help":
        io.stdout(USAGE);
        return 0;
      case "--version":
      case "-v":
        io.stdout(`${toolkitVersion()}\n`);
        return 0;
      case undefined:
        io.stderr(USAGE);
        return 2;
      default:
        throw new InputError("", [{ field: "(root)", message: `unknown command "${command}"; run e2c --help` }]);
    }
  } catch (error) {
    return reportError(io, error);
  }
}
