/** OData literals as the Web API reads them in `$filter` and addresses (OData 4.0 ABNF: a quote doubles). */

/** A GUID without braces, either case. */
export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text as an OData string literal: `O'Brien` → `'O''Brien'`. */
export function odataString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
