/**
 * Xrm.WebApi in the preview: dataverse-ify's WebApiBase (an Xrm.WebApi written against its WebApiRequest seam) over
 * the browser's fetch to the preview server, which passes `/api/data/v9.2/` on to the emulator with its token. Every
 * request carries the per-run secret the server wrote into this page (a page on another site has no way to it).
 */
import { WebApiBase } from "dataverse-ify/lib/webapi/WebApiBase";
import type { WebApiRequest, WebApiResponse } from "dataverse-ify/lib/webapi/WebApiRequest";
import { requestBody, requestHeaders, type WebApiMethod } from "../../dataverse/request-parts";
import { SECRET_HEADER, SECRET_META } from "../secret";

function previewSecret(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${SECRET_META}"]`)?.content ?? "";
}

/** A GET of the preview's Web API outside Xrm.WebApi (table metadata), with the page's secret like every request. */
export function previewGet(uri: string): Promise<Response> {
  return fetch(uri, { headers: { accept: "application/json", [SECRET_HEADER]: previewSecret() } });
}

class FetchRequest implements WebApiRequest {
  readonly server = window.location.origin;
  readonly apiVersion = "9.2";
  private readonly secret = previewSecret();

  async send(
    method: WebApiMethod,
    uri: string,
    headers: Record<string, string>,
    payload?: unknown,
    skipStringify?: boolean,
  ): Promise<WebApiResponse> {
    const body = requestBody(method, payload, skipStringify);
    const sent = { ...requestHeaders(headers), [SECRET_HEADER]: this.secret };
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
