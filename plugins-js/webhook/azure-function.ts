/**
 * The case enrichment webhook as an Azure Functions (Node.js v4 programming model) HTTP function, route
 * `case-events`: the host that scales it past one machine ("Use WebHooks…" recommends Azure Functions). Same
 * endpoint as `e2c webhook serve`; its settings come from the function app's application settings:
 *
 *   E2C_ENVIRONMENT_URL   https://contoso.crm.dynamics.com
 *   E2C_WEBHOOK_KEY       the key the webhook was registered with
 *   E2C_TENANT_ID, E2C_CLIENT_ID, E2C_CLIENT_SECRET   the webhook's application user (client credentials)
 *   E2C_EMULATOR_TOKEN    instead of the three above, against the local emulator
 *
 * authLevel is "anonymous" because the endpoint checks the key itself (both WebhookKey `?code=` and the HttpHeader
 * option work); see docs/webhook.md.
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from "@azure/functions";
import { MsalClientCredentials, StaticToken, type TokenSource } from "../dataverse/auth";
import { JsonRequests } from "../dataverse/json-requests";
import { HttpTransport } from "../dataverse/transport";
import { WebApiCaseRecords } from "./case-records";
import { answerCaseEvent, MIN_KEY_LENGTH, type EndpointSettings } from "./endpoint";

interface Settings {
  key: string;
  cases: WebApiCaseRecords;
}

/** Built once per worker, again only if the application settings change. */
let cached: { from: string; settings: Settings } | null = null;

const SETTING_NAMES = [
  "E2C_ENVIRONMENT_URL",
  "E2C_WEBHOOK_KEY",
  "E2C_TENANT_ID",
  "E2C_CLIENT_ID",
  "E2C_CLIENT_SECRET",
  "E2C_EMULATOR_TOKEN",
];

/** The settings from the application settings; what is missing is named, never its value. */
export function settingsFromEnvironment(env: NodeJS.ProcessEnv): Settings {
  const missing = (name: string): never => {
    throw new Error(`The application setting ${name} is not set (docs/webhook.md, "Azure Functions").`);
  };
  const environmentUrl = env.E2C_ENVIRONMENT_URL ?? missing("E2C_ENVIRONMENT_URL");
  const key = env.E2C_WEBHOOK_KEY ?? missing("E2C_WEBHOOK_KEY");
  if (key.length < MIN_KEY_LENGTH) throw new Error(`E2C_WEBHOOK_KEY must be at least ${MIN_KEY_LENGTH} characters.`);
  let tokens: TokenSource;
  if (env.E2C_EMULATOR_TOKEN) tokens = new StaticToken(env.E2C_EMULATOR_TOKEN);
  else {
    tokens = new MsalClientCredentials(environmentUrl, {
      tenantId: env.E2C_TENANT_ID ?? missing("E2C_TENANT_ID"),
      clientId: env.E2C_CLIENT_ID ?? missing("E2C_CLIENT_ID"),
      clientSecret: env.E2C_CLIENT_SECRET ?? missing("E2C_CLIENT_SECRET"),
    });
  }
  // Within Dataverse's 60-second timeout: few, short retries; the async service retries the rest.
  const transport = new HttpTransport(environmentUrl, tokens, {
    retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000 },
  });
  return { key, cases: new WebApiCaseRecords(new JsonRequests(transport)) };
}

/** The request body as text, or null once it is longer than `limit` bytes. */
async function readLimited(request: HttpRequest, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function caseEvents(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const from = JSON.stringify(SETTING_NAMES.map((n) => process.env[n] ?? null));
  if (cached?.from !== from) cached = { from, settings: settingsFromEnvironment(process.env) };
  const settings: EndpointSettings = { ...cached.settings, log: (line) => context.log(line) };
  const answer = await answerCaseEvent(
    {
      header: (name) => request.headers.get(name) ?? undefined,
      code: request.query.get("code") ?? undefined,
      readBody: (limit) => readLimited(request, limit),
    },
    settings,
  );
  return { status: answer.status, jsonBody: answer.body };
}

app.http("case-events", { methods: ["POST"], authLevel: "anonymous", route: "case-events", handler: caseEvents });
