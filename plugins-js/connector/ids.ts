/** Client-generated ids (PRODUCT.md §8 point 5). */
import { createHash } from "node:crypto";

/** A name-based (version 5) UUID: the same name always gives the same id. */
export function nameBasedId(namespace: string, name: string): string {
  const h = createHash("sha1").update(`${namespace}\u0000${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * The id of a contact the connector creates, from its address: two handoffs racing for one new customer both try
 * to create the same record, Dataverse keeps the first, and the second finds it on its retry.
 */
export function newContactId(email: string): string {
  return nameBasedId("e2c-contact", email.trim().toLowerCase());
}
