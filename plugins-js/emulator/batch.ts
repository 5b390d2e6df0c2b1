/**
 * `$batch` bodies (OData 4.0 §11.7, Dataverse "Execute batch operations"): parts that are single requests or change
 * sets, each request an embedded HTTP/1.1 message with an optional Content-ID. Accepts CRLF or LF; answers in CRLF.
 */
import { errors } from "./errors";

export interface EmbeddedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
}

export type BatchPart =
  { kind: "request"; request: EmbeddedRequest } | { kind: "changeset"; requests: EmbeddedRequest[] };

export interface EmbeddedResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  contentId?: string;
}

export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? "");
  return m ? m[2]!.trim() : null;
}

/** The parts between `--boundary` lines, each as its lines (the body read once, never joined and split again). */
function splitParts(lines: string[], boundary: string): string[][] {
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const parts: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    // Only a line that starts like a boundary is trimmed and compared.
    if (line.startsWith(open)) {
      const trimmed = line.trimEnd();
      if (trimmed === close) {
        if (current) parts.push(current);
        return parts;
      }
      if (trimmed === open) {
        if (current) parts.push(current);
        current = [];
        continue;
      }
    }
    if (current) current.push(line);
  }
  throw errors.badRequest(`The batch is missing its closing boundary '${close}'.`);
}

function readHeaders(lines: string[], start: number): { headers: Record<string, string>; next: number } {
  // No prototype: a header's name is data from the request.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") {
      i++;
      break;
    }
    const colon = line.indexOf(":");
    if (colon < 0) throw errors.badRequest(`'${line}' is not a header line in the batch.`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, next: i };
}

function parseRequestPart(lines: string[]): EmbeddedRequest {
  const outer = readHeaders(lines, 0);
  let i = outer.next;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  const requestLine = /^(GET|POST|PATCH|PUT|DELETE)\s+(\S+)(\s+HTTP\/1\.1)?$/i.exec((lines[i] ?? "").trim());
  if (!requestLine) throw errors.badRequest(`'${(lines[i] ?? "").trim()}' is not a request line in the batch.`);
  const inner = readHeaders(lines, i + 1);
  const body = lines.slice(inner.next).join("\n").trim();
  const contentId = outer.headers["content-id"] ?? inner.headers["content-id"];
  const request: EmbeddedRequest = {
    method: requestLine[1]!.toUpperCase(),
    url: requestLine[2]!,
    headers: inner.headers,
    body: body === "undefined" ? "" : body,
  };
  if (contentId !== undefined) request.contentId = contentId;
  return request;
}

/** "Batch requests can contain up to 1,000 individual requests" (Microsoft, "Execute batch operations using the Web API"). */
export const MAX_BATCH_REQUESTS = 1000;

export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  const parts = parseParts(body, contentType);
  const count = parts.reduce((n, p) => n + (p.kind === "request" ? 1 : p.requests.length), 0);
  if (count > MAX_BATCH_REQUESTS) {
    throw errors.badRequest(
      `The batch holds ${count} requests; a batch can contain up to ${MAX_BATCH_REQUESTS} individual requests.`,
    );
  }
  return parts;
}

function parseParts(body: string, contentType: string | undefined): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary || !/multipart\/mixed/i.test(contentType ?? "")) {
    throw errors.badRequest("A $batch request must have Content-Type multipart/mixed with a boundary.");
  }
  return splitParts(body.replace(/\r\n/g, "\n").split("\n"), boundary).map((part): BatchPart => {
    const { headers, next } = readHeaders(part, 0);
    const type = headers["content-type"] ?? "";
    if (/multipart\/mixed/i.test(type)) {
      const inner = boundaryOf(type);
      if (!inner) throw errors.badRequest("A change set must name its boundary.");
      const requests = splitParts(part.slice(next), inner).map(parseRequestPart);
      for (const r of requests) {
        if (r.method === "GET") throw errors.badRequest("A change set cannot contain GET requests.");
      }
      return { kind: "changeset", requests };
    }
    return { kind: "request", request: parseRequestPart(part) };
  });
}

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  412: "Precondition Failed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "Unknown";
}

function responsePart(response: EmbeddedResponse): string {
  const lines = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"];
  if (response.contentId !== undefined) lines.push(`Content-ID: ${response.contentId}`);
  lines.push("", `HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`);
  for (const [k, v] of Object.entries(response.headers)) lines.push(`${k}: ${v}`);
  lines.push("", response.body ?? "");
  return lines.join("\r\n");
}

export type ResponseGroup =
  { kind: "single"; response: EmbeddedResponse } | { kind: "changeset"; responses: EmbeddedResponse[] };

export function formatBatchResponse(groups: ResponseGroup[], id: string): { contentType: string; body: string } {
  const batch = `batchresponse_${id}`;
  const out: string[] = [];
  groups.forEach((group, n) => {
    out.push(`--${batch}`);
    if (group.kind === "single") {
      out.push(responsePart(group.response));
    } else {
      const cs = `changesetresponse_${id}_${n}`;
      out.push(`Content-Type: multipart/mixed; boundary=${cs}`, "");
      for (const response of group.responses) out.push(`--${cs}`, responsePart(response));
      out.push(`--${cs}--`);
    }
  });
  out.push(`--${batch}--`, "");
  return { contentType: `multipart/mixed; boundary=${batch}`, body: out.join("\r\n") };
}
