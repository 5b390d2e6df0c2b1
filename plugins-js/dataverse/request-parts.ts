/**
 * What every `WebApiRequest.send` of dataverse-ify's seam does to its arguments, for the Node transport and the
 * preview's browser one alike: the body to send, and the headers without `Connection` (which dataverse-ify sets and
 * HTTP clients refuse or manage themselves). No Node or DOM here.
 */
export type WebApiMethod = "POST" | "PATCH" | "PUT" | "GET" | "DELETE";

export function requestBody(
  method: WebApiMethod,
  payload: unknown,
  skipStringify: boolean | undefined,
): string | undefined {
  if (method === "GET" || method === "DELETE" || payload === undefined) return undefined;
  return skipStringify ? (payload as string) : JSON.stringify(payload);
}

export function requestHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "connection") out[k] = v;
  return out;
}
