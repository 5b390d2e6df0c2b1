/**
 * `e2c.config.json` (PRODUCT.md §8 settings; names from seed 003): where the environment is, how to sign in, and the
 * connector's defaults. Secrets never sit in the file: the client secret comes from the environment variable the
 * file names (E2C_CLIENT_SECRET unless told otherwise), and nothing here prints it.
 */
import { z } from "zod";
import type { ConnectorSettings, RecordRef } from "../../core/connector/handoff-plan";
import { problemsOf } from "../../core/email-to-case/scenario";
import type { InputProblem } from "../../core/transcript/handoff";
import { MsalClientCredentials, StaticToken, type TokenSource } from "../dataverse/auth";
import type { RetryPolicy } from "../dataverse/transport";

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;
const guid = z.string().regex(GUID, "must be a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
/** `<guid>` (a user), or `systemusers(<guid>)` / `teams(<guid>)` / `accounts(<guid>)` / `contacts(<guid>)`. */
const RECORD_ADDRESS_RE = /^(?:(\w+)\()?\{?([0-9a-fA-F-]{36})\}?\)?$/;
const recordAddress = z.string().regex(RECORD_ADDRESS_RE, "must be a GUID or entityset(GUID)");

const emulatorAuth = z.strictObject({
  type: z.literal("emulator"),
  /** The emulator's token for a user of its seed. Not a secret: it only opens the local emulator. */
  token: z.string().optional(),
  tokenEnv: z.string().default("E2C_EMULATOR_TOKEN"),
});

const clientCredentialsAuth = z.strictObject({
  type: z.literal("clientCredentials"),
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecretEnv: z.string().default("E2C_CLIENT_SECRET"),
  authorityHost: z.string().url().optional(),
});

const auth = z.discriminatedUnion("type", [emulatorAuth, clientCredentialsAuth]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  environmentUrl: z.string().url("must be the environment URL, such as https://contoso.crm.dynamics.com"),
  auth,
  default_queue_id: guid,
  default_owner_id: recordAddress.optional(),
  default_priority: z.number().int().optional(),
  default_customer_id: recordAddress.optional(),
  // Every own key kept as typed, "__proto__" and "constructor" included (z.record drops "__proto__" silently), so
  // the connector can refuse each unknown column by name.
  ticket_properties: z
    .custom<Record<string, unknown>>(
      (v) => typeof v === "object" && v !== null && !Array.isArray(v),
      'must be a JSON object of incident columns, such as { "casetypecode": 2 }',
    )
    .optional()
    .transform((v) => Object.fromEntries(Object.entries(v ?? {}))),
  copy_attachments: z.boolean().default(false),
  retry: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(20).optional(),
      baseDelayMs: z.number().int().min(0).optional(),
      maxDelayMs: z.number().int().min(0).optional(),
    })
    .default({}),
  doctor: z
    .strictObject({
      recentEmails: z.number().int().min(0).max(5000).default(50),
      /** Sign-in for reading the configuration, when the connector's application user may not. */
      auth: auth.optional(),
    })
    .default({ recentEmails: 50 }),
  /** The case enrichment webhook (docs/webhook.md). */
  webhook: z
    .strictObject({
      /** The service endpoint's name, and its steps' prefix. */
      name: z.string().min(1).max(200).optional(),
      /** The key Dataverse sends; E2C_WEBHOOK_KEY wins over it. */
      key: z.string().min(16, "must be at least 16 characters: a long random key").optional(),
      /** Sign-in of the webhook's application user (read and write cases), when not the connector's. */
      auth: auth.optional(),
      /** Sign-in for `e2c webhook register`/`unregister` (creates service endpoints and steps). */
      adminAuth: auth.optional(),
    })
    .optional(),
});

export type E2cConfig = z.infer<typeof configSchema>;
type Auth = z.infer<typeof auth>;

/** The emulator's default users (examples/emulator/demo-seed.json). */
export const EMULATOR_CONNECTOR_TOKEN = "e2c-emulator-connector";
export const EMULATOR_ADMIN_TOKEN = "e2c-emulator-admin";
export const EMULATOR_WEBHOOK_TOKEN = "e2c-emulator-webhook";

/** The environment variable that overrides `environmentUrl` (a `--url` option overrides both). */
export const ENVIRONMENT_URL_VARIABLE = "E2C_ENVIRONMENT_URL";

const environmentUrl = configSchema.shape.environmentUrl;

/**
 * The configuration pointed at another environment: `--url` first, then E2C_ENVIRONMENT_URL, then the file's own
 * `environmentUrl` — so one config file serves an emulator on any port, or a copy of an environment.
 */
