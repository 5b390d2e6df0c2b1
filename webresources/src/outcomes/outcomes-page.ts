/**
 * E2C.OutcomesPage (web resource e2c_/pages/outcomes.js, loaded by e2c_/pages/outcomes.html): the outcome table of
 * the rule passed in the page's `data` parameter (JSON of the toolkit's rule), opened as a dialog from the rule form.
 */
import { outcomeTable } from "../../../core/email-to-case/outcome-table";
import type { ArcRule } from "../../../core/email-to-case/scenario";
import { el, outcomeTableNode } from "../shared/dom";

export function ruleFromData(search: string): ArcRule | null {
  // No data, or data that is not JSON, is no rule; nor is JSON without a list of items (a number, null, an array).
  try {
    const rule = JSON.parse(new URLSearchParams(search).get("data") ?? "") as Partial<ArcRule> | null;
    // Stryker disable next-line OptionalChaining: without it JSON null throws, and the catch answers null too
    return Array.isArray(rule?.items) ? (rule as ArcRule) : null;
  } catch {
    return null;
  }
}

export function load(): void {
  const root = document.getElementById("outcomes");
  if (!root) return;
  const rule = ruleFromData(window.location.search);
  if (!rule) {
    root.replaceChildren(
      el("p", { text: "Open this page from a record creation rule: it shows that rule's outcome table." }),
    );
    return;
  }
  const note =
    rule.state === "draft"
      ? [el("p", { className: "note", text: "The rule is in draft: this is how it will behave once activated." })]
      : [];
  root.replaceChildren(...note, outcomeTableNode(rule, outcomeTable(rule)));
}

// The page starts itself once its HTML is parsed: it has no inline script, so a strict Content-Security-Policy
// (script-src 'self') holds for it.
if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void load());
  else void load();
}
