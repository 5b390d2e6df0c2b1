/**
 * Who may use the preview's Web API gateway (issue 13): the preview's own page, in the local user's browser. The
 * gateway signs in to the emulator as its admin, so each request is checked before it is passed on, in this order:
 *
 *   Host      127.0.0.1:<port> or localhost:<port>          else 400 (a DNS-rebinding page names its own host)
 *   Origin    absent, or this server's own origin            else 403 (a page on another site)
 *   Sec-Fetch-Site  absent, same-origin or none             else 403
 *   secret    the per-run secret, in the X-E2C-Preview-Secret header  else 401
 *   method    GET, POST, PATCH, PUT, DELETE                  else 405
 *   body      application/json, or multipart/mixed to $batch  else 415 (text/plain, forms: what a page on another
 *                                                                       site could send without a preflight)
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { isLoopbackHost, isLoopbackOrigin } from "../emulator/loopback";
import { SECRET_HEADER } from "./secret";

export interface Refusal {
  status: number;
  message: string;
}

const METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);
const WITH_BODY = new Set(["POST", "PATCH", "PUT"]);

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The refusal for a request that does not name this server, or null. */
export function hostRefusal(headers: IncomingHttpHeaders, port: number): Refusal | null {
  return isLoopbackHost(headers.host, port)
    ? null
    : {
        status: 400,
        message: `Invalid hostname: this preview answers only to 127.0.0.1:${port} and localhost:${port}.`,
      };
}

/** The refusal for a Web API request the preview's own page would not send, or null to pass it on. */
export function gatewayRefusal(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  port: number,
  secret: string,
): Refusal | null {
  const host = hostRefusal(headers, port);
  if (host) return host;
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin, port)) {
    return {
      status: 403,
      message: `Requests from ${origin} are not accepted: only the preview's own page may call it.`,
    };
  }
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return {
      status: 403,
      message: "Requests from other sites are not accepted: only the preview's own page may call it.",
    };
  }
  if (!sameSecret(headers[SECRET_HEADER.toLowerCase()], secret)) {
    return { status: 401, message: `The preview's Web API needs the ${SECRET_HEADER} header its page carries.` };
  }
  if (!METHODS.has(method)) return { status: 405, message: `The HTTP method '${method}' is not allowed.` };
  if (WITH_BODY.has(method)) {
    const type = (headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const batch = /\/\$batch$/.test(path);
    if (!(type === "application/json" || (batch && type === "multipart/mixed"))) {
      return {
        status: 415,
        message: `Content-Type '${type || "(none)"}' is not accepted: send application/json${batch ? " or multipart/mixed" : ""}.`,
      };
    }
  }
  return null;
}
