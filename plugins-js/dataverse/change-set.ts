/**
 * The body of a `$batch` holding one change set (Dataverse "Execute batch operations": each request an
 * application/http part with its Content-ID). Written here rather than with dataverse-ify's batch builder because
 * that one (2.0.7) drops per-request headers, and the connector needs `Prefer: return=representation` on the
 * incident (its ticket number) and `If-Match` on a reactivation. The answer is read with dataverse-ify's parser.
 */
export interface ChangeSetPart {
  method: "POST" | "PATCH" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export function changeSetBody(
  parts: ChangeSetPart[],
  batchId: string,
  apiPath: string,
): { contentType: string; body: string } {
  const batch = `batch_${batchId}`;
  const changeset = `changeset_${batchId}`;
  const lines = [`--${batch}`, `Content-Type: multipart/mixed; boundary=${changeset}`, ""];
  parts.forEach((part, i) => {
    lines.push(
      `--${changeset}`,
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      `Content-ID: ${i + 1}`,
      "",
    );
    lines.push(`${part.method} ${apiPath}${part.path} HTTP/1.1`, "Content-Type: application/json; type=entry");
    for (const [k, v] of Object.entries(part.headers ?? {})) lines.push(`${k}: ${v}`);
    lines.push("", part.body === undefined ? "" : JSON.stringify(part.body));
  });
  lines.push(`--${changeset}--`, `--${batch}--`, "");
  return { contentType: `multipart/mixed; boundary=${batch}`, body: lines.join("\r\n") };
}
