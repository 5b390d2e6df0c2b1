/**
 * The Azure Functions v4 HTTP function: registered as the Functions host registers it (through
 * `@azure/functions-core`, which only the host provides: here a stand-in records the registration), then invoked
 * with an `HttpRequest` and an `InvocationContext` as the runtime does, with an event the emulator really sent.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { registerWebhook } from "../../plugins-js/webhook/registration";
import { emulator } from "../emulator/helpers";
import { admin, columnsOf, createCase, description, KEY, WEBHOOK_TOKEN } from "./helpers";

const registered: Array<{ metadata: any; handler: (...args: unknown[]) => Promise<any> }> = [];
jest.mock(
  "@azure/functions-core",
  () => ({
    setProgrammingModel: () => undefined,
    registerHook: () => ({ dispose: () => undefined }),
    log: () => undefined,
    registerFunction: (metadata: unknown, handler: (...args: unknown[]) => Promise<unknown>) => {
      registered.push({ metadata, handler });
      return { dispose: () => undefined };
    },
  }),
  { virtual: true },
);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HttpRequest, InvocationContext } = require("@azure/functions") as typeof import("@azure/functions");

let em: RunningEmulator;
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await em?.close();
});

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../plugins-js/webhook/azure-function");
});

/** What the emulator POSTs for a new case, captured on a loopback receiver. */
async function capturedEvent(): Promise<{ caseId: string; headers: Record<string, string>; body: string }> {
  let resolveGot: (v: { headers: Record<string, string>; body: string }) => void = () => undefined;
  const got = new Promise<{ headers: Record<string, string>; body: string }>((r) => (resolveGot = r));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(200);
      res.end();
      resolveGot({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/case-events`;
  const { api, transport } = admin(em);
  await registerWebhook(api, { name: "Case enrichment", url, auth: "webhookkey", key: KEY }, false);
  transport.close();
  const caseId = await createCase(em, description());
  const event = await got;
  await em.webhooks.idle();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { caseId, ...event };
}

const logged: string[] = [];
function invocation(): InstanceType<typeof InvocationContext> {
  return new InvocationContext({
    functionName: "case-events",
    invocationId: "test-invocation",
    logHandler: (_level, ...args) => logged.push(args.join(" ")),
  });
}

it("registers an anonymous POST HTTP function on the route case-events", () => {
  expect(registered).toHaveLength(1);
  const { metadata } = registered[0]!;
  expect(metadata.name).toBe("case-events");
  const trigger = Object.values(metadata.bindings).find((b: any) => b.type === "httpTrigger") as any;
  expect(trigger).toMatchObject({ direction: "in", route: "case-events", methods: ["POST"], authLevel: "anonymous" });
});

it("fills the case when the runtime invokes it with the event Dataverse sent", async () => {
  em = await emulator();
  const event = await capturedEvent();
  process.env.E2C_ENVIRONMENT_URL = em.url;
  process.env.E2C_WEBHOOK_KEY = KEY;
  process.env.E2C_EMULATOR_TOKEN = WEBHOOK_TOKEN;
  const request = new HttpRequest({
    method: "POST",
    url: `https://contoso-e2c.azurewebsites.net/api/case-events?code=${KEY}`,
    headers: event.headers,
    body: { string: event.body },
  });
  const response = await registered[0]!.handler(request, invocation());
  expect(response).toMatchObject({
    status: 200,
    jsonBody: { caseId: event.caseId, outcome: "updated", changed: expect.arrayContaining(["e2c_sentiment"]) },
  });
  expect(await columnsOf(em, event.caseId)).toMatchObject({ e2c_classification: "Billing", e2c_sentiment: 412500001 });
  expect(logged.at(-1)).toMatch(new RegExp(`case ${event.caseId} Create: set e2c_classification`));
});

it("answers 401 to a request without the key", async () => {
  em = await emulator();
  process.env.E2C_ENVIRONMENT_URL = em.url;
  process.env.E2C_WEBHOOK_KEY = KEY;
  process.env.E2C_EMULATOR_TOKEN = WEBHOOK_TOKEN;
  const request = new HttpRequest({
    method: "POST",
    url: "https://contoso-e2c.azurewebsites.net/api/case-events",
    body: { string: "{}" },
  });
  const response = await registered[0]!.handler(request, invocation());
  expect(response.status).toBe(401);
});
