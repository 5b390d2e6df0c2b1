/**
 * The preview server of `npm start` (issue 7), on 127.0.0.1 only: the preview page and its script, the platform
 * libraries (React 16.14.0 and Fluent 8.121.1, from node_modules, as the platform would serve them), the control's
 * production build, the web resources under `/WebResources/`, and `/api/data/v9.2/` passed on to the emulator with
 * the admin's token — the token stays here, the browser never sees it.
 *
 * Only the local user's own page may use that gateway (issue 13, gateway.ts): every request must name this server in
 * `Host`, and a Web API request must carry the per-run secret the page was served with.
 */
import { randomBytes } from "node:crypto";
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { create } from "xmlbuilder2";
import { gatewayRefusal, hostRefusal, type Refusal } from "./gateway";
import { SECRET_META } from "./secret";
import { recordAddress, recordPage, recordProblemPage, RECORD_TABLES } from "./record-page";

export interface PreviewOptions {
  root: string;
  /** The emulator's URL, `http://127.0.0.1:<port>`. */
  emulatorUrl: string;
  /** Sent with every Web API request the page makes (a user of the emulator's seed). */
  token: string;
  port?: number;
}

export interface RunningPreview {
  url: string;
  /** The per-run secret the page is served with; never printed (tests act as the page with it). */
  secret: string;
  close: () => Promise<void>;
}

/** Headers the page's Web API requests may pass on to the emulator; nothing else (no cookie, origin or secret). */
const FORWARDED = [
  "accept",
  "content-type",
  "content-length",
  "transfer-encoding",
  "prefer",
  "if-match",
  "if-none-match",
  "odata-version",
  "odata-maxversion",
];
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

/** The control's English strings from its resx, for context.resources.getString. */
export function controlStrings(resx: string): Record<string, string> {
  const parsed = create(resx).end({ format: "object" }) as { root?: { data?: unknown } };
  const data = parsed.root?.data;
  const entries = (Array.isArray(data) ? data : data ? [data] : []) as Array<{ "@name"?: string; value?: unknown }>;
  return Object.fromEntries(entries.map((d) => [String(d["@name"]), typeof d.value === "string" ? d.value : ""]));
}

async function clientBundle(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "plugins-js", "preview", "client", "preview.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2019",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return result.outputFiles[0]!.text;
}

/** A file under `base`, never outside it; null for a path that does not decode. */
function inside(base: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const full = normalize(join(base, decoded));
  return full.startsWith(`${base}${sep}`) && existsSync(full) ? full : null;
}

/** The page with the run's secret in a meta element, where its script finds it (no inline script: see the CSP). */
export function pageWithSecret(html: string, secret: string): string {
  return html.replace("<head>", `<head>\n    <meta name="${SECRET_META}" content="${secret}" />`);
}

export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const { root } = options;
  const controlDir = join(root, "out", "controls", "HandoffTranscript");
  const webResourcesDir = join(root, "out", "webresources");
  const formXmlDir = join(root, "Solution", "Entities", "Incident", "FormXml");
  const staticDir = join(root, "plugins-js", "preview", "static");
  const secret = randomBytes(32).toString("base64url");
  const page = pageWithSecret(readFileSync(join(staticDir, "preview.html"), "utf8"), secret);
  const fixed = new Map<string, string>(
    Object.entries({
      "/preview.css": join(staticDir, "preview.css"),
      "/lib/platform-globals.js": join(staticDir, "platform-globals.js"),
      "/lib/react.js": join(root, "node_modules", "react", "umd", "react.production.min.js"),
      "/lib/react-dom.js": join(root, "node_modules", "react-dom", "umd", "react-dom.production.min.js"),
      "/lib/fluent.js": join(root, "node_modules", "pcf-start", "lib", "fluent_8_121_1.js"),
    }),
  );
  const script = await clientBundle(root);
  const strings = JSON.stringify(
    controlStrings(readFileSync(join(controlDir, "strings", "HandoffTranscript.1033.resx"), "utf8")),
  );

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    res.writeHead(status, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Only this server: no script, font or request leaves 127.0.0.1.
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    });
    res.end(body);
  }

  /** A refusal as the Web API words errors, so the page's Xrm.WebApi shows its message; the body is never read. */
  function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    res.setHeader("Connection", "close");
    send(res, refusal.status, TYPES[".json"]!, JSON.stringify({ error: { code: "", message: refusal.message } }));
  }

  function proxy(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? "/", options.emulatorUrl);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    headers.authorization = `Bearer ${options.token}`;
    const upstream = request(target, { method: req.method ?? "GET", headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (res.headersSent) res.destroy();
      else refuse(req, res, { status: 502, message: "The emulator did not answer." });
    });
    req.pipe(upstream);
  }

  /** `main.aspx?pagetype=entityrecord&etn=…&id=…`, where the health page's links lead: the record, read-only. */
  async function record(query: URLSearchParams, res: ServerResponse): Promise<void> {
    const address = recordAddress(query);
    if ("problem" in address) return send(res, 404, TYPES[".html"]!, recordProblemPage(address.problem));
    const { set } = RECORD_TABLES[address.table]!;
    try {
      const answer = await fetch(new URL(`/api/data/v9.2/${set}(${address.id})`, options.emulatorUrl), {
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: "application/json",
          prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"',
        },
      });
      if (!answer.ok) {
        const problem = `The emulator has no ${address.table} record ${address.id} (HTTP ${answer.status}).`;
        return send(res, answer.status === 404 ? 404 : 502, TYPES[".html"]!, recordProblemPage(problem));
      }
      send(res, 200, TYPES[".html"]!, recordPage(address.table, (await answer.json()) as Record<string, unknown>));
    } catch {
      send(res, 502, TYPES[".html"]!, recordProblemPage("The emulator did not answer."));
    }
  }

  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    const [path = "/", search = ""] = (req.url ?? "/").split("?");
    if (path.startsWith("/api/data/")) {
      const refusal = gatewayRefusal(req.method ?? "", path, req.headers, port, secret);
      return refusal ? refuse(req, res, refusal) : proxy(req, res);
    }
    const host = hostRefusal(req.headers, port);
    if (host) return refuse(req, res, host);
    if (req.method !== "GET") return send(res, 405, "text/plain", "Method not allowed");
    if (path === "/") return send(res, 200, TYPES[".html"]!, page);
    // Browsers ask every page's origin for an icon; the preview has none, and says so without an error.
    if (path === "/favicon.ico") return send(res, 204, "image/x-icon", "");
    if (path === "/main.aspx") return void record(new URLSearchParams(search), res);
    if (path === "/preview.js") return send(res, 200, TYPES[".js"]!, script);
    if (path === "/control/strings.json") return send(res, 200, TYPES[".json"]!, strings);
    const file =
      fixed.get(path) ??
      (path.startsWith("/control/") ? inside(controlDir, path.slice("/control/".length)) : null) ??
      (path.startsWith("/WebResources/") ? inside(webResourcesDir, path.slice("/WebResources/".length)) : null) ??
      // The Case form's FormXml, which the page lays the form out from (issue 14).
      (path.startsWith("/FormXml/") ? inside(formXmlDir, path.slice("/FormXml/".length)) : null);
    if (!file || !existsSync(file)) return send(res, 404, "text/plain", "Not found");
    send(res, 200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  let port = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
