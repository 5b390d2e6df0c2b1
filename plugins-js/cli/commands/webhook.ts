/**
 * `e2c webhook serve|register|unregister` and `e2c backfill` (PRODUCT.md §10; docs/webhook.md): the case enrichment
 * webhook, its registration in Dataverse, and filling the cases made before it.
 */
import { explainDataverseFault } from "../../../core/connector/explain-error";
import type { TokenSource } from "../../dataverse/auth";
import { DataverseError } from "../../dataverse/errors";
import { JsonRequests } from "../../dataverse/json-requests";
import { HttpTransport, isConnectionFailure, type RetryPolicy, type TransportOptions } from "../../dataverse/transport";
import { backfillCases, type BackfillSummary } from "../../webhook/backfill";
import { WebApiCaseRecords } from "../../webhook/case-records";
import { MIN_KEY_LENGTH } from "../../webhook/endpoint";
import {
  DEFAULT_WEBHOOK_NAME,
  registerWebhook,
  unregisterWebhook,
  type RegistrationReport,
  type WebhookAuth,
} from "../../webhook/registration";
import { DEFAULT_WEBHOOK_PORT, startWebhookServer } from "../../webhook/serve";
import { commandArgs } from "../args";
import { EMULATOR_ADMIN_TOKEN, EMULATOR_WEBHOOK_TOKEN, retryPolicy, tokenSource, type E2cConfig } from "../config";
import { loadConfig } from "../environment";
import { InputError, type CliIO } from "../io";
import { terminalProgressBar } from "../progress-bar";
import { untilStopped } from "../until-stopped";

export const WEBHOOK_USAGE = `Usage:
  e2c webhook serve [--port N] [--config FILE]
                                        run the case enrichment webhook on 127.0.0.1 (default port 7073),
                                        POST /api/case-events; the key from E2C_WEBHOOK_KEY or webhook.key
  e2c webhook register --url URL [--auth webhookkey|httpheader] [--config FILE] [--dry-run] [--json]
                                        create or update the webhook service endpoint and its asynchronous
                                        Create and Update steps on incident; running it again changes nothing
  e2c webhook unregister [--config FILE] [--dry-run] [--json]
                                        remove them
  e2c backfill [--config FILE] [--dry-run] [--json]
                                        fill the handoff columns of existing cases whose description holds a
                                        transcript; safe to stop and run again
`;

/** The webhook answers Dataverse within its 60-second timeout: fewer, shorter retries than the connector's. */
const WEBHOOK_RETRY: Partial<RetryPolicy> = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

type Role = "webhook" | "admin";

/** The transport for the webhook's application user or for the admin who registers it. */
function webhookTransport(
  io: CliIO,
  config: E2cConfig,
  role: Role,
  env: NodeJS.ProcessEnv,
  announceRetries = true,
): HttpTransport {
  const auth = role === "admin" ? (config.webhook?.adminAuth ?? config.auth) : (config.webhook?.auth ?? config.auth);
  let tokens: TokenSource;
  try {
    tokens = tokenSource(config, env, auth, role === "admin" ? EMULATOR_ADMIN_TOKEN : EMULATOR_WEBHOOK_TOKEN);
  } catch (error) {
    throw new InputError("", [
      { field: role === "admin" ? "webhook.adminAuth" : "webhook.auth", message: (error as Error).message },
    ]);
  }
  const options: TransportOptions = {
    retry: role === "webhook" ? { ...WEBHOOK_RETRY, ...retryPolicy(config) } : retryPolicy(config),
  };
  if (announceRetries) options.onRetry = (why, ms, attempt) => io.stderr(`e2c: ${why}; retry ${attempt} in ${ms} ms\n`);
  return new HttpTransport(config.environmentUrl, tokens, options);
}

function webhookKey(config: E2cConfig, file: string, env: NodeJS.ProcessEnv): string {
  const key = env.E2C_WEBHOOK_KEY ?? config.webhook?.key;
  if (!key) {
    throw new InputError(
      file,
      [{ field: "webhook.key", message: "is not set" }],
      "Put a long random key in the environment variable E2C_WEBHOOK_KEY (or webhook.key in the file), and register the webhook with the same key: see docs/webhook.md.",
    );
  }
  if (key.length < MIN_KEY_LENGTH) {
    throw new InputError("", [
      { field: "E2C_WEBHOOK_KEY", message: `must be at least ${MIN_KEY_LENGTH} characters: a long random key` },
    ]);
  }
  return key;
}

