/** Validation of a handoff (PRODUCT.md §8 input): every problem at once, each with the field it is about. */
import { normalizeRole } from "./roles";
import type { Handoff } from "./types";

export interface InputProblem {
  /** Where the problem is, as a JSON path: `messages[2].timestamp`. */
  field: string;
  message: string;
}

/** Only the types know this symbol: a ValidHandoff is made by `parseHandoff` or `assertValidHandoff`, never by hand. */
declare const checked: unique symbol;

/** A handoff `validateHandoff` found no problem with: the writer and the planner take it without checking again. */
export type ValidHandoff = Handoff & { readonly [checked]: true };

export class HandoffValidationError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`Invalid handoff: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    this.name = "HandoffValidationError";
  }
}

/** `e2c_handoffid` is a text column of 100 characters (PRODUCT.md §2). */
export const HANDOFF_ID_MAX_LENGTH = 100;
/** `e2c_classification` is a text column of 100 characters (PRODUCT.md §2). */
export const CLASSIFICATION_MAX_LENGTH = 100;

const EMAIL_RE = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const BASE64_RE = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isEmailAddress(value: string): boolean {
  return EMAIL_RE.test(value);
}

export function validateHandoff(input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (field: string, message: string): void => {
    problems.push({ field, message });
  };
  if (!isObject(input)) {
    problem("(root)", "a handoff must be a JSON object");
    return problems;
  }
  const text = (field: string, required: boolean, max?: number): void => {
    const value = input[field];
    if (value === undefined || value === null) {
      if (required) problem(field, "is required");
    } else if (typeof value !== "string") problem(field, `must be text, not ${typeof value}`);
    else if (required && value.trim() === "") problem(field, "must not be empty");
    else if (max !== undefined && value.length > max) problem(field, `is ${value.length} characters; at most ${max}`);
  };
  text("handoffId", true, HANDOFF_ID_MAX_LENGTH);
  text("channel", true);
  text("classification", true, CLASSIFICATION_MAX_LENGTH);
  text("summary", false);
  text("sessionUrl", false);
  if (typeof input.sessionUrl === "string" && !/^https?:\/\/\S+$/i.test(input.sessionUrl)) {
    problem("sessionUrl", "must be an http(s) URL");
  }
  const sentiment = input.sentiment;
  if (sentiment === undefined || sentiment === null) problem("sentiment", "is required");
  else if (typeof sentiment !== "string" && typeof sentiment !== "number") {
    problem("sentiment", 'must be a label such as "Negative" or a score such as -1');
  }
  validateParty(input.customer, "customer", true, problem);

  const messages = input.messages;
  if (!Array.isArray(messages)) {
    problem("messages", "must be an array of messages");
    return problems;
  }
  messages.forEach((message: unknown, i) => {
    const at = `messages[${i}]`;
    if (!isObject(message)) {
      problem(at, "must be an object");
      return;
    }
    const ts = message.timestamp;
    if (ts !== null && (typeof ts !== "string" || !ISO_DATE_RE.test(ts) || Number.isNaN(Date.parse(ts)))) {
      problem(
        `${at}.timestamp`,
        "must be an ISO 8601 date and time with a zone, such as 2026-11-20T09:14:03Z, or null when it is unknown",
      );
    }
    validateParty(message.from, `${at}.from`, true, problem);
    if (typeof message.role !== "string" || normalizeRole(message.role) === null) {
      problem(`${at}.role`, "must be one of customer, agent, ai, system");
    }
    if (message.subject !== undefined && message.subject !== null && typeof message.subject !== "string") {
      problem(`${at}.subject`, "must be text");
    }
    if (typeof message.body !== "string") problem(`${at}.body`, "is required and must be text (it may be empty)");
    if (message.attachments !== undefined) {
      if (!Array.isArray(message.attachments)) problem(`${at}.attachments`, "must be an array");
      else {
        message.attachments.forEach((a: unknown, j) => {
          const aat = `${at}.attachments[${j}]`;
          if (!isObject(a)) return problem(aat, "must be an object");
          for (const key of ["filename", "contentType", "contentBase64"]) {
            if (typeof a[key] !== "string" || (key !== "contentBase64" && (a[key] as string).trim() === "")) {
              problem(`${aat}.${key}`, "is required text");
            }
          }
          if (typeof a.contentBase64 === "string" && !BASE64_RE.test(a.contentBase64)) {
            problem(`${aat}.contentBase64`, "is not valid base64");
          }
        });
      }
    }
  });
  return problems;
}

function validateParty(
  value: unknown,
  at: string,
  required: boolean,
  problem: (field: string, message: string) => void,
): void {
  if (value === undefined || value === null) {
    if (required) problem(at, "is required (an object with optional name and email)");
    return;
  }
  if (!isObject(value)) return problem(at, "must be an object with optional name and email");
  if (value.name !== undefined && value.name !== null && typeof value.name !== "string") {
    problem(`${at}.name`, "must be text");
  }
  if (value.email !== undefined && value.email !== null && value.email !== "") {
    if (typeof value.email !== "string" || !isEmailAddress(value.email.trim())) {
      problem(`${at}.email`, `is not an email address: ${JSON.stringify(value.email)}`);
    }
  }
}

/** The handoff as a ValidHandoff, or every problem with it. */
export function parseHandoff(
  input: unknown,
): { handoff: ValidHandoff; problems: [] } | { handoff: null; problems: InputProblem[] } {
  const problems = validateHandoff(input);
  return problems.length === 0 ? { handoff: input as ValidHandoff, problems: [] } : { handoff: null, problems };
}

export function assertValidHandoff(input: unknown): asserts input is ValidHandoff {
  const problems = validateHandoff(input);
  if (problems.length > 0) throw new HandoffValidationError(problems);
}
