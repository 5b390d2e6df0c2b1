/**
 * Xrm.WebApi in the preview: dataverse-ify's WebApiBase (an Xrm.WebApi written against its WebApiRequest seam) over
 * the browser's fetch to the preview server, which passes `/api/data/v9.2/` on to the emulator with its token.
 */
import { WebApiBase } from "dataverse-ify/lib/webapi/WebApiBase";
import type { WebApiRequest, WebApiResponse } from "dataverse-ify/lib/webapi/WebApiRequest";
import { requestBody, requestHeaders, type WebApiMethod } from "../../dataverse/request-parts";

class FetchRequest implements WebApiRequest {
  readonly server = window.location.origin;
  readonly apiVersion = "9.2";

  async send(
    method: WebApiMethod,
    uri: string,
    headers: Record<string, string>,
    payload?: unknown,
    skipStringify?: boolean,
  ): Promise<WebApiResponse> {
    const body = requestBody(method, payload, skipStringify);
    const sent = requestHeaders(headers);
    const response = await fetch(uri, { method, headers: sent, body });
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => (out[key] = value));
    return {
      headers: out,
      body: await response.text(),
      data: {},
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
    };
  }
}

export function previewWebApi(): WebApiBase {
  return new WebApiBase(new FetchRequest());
}