export function withEnvironmentUrl(
  config: E2cConfig,
  url: string | undefined,
  env: NodeJS.ProcessEnv,
): { ok: true; config: E2cConfig } | { ok: false; problems: InputProblem[] } {
  const [field, value] = url !== undefined ? ["--url", url] : ["E2C_ENVIRONMENT_URL", env[ENVIRONMENT_URL_VARIABLE]];
  if (value === undefined || value === "") return { ok: true, config };
  const checked = environmentUrl.safeParse(value);
  if (!checked.success || !/^https?:\/\//i.test(value)) {
    return {
      ok: false,
      problems: [
        { field, message: `must be the environment URL, such as https://contoso.crm.dynamics.com, not "${value}"` },
      ],
    };
  }
  return { ok: true, config: { ...config, environmentUrl: value } };
}

export function parseConfig(input: unknown): { ok: true; config: E2cConfig } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  if (typeof input === "object" && input !== null) {
    for (const where of [input as Record<string, unknown>, (input as { auth?: Record<string, unknown> }).auth ?? {}]) {
      for (const key of ["clientSecret", "client_secret", "secret", "password"]) {
        if (key in where) {
          problems.push({
            field: where === input ? key : `auth.${key}`,
            message:
              "secrets do not belong in the file: put it in the environment variable named by auth.clientSecretEnv (E2C_CLIENT_SECRET)",
          });
        }
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  const result = configSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, config: result.data } : { ok: false, problems: problemsOf(result.error) };
}

function reference(address: string | undefined, defaultTable: string): RecordRef | null {
  if (!address) return null;
  const m = RECORD_ADDRESS_RE.exec(address)!;
  const set = m[1] ?? `${defaultTable}s`;
  const table = set.replace(/s$/, "");
  return { entityType: table, id: m[2]!.toLowerCase() };
}

export function connectorSettings(config: E2cConfig): ConnectorSettings {
  return {
    defaultQueueId: config.default_queue_id.replace(/[{}]/g, "").toLowerCase(),
    defaultOwner: reference(config.default_owner_id, "systemuser"),
    defaultPriority: config.default_priority ?? null,
    defaultCustomer: reference(config.default_customer_id, "account"),
    ticketProperties: config.ticket_properties,
    copyAttachments: config.copy_attachments,
  };
}

/** Problems with the owner and customer addresses that only make sense as some tables. */
export function addressProblems(config: E2cConfig): InputProblem[] {
  const problems: InputProblem[] = [];
  const owner = reference(config.default_owner_id, "systemuser");
  if (owner && owner.entityType !== "systemuser" && owner.entityType !== "team") {
    problems.push({ field: "default_owner_id", message: "must be a user (systemusers(<id>)) or a team (teams(<id>))" });
  }
  const customer = reference(config.default_customer_id, "account");
  if (customer && customer.entityType !== "account" && customer.entityType !== "contact") {
    problems.push({
      field: "default_customer_id",
      message: "must be an account (accounts(<id>)) or a contact (contacts(<id>))",
    });
  }
  return problems;
}

export function tokenSource(
  config: E2cConfig,
  env: NodeJS.ProcessEnv,
  which: Auth = config.auth,
  emulatorDefault = EMULATOR_CONNECTOR_TOKEN,
): TokenSource {
  if (which.type === "emulator") return new StaticToken(env[which.tokenEnv] ?? which.token ?? emulatorDefault);
  const secret = env[which.clientSecretEnv];
  if (!secret) {
    throw new Error(
      `The client secret is not set: put it in the environment variable ${which.clientSecretEnv} (the file names it in auth.clientSecretEnv).`,
    );
  }
  const credentials: { tenantId: string; clientId: string; clientSecret: string; authorityHost?: string } = {
    tenantId: which.tenantId,
    clientId: which.clientId,
    clientSecret: secret,
  };
  if (which.authorityHost) credentials.authorityHost = which.authorityHost;
  return new MsalClientCredentials(config.environmentUrl, credentials);
}

export function retryPolicy(config: E2cConfig): Partial<RetryPolicy> {
  const out: Partial<RetryPolicy> = {};
  if (config.retry.maxAttempts !== undefined) out.maxAttempts = config.retry.maxAttempts;
  if (config.retry.baseDelayMs !== undefined) out.baseDelayMs = config.retry.baseDelayMs;
  if (config.retry.maxDelayMs !== undefined) out.maxDelayMs = config.retry.maxDelayMs;
  return out;
}
