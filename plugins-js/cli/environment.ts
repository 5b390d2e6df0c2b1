/** From `--config` to a Dataverse client: read and check the file, sign in, and build the transport. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_RETRY, HttpTransport } from "../dataverse/transport";
import {
  addressProblems,
  EMULATOR_ADMIN_TOKEN,
  EMULATOR_CONNECTOR_TOKEN,
  parseConfig,
  retryPolicy,
  tokenSource,
  withEnvironmentUrl,
  type E2cConfig,
} from "./config";
import { InputError, readJson, type CliIO } from "./io";

export const DEFAULT_CONFIG_FILE = "e2c.config.json";

/** The toolkit's own folder (where package.json is), from the sources or from dist/. */
export function packageRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "examples"))) return dir;
  }
  return process.cwd();
}

/** Where the configuration comes from: `--config FILE` and `--url URL` (commandArgs adds --url beside --config). */
export interface ConfigOptions {
  config?: string | boolean | undefined;
  url?: string | boolean | undefined;
}

/**
 * The checked configuration, with `environmentUrl` overridden by `--url` or E2C_ENVIRONMENT_URL. A path alone (the
 * older form) still reads the file, and the environment variable still applies.
 */
export function loadConfig(
  io: CliIO,
  options: ConfigOptions | string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { name: string; config: E2cConfig } {
  const { config: configPath, url } = typeof options === "object" ? options : { config: options, url: undefined };
  const path = typeof configPath === "string" ? configPath : undefined;
  const loaded = loadConfigFile(io, path);
  const pointed = withEnvironmentUrl(loaded.config, typeof url === "string" ? url : undefined, env);
  if (!pointed.ok) throw new InputError("", pointed.problems);
  return { name: loaded.name, config: pointed.config };
}

function loadConfigFile(io: CliIO, path: string | undefined): { name: string; config: E2cConfig } {
  const file = path ?? DEFAULT_CONFIG_FILE;
  let loaded: { name: string; value: unknown };
  try {
    loaded = readJson(io, file, "config");
  } catch (error) {
    if (error instanceof InputError && path === undefined && /no such file/.test(error.message)) {
      throw new InputError(
        file,
        [{ field: "(root)", message: "no such file in this folder" }],
        `Copy examples/e2c.config.json here (it points at the local emulator: start it with \`e2c emulator\`), or pass --config FILE. The settings are described in the README under "Configuration: e2c.config.json".`,
      );
    }
    throw error;
  }
  const parsed = parseConfig(loaded.value);
  if (!parsed.ok)
    throw new InputError(
      loaded.name,
      parsed.problems,
      'The settings are described in the README under "Configuration: e2c.config.json".',
    );
  const problems = addressProblems(parsed.config);
  if (problems.length) throw new InputError(loaded.name, problems);
  return { name: loaded.name, config: parsed.config };
}

export function transportFor(
  io: CliIO,
  config: E2cConfig,
  which: "connector" | "doctor",
  env: NodeJS.ProcessEnv = process.env,
): HttpTransport {
  const auth = which === "doctor" ? (config.doctor.auth ?? config.auth) : config.auth;
  let tokens;
  try {
    tokens = tokenSource(config, env, auth, which === "doctor" ? EMULATOR_ADMIN_TOKEN : EMULATOR_CONNECTOR_TOKEN);
  } catch (error) {
    throw new InputError("", [{ field: "auth", message: (error as Error).message }]);
  }
  const retry = retryPolicy(config);
  let told = false;
  return new HttpTransport(config.environmentUrl, tokens, {
    retry,
    // One line for all retries of a run, not one per retry.
    onRetry: (why) => {
      if (told) return;
      told = true;
      io.stderr(
        `e2c: ${why}; retrying with backoff, up to ${retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts} tries per request (further retries are not shown)\n`,
      );
    },
  });
}
