/** DOM building for the web resource pages: text nodes only, so names and messages are data, never markup. */
import type { OutcomeRow } from "../../../core/email-to-case/outcome-table";
import type { ArcRule } from "../../../core/email-to-case/scenario";
import type { MicrosoftDocument } from "../../../core/email-to-case/sources";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  // Set even when empty: a new element has no text, and children are appended after.
  element.textContent = props.text ?? "";
  for (const child of children) element.appendChild(child);
  return element;
}

/** "Microsoft's article: <title>", linking to the document on learn.microsoft.com (a new tab). */
export function sourceNode(label: string, docs: readonly MicrosoftDocument[]): HTMLParagraphElement {
  const p = el("p", { className: "source", text: `${label}: ` });
  const unique = [...new Map(docs.map((d) => [d.url, d])).values()];
  unique.forEach((doc, i) => {
    if (i > 0) p.appendChild(document.createTextNode("; "));
    const link = el("a", { text: doc.title });
    link.href = doc.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    p.appendChild(link);
  });
  return p;
}

/** A rule's outcome table: one row per kind of incoming email. */
export function outcomeTableNode(rule: ArcRule, rows: readonly OutcomeRow[]): HTMLElement {
  const table = el("table");
  table.appendChild(el("caption", { text: `What happens to incoming email under rule "${rule.name ?? rule.id}"` }));
  const head = el("tr");
  for (const h of ["Incoming email", "Case", "Contact", "Why not"]) {
    const th = el("th", { text: h });
    th.scope = "col";
    head.appendChild(th);
  }
  table.appendChild(el("thead", {}, head));
  const body = el("tbody");
  for (const row of rows) {
    const situation = el("th", { text: row.situation });
    situation.scope = "row";
    body.appendChild(
      el(
        "tr",
        { className: row.caseCreated ? "created" : "not-created" },
        situation,
        el("td", { text: row.caseCreated ? "✔ Created" : "✖ Not created" }),
        el("td", { text: row.contactCreated ? "Created" : row.recordActivated ? "Activated" : "—" }),
        el("td", { text: row.caseCreated ? "" : (row.reason?.label ?? "") }),
      ),
    );
  }
  table.appendChild(body);
  return el(
    "div",
    { className: "outcome-table" },
    el("div", { className: "table-scroll" }, table),
    sourceNode(
      "Documented in",
      rows.map((r) => r.source),
    ),
  );
}