/** Dataverse's refusal or an unreachable environment, said plainly; exit code 1. */
function reportFailure(io: CliIO, config: E2cConfig, error: unknown, what: string): number {
  if (error instanceof DataverseError) {
    const why = explainDataverseFault(error);
    const summary = why.summary.replace(/^403 on create:/, "403:");
    io.stderr(
      `e2c: ${what}: Dataverse refused (${error.status}${error.code ? ` ${error.code}` : ""}): ${summary}\n` +
        `e2c:   what to do: ${why.recommendation}\ne2c:   Dataverse said: ${error.message}\n`,
    );
    return 1;
  }
  if (isConnectionFailure(error)) {
    io.stderr(`e2c: ${what}: could not reach ${config.environmentUrl} (${(error as Error).message}).\n`);
    return 1;
  }
  if (error instanceof Error && /^This environment has no/.test(error.message)) {
    io.stderr(`e2c: ${what}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

function describeReport(name: string, url: string | null, auth: WebhookAuth | null, r: RegistrationReport): string {
  const verb = (action: string): string =>
    r.dryRun && action !== "unchanged" && action !== "absent" ? `would be ${action}` : action;
  const lines = [
    `Webhook "${name}"${url ? ` → ${url} (${auth === "httpheader" ? "HttpHeader x-e2c-key" : "WebhookKey ?code="})` : ""}${r.dryRun ? " — dry run, nothing written" : ""}`,
    `  service endpoint: ${verb(r.endpoint.action)}${r.endpoint.id ? ` (${r.endpoint.id})` : ""}`,
  ];
  for (const s of r.steps) {
    const filter = s.message === "Update" ? ", filtering attribute description" : "";
    lines.push(
      `  step ${s.message} of incident (PostOperation, asynchronous${filter}): ${verb(s.action)}${s.id ? ` (${s.id})` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

async function serve(io: CliIO, args: string[], env: NodeJS.ProcessEnv, stop?: Promise<unknown>): Promise<number> {
  const options = commandArgs(io, "webhook serve", args, WEBHOOK_USAGE, {
    port: { type: "string" },
    config: { type: "string" },
  });
  if (!options) return 0;
  const portText = typeof options.values.port === "string" ? options.values.port : String(DEFAULT_WEBHOOK_PORT);
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
    throw new InputError("", [
      { field: "--port", message: `must be a port number from 0 to 65535, not "${portText}"` },
    ]);
  }
  const { name, config } = loadConfig(io, options.values.config as string | undefined);
  const key = webhookKey(config, name, env);
  // One log line per event: the event's line says what its retries came to.
  const transport = webhookTransport(io, config, "webhook", env, false);
  const settings = {
    key,
    cases: new WebApiCaseRecords(new JsonRequests(transport)),
    log: (line: string) => io.stderr(`${new Date().toISOString()} ${line}\n`),
  };
  let running;
  try {
    running = await startWebhookServer(settings, Number(portText));
  } catch (error) {
    transport.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new InputError("", [
        { field: "--port", message: `port ${portText} is in use: stop what uses it or pass --port N` },
      ]);
    }
    throw error;
  }
  io.stdout(
    `Case enrichment webhook on ${running.url}\n` +
      `  Dataverse: ${transport.server}\n` +
      `  Key: from ${env.E2C_WEBHOOK_KEY ? "E2C_WEBHOOK_KEY" : `webhook.key in ${name}`}; Dataverse sends it as ?code= (WebhookKey) or x-e2c-key (HttpHeader)\n` +
      `  Register it: e2c webhook register --url ${running.url}${options.values.config ? ` --config ${String(options.values.config)}` : ""}\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await untilStopped(stop);
  await running.close();
  transport.close();
  io.stdout("Webhook stopped.\n");
  return 0;
}

async function register(io: CliIO, args: string[], env: NodeJS.ProcessEnv, remove: boolean): Promise<number> {
  const command = remove ? "webhook unregister" : "webhook register";
  const options = commandArgs(io, command, args, WEBHOOK_USAGE, {
    config: { type: "string" },
    "dry-run": { type: "boolean" },
    ...(remove ? {} : { url: { type: "string" as const }, auth: { type: "string" as const } }),
  });
  if (!options) return 0;
  const url = options.values.url;
  const auth = (options.values.auth ?? "webhookkey") as string;
  if (!remove) {
    if (typeof url !== "string" || !/^https?:\/\/\S+$/i.test(url)) {
      throw new InputError("", [
        {
          field: "--url",
          message: "is needed: the webhook's address, such as https://contoso-e2c.azurewebsites.net/api/case-events",
        },
      ]);
    }
    if (auth !== "webhookkey" && auth !== "httpheader") {
      throw new InputError("", [{ field: "--auth", message: `must be webhookkey or httpheader, not "${auth}"` }]);
    }
  }
  const { name: file, config } = loadConfig(io, options.values.config as string | undefined);
  const name = config.webhook?.name ?? DEFAULT_WEBHOOK_NAME;
  const key = remove ? "" : webhookKey(config, file, env);
  const dryRun = options.values["dry-run"] === true;
  const transport = webhookTransport(io, config, "admin", env);
  try {
    const api = new JsonRequests(transport);
    const report = remove
      ? await unregisterWebhook(api, name, dryRun)
      : await registerWebhook(api, { name, url: url as string, auth: auth as WebhookAuth, key }, dryRun);
    if (options.json) io.stdout(`${JSON.stringify({ name, ...report }, null, 2)}\n`);
    else
      io.stdout(describeReport(name, remove ? null : (url as string), remove ? null : (auth as WebhookAuth), report));
    const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(config.environmentUrl);
    const port = remove ? "" : new URL(url as string).port;
    if (!remove && !loopback && port && port !== "80" && port !== "443") {
      io.stderr(
        'e2c: warning: Dataverse sends webhooks only to ports 80 (http) and 443 (https) ("Register a WebHook").\n',
      );
    }
    return 0;
  } catch (error) {
    return reportFailure(io, config, error, remove ? "unregister" : "register");
  } finally {
    transport.close();
  }
}

function progress(io: CliIO): { update: (seen: number, total: number | null) => void; stop: () => void } {
  if (!io.stderrIsTTY) {
    return { update: (seen) => io.stderr(`e2c backfill: ${seen} cases looked at\n`), stop: () => undefined };
  }
  const bar = terminalProgressBar("e2c backfill [{bar}] {value}/{total} cases");
  return {
    update: (seen, total) => bar.update(seen, Math.max(total ?? seen, seen)),
    stop: () => bar.stop(),
  };
}

export async function backfillCommand(
  io: CliIO,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const options = commandArgs(io, "backfill", args, WEBHOOK_USAGE, {
    config: { type: "string" },
    "dry-run": { type: "boolean" },
  });
  if (!options) return 0;
  const { config } = loadConfig(io, options.values.config as string | undefined);
  const dryRun = options.values["dry-run"] === true;
  const transport = webhookTransport(io, config, "webhook", env);
  const bar = progress(io);
  let summary: BackfillSummary;
  try {
    summary = await backfillCases(new JsonRequests(transport), {
      dryRun,
      onProgress: bar.update,
      onFailure: (id, error) => io.stderr(`e2c: backfill: case ${id} not filled: ${error.message}\n`),
    });
  } catch (error) {
    bar.stop();
    return reportFailure(io, config, error, "backfill");
  } finally {
    transport.close();
  }
  bar.stop();
  if (options.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    io.stdout(
      `${dryRun ? "Dry run, nothing written: " : ""}${summary.seen} cases with a description and empty handoff columns; ` +
        `${summary.filled} ${dryRun ? "would be filled" : "filled"}, ${summary.noTranscript} hold no transcript` +
        `${summary.failed ? `, ${summary.failed} refused by Dataverse (run again to retry them)` : ""}.\n`,
    );
  }
  return summary.failed ? 1 : 0;
}

export async function webhookCommand(
  io: CliIO,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  stop?: Promise<unknown>,
): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "serve":
      return serve(io, rest, env, stop);
    case "register":
      return register(io, rest, env, false);
    case "unregister":
      return register(io, rest, env, true);
    case "--help":
    case "-h":
      io.stdout(WEBHOOK_USAGE);
      return 0;
    case undefined:
      io.stderr(WEBHOOK_USAGE);
      return 2;
    default:
      throw new InputError("", [
        { field: "(root)", message: `unknown webhook command "${sub}"; see e2c webhook --help` },
      ]);
  }
}
