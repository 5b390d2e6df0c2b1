/** A file name a person and Dataverse can open: an unnamed part or a name without an extension gets one from its type. */
import { extension } from "mime-types";

function extensionOf(contentType: string): string {
  const type = contentType.toLowerCase().split(";")[0]!.trim();
  const known = extension(type);
  if (known) return known;
  // Types the IANA registry (mime-db) has no extension for: the status of a bounce is text; `image/jpg` is jpg.
  if (type.startsWith("text/") || type.startsWith("message/")) return "txt";
  const sub = /^(image|audio|video)\/([a-z0-9]{2,5})$/.exec(type);
  return sub ? (sub[2] as string) : "bin";
}

export function attachmentName(filename: string | undefined, contentType: string, n: number): string {
  const name = (filename ?? "").replace(/[\r\n\t]+/g, " ").trim();
  if (!name) return `attachment-${n}.${extensionOf(contentType)}`;
  return /\.[A-Za-z0-9]{1,8}$/.test(name) ? name : `${name}.${extensionOf(contentType)}`;
}
