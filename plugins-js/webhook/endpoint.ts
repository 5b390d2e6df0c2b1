/**
 * One webhook request, whatever hosts it (`e2c webhook serve` or the Azure Function): the key first, then the size,
 * then the body (PRODUCT.md §10 "auth" and "answers"). Dataverse only looks at the status code, and its async service
 * retries a failed delivery ("Use WebHooks…", Troubleshoot), so 503 means "try again later".
 *
 * The key is the one the endpoint was registered with: `?code=KEY` for WebhookKey, the `x-e2c-key` header for
 * HttpHeader ("Register a WebHook", https://learn.microsoft.com/power-apps/developer/data-platform/register-web-hook).
 * It is compared in constant time and never logged; nor is the description.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { explainDataverseFault } from "../../core/connector/explain-error";
import { DataverseError } from "../dataverse/errors";
import { isConnectionFailure } from "../dataverse/transport";
import type { CaseRecords } from "./case-records";
import { parseExecutionContext } from "./execution-context";
import { handleCaseEvent } from "./handler";

export const KEY_HEADER = "x-e2c-key";
export const SIZE_EXCEEDED_HEADER = "x-ms-dynamics-msg-size-exceeded";
/** Dataverse cuts a context at 256 KB; anything much larger is not from Dataverse. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Long enough that guessing it is hopeless. */
export const MIN_KEY_LENGTH = 16;

export interface IncomingEvent {
  header: (name: string) => string | undefined;
  /** The `code` query parameter. */
  code: string | undefined;
  /** The body as text, or null when it is longer than `limit` bytes (then reading stops). */
  readBody: (limit: number) => Promise<string | null>;
}

export interface EndpointSettings {
  key: string;
  cases: CaseRecords;
  log: (line: string) => void;
}

export interface EndpointAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Constant-time comparison of two keys of any length: their SHA-256 digests are compared. */
export function keyMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined || expected === "") return false;
  const a = createHash("sha256").update(expected, "utf8").digest();
  const b = createHash("sha256").update(given, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** Whether the request carries the key, either way Dataverse can send it. */
export function isAuthorized(event: Pick<IncomingEvent, "header" | "code">, key: string): boolean {
  // Both are checked, always, so the time taken does not say which one was sent.
  const byQuery = keyMatches(key, event.code);
  const byHeader = keyMatches(key, event.header(KEY_HEADER));
  return byQuery || byHeader;
}

function unreachable(error: unknown): boolean {
  if (isConnectionFailure(error)) return true;
  return error instanceof DataverseError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

export async function answerCaseEvent(event: IncomingEvent, settings: EndpointSettings): Promise<EndpointAnswer> {
  const requestId = event.header("x-request-id") ?? "-";
  const say = (what: string): void => settings.log(`case-events ${requestId} ${what}`);
  if (!isAuthorized(event, settings.key)) {
    say("401: no key or a wrong key; body not read");
    return { status: 401, body: { error: "unauthorized" } };
  }
  const declared = Number(event.header("content-length") ?? "0");
  const text = declared > MAX_BODY_BYTES ? null : await event.readBody(MAX_BODY_BYTES);
  if (text === null) {
    say(`413: body over ${MAX_BODY_BYTES} bytes`);
    return { status: 413, body: { error: `the body is over ${MAX_BODY_BYTES} bytes` } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    say("400: the body is not JSON");
    return { status: 400, body: { error: "the body is not JSON: expected a RemoteExecutionContext" } };
  }
  const parsed = parseExecutionContext(json);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => `${p.field}: ${p.message}`);
    say(`400: not an execution context (${problems.slice(0, 3).join("; ")})`);
    return { status: 400, body: { error: "not a RemoteExecutionContext", problems } };
  }
  const context = parsed.context;
  const caseId = context.PrimaryEntityId.toLowerCase();
  const what = `case ${caseId} ${context.MessageName}`;
  try {
    const sizeExceeded = event.header(SIZE_EXCEEDED_HEADER) !== undefined;
    const outcome = await handleCaseEvent(context, { sizeExceeded }, settings.cases);
    if (outcome.kind === "updated") {
      say(`${what}: set ${outcome.changed.join(", ")}${outcome.note ? ` (${outcome.note})` : ""}`);
      return { status: 200, body: { caseId, outcome: "updated", changed: outcome.changed } };
    }
    say(`${what}: nothing to do (${outcome.why})`);
    return { status: 200, body: { caseId, outcome: "nothing-to-do", why: outcome.why } };
  } catch (error) {
    if (unreachable(error)) {
      say(`${what}: 503: Dataverse could not be reached (${(error as Error).message}); Dataverse will retry`);
      return { status: 503, body: { caseId, error: "Dataverse could not be reached; retry later" } };
    }
    if (error instanceof DataverseError) {
      const why = explainDataverseFault(error);
      // The connector's explanations speak of its create; here the request was a read or an update.
      why.summary = why.summary.replace(/^403 on create:/, "403:");
      say(`${what}: 500: Dataverse refused (${error.status}): ${why.summary} ${why.recommendation}`);
      return { status: 500, body: { caseId, error: why.summary, recommendation: why.recommendation } };
    }
    throw error;
  }
}
