/** `e2c emulator [--port N] [--seed FILE] [--faults SPEC]` (PRODUCT.md §6, §7): runs until Ctrl-C. */
import { join } from "node:path";
import { parseFaults } from "../../emulator/faults";
import { parseSeed } from "../../emulator/seed";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { commandArgs, wholeNumberOption } from "../args";
import { packageRoot } from "../environment";
import { InputError, readJson, type CliIO } from "../io";
import { untilStopped } from "../until-stopped";

export const EMULATOR_USAGE = `Usage:
  e2c emulator [--port N] [--seed FILE] [--faults SPEC] [--quiet]
                                        run the local Dataverse emulator on 127.0.0.1 (default port 7070) with
                                        the demo environment of examples/emulator/demo-seed.json; Ctrl-C stops it
                                        --faults 429:0.1,503:0.05,reset:0.05,latency=10 injects failures
`;

export const DEFAULT_EMULATOR_PORT = 7070;

/** Where examples/e2c.config.json expects the emulator. */
export const EXAMPLE_CONFIG_URL = `http://127.0.0.1:${DEFAULT_EMULATOR_PORT}`;

/**
 * Commands to try against the emulator at `url`, exactly as they work when typed in the repository's folder: with
 * `--url` when the emulator is not where examples/e2c.config.json expects it (E2C_EMULATOR_PORT, --port).
 */
export function commandsToTry(url: string): string[] {
  const at = url === EXAMPLE_CONFIG_URL ? "" : ` --url ${url}`;
  return [
    `npx e2c handoff examples/handoffs/billing-double-charge.json --config examples/e2c.config.json${at}`,
    `npx e2c doctor --config examples/e2c.config.json${at}`,
  ];
}

export function demoSeedPath(): string {
  return join(packageRoot(), "examples", "emulator", "demo-seed.json");
}

/** Starts the emulator from the command's options; `e2c emulator` and `npm start` both use it. */
export async function emulatorFromOptions(
  io: CliIO,
  values: Record<string, string | boolean | undefined>,
): Promise<RunningEmulator> {
  const port =
    wholeNumberOption(values, "port", { min: 0, max: 65535, what: "a port number" }) ?? DEFAULT_EMULATOR_PORT;
  const seedFile = typeof values.seed === "string" ? values.seed : demoSeedPath();
  const { name, value } = readJson(io, seedFile, "seed");
  const seed = parseSeed(value);
  if (!seed.ok)
    throw new InputError(
      name,
      seed.problems,
      'The seed format is in docs/emulator.md under "The seed (e2c-emulator-seed/1)".',
    );
  const faults = parseFaults(typeof values.faults === "string" ? values.faults : undefined);
  if (faults.problems.length) throw new InputError("", faults.problems);
  const options: Parameters<typeof startEmulator>[0] = { seed: seed.seed, port, faults: faults.spec };
  if (values.quiet !== true) options.log = (line) => io.stderr(`${line}\n`);
  try {
    return await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new InputError("", [
        { field: "--port", message: `port ${port} is in use: stop what uses it or pass --port N` },
      ]);
    }
    if (/^seed rows\./.test((error as Error).message)) {
      throw new InputError(name, [{ field: "(root)", message: (error as Error).message.replace(/^seed /, "") }]);
    }
    throw error;
  }
}

export async function emulatorCommand(io: CliIO, args: string[], stop?: Promise<unknown>): Promise<number> {
  const options = commandArgs(io, "emulator", args, EMULATOR_USAGE, {
    port: { type: "string" },
    seed: { type: "string" },
    faults: { type: "string" },
    quiet: { type: "boolean" },
  });
  if (!options) return 0;
  const emulator = await emulatorFromOptions(io, options.values);
  const users = emulator.store
    .all("systemuser")
    .map((u) => String(u.fullname))
    .filter((n) => n !== "SYSTEM");
  io.stdout(
    `Local Dataverse emulator on ${emulator.url}\n` +
      `  Web API: ${emulator.serviceRoot}\n` +
      `  Users: ${users.join(", ")} (sign in with a user's token from the seed file)\n` +
      `  Try: ${commandsToTry(emulator.url).join("\n       ")}\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await untilStopped(stop);
  await emulator.close();
  io.stdout("Emulator stopped.\n");
  return 0;
}
