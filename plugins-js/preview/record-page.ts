/**
 * The preview's stand-in for `main.aspx?pagetype=entityrecord&etn=…&id=…`: the health page links each rule and queue
 * to its record, which Dynamics 365 opens as a form; the preview shows the record's columns, read-only. Every value
 * is escaped: names in the configuration are data, never markup.
 */

/** The tables the health page links to, and their Web API entity sets. */
export const RECORD_TABLES: Record<string, { set: string; label: string; name: string }> = {
  convertrule: { set: "convertrules", label: "Record Creation and Update Rule", name: "name" },
  queue: { set: "queues", label: "Queue", name: "name" },
};

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The record a `main.aspx` address asks for, or why it cannot be shown. */
export function recordAddress(query: URLSearchParams): { table: string; id: string } | { problem: string } {
  const table = query.get("etn") ?? "";
  const id = (query.get("id") ?? "").replace(/[{}]/g, "");
  if (query.get("pagetype") !== "entityrecord")
    return { problem: "The preview opens records only (pagetype=entityrecord)." };
  if (!RECORD_TABLES[table]) {
    return { problem: `The preview opens ${Object.keys(RECORD_TABLES).join(" and ")} records, not "${table}".` };
  }
  if (!GUID.test(id)) return { problem: "The record's id must be a GUID." };
  return { table, id: id.toLowerCase() };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} — local preview</title>
    <link rel="stylesheet" href="/preview.css" />
  </head>
  <body>
    <header class="app-bar"><span class="app-name">Customer Service (local preview)</span></header>
    <main class="record-page">
${body}
    </main>
  </body>
</html>
`;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "---";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A record's columns, with Dataverse's formatted values beside the raw ones, read-only. */
export function recordPage(table: string, record: Record<string, unknown>): string {
  const { label, name } = RECORD_TABLES[table]!;
  const title = `${label}: ${shown(record[name])}`;
  const rows = Object.keys(record)
    .filter((k) => !k.includes("@") && k !== name)
    .sort()
    .map((k) => {
      const formatted = record[`${k}${FORMATTED}`];
      const value = formatted !== undefined ? `${shown(formatted)} (${shown(record[k])})` : shown(record[k]);
      return `        <tr><th scope="row">${escape(k)}</th><td>${escape(value)}</td></tr>`;
    })
    .join("\n");
  return page(
    title,
    `      <h1>${escape(title)}</h1>
      <p class="read-only">Read-only in the preview: in Dynamics 365 this link opens the record's form.</p>
      <table class="record-columns">
        <caption>Columns of the ${escape(table)} record</caption>
        <thead><tr><th scope="col">Column</th><th scope="col">Value</th></tr></thead>
        <tbody>
${rows}
        </tbody>
      </table>`,
  );
}

/** The page for an address the preview cannot show, or a record it cannot read. */
export function recordProblemPage(problem: string): string {
  return page("Record not shown", `      <h1>Record not shown</h1>\n      <p>${escape(problem)}</p>`);
}
