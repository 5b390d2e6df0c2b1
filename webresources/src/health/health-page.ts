/**
 * E2C.HealthPage (web resource e2c_/pages/health.js, loaded by e2c_/pages/health.html): reads the environment's
 * email-to-case configuration through Xrm.WebApi, checks it with core/, and lists what would stop email becoming a
 * case, by severity, each finding naming and linking its rule or queue, then each rule's outcome table. Everything
 * is built with text nodes: names in the configuration are data, never markup.
 */
import { checkEnvironment, type EnvironmentHealth, type HealthFinding } from "../../../core/email-to-case/health";
import type { Severity } from "../../../core/email-to-case/rule-validation";
import { el, outcomeTableNode, sourceNode } from "../shared/dom";
import { errorMessage } from "../shared/error-message";
import { readEnvironment, type RecordReader } from "../../../core/email-to-case/environment-records";

const SEVERITY: Record<Severity, { title: string; badge: string }> = {
  error: { title: "Errors", badge: "✖ Error" },
  warning: { title: "Warnings", badge: "⚠ Warning" },
  info: { title: "Notes", badge: "ℹ Note" },
};

type RecordUrl = (kind: "rule" | "queue", id: string) => string | null;

function aboutNode(finding: HealthFinding, recordUrl: RecordUrl): Node {
  const { about } = finding;
  const label =
    about.kind === "organization"
      ? "Organization settings"
      : `${about.kind === "rule" ? "Rule" : "Queue"} "${about.name}"`;
  const url = about.kind !== "organization" && about.id ? recordUrl(about.kind, about.id) : null;
  if (!url) return el("span", { className: "about", text: label });
  const link = el("a", { className: "about", text: label });
  link.href = url;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

function findingItem(finding: HealthFinding, recordUrl: RecordUrl): HTMLLIElement {
  const item = el(
    "li",
    { className: `finding ${finding.severity}` },
    el("span", { className: "badge", text: SEVERITY[finding.severity].badge }),
    aboutNode(finding, recordUrl),
    el("p", { className: "message", text: finding.message }),
    el("p", { className: "recommendation", text: `What to do: ${finding.recommendation}` }),
  );
  if (finding.source) item.appendChild(sourceNode("Microsoft's article", [finding.source]));
  return item;
}

export function renderHealth(root: HTMLElement, health: EnvironmentHealth, recordUrl: RecordUrl): void {
  root.replaceChildren();
  const { counts } = health;
  root.appendChild(
    el(
      "p",
      { className: "summary" },
      document.createTextNode(
        `${health.rules.length} rule(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s).`,
      ),
    ),
  );
  for (const severity of ["error", "warning", "info"] as const) {
    const found = health.findings.filter((f) => f.severity === severity);
    if (found.length === 0) continue;
    const section = el("section", { className: `findings ${severity}` });
    section.setAttribute("aria-labelledby", `heading-${severity}`);
    const heading = el("h2", { text: `${SEVERITY[severity].title} (${found.length})` });
    heading.id = `heading-${severity}`;
    section.appendChild(heading);
    section.appendChild(el("ul", {}, ...found.map((f) => findingItem(f, recordUrl))));
    root.appendChild(section);
  }
  if (health.rules.length > 0) {
    const section = el("section", { className: "outcomes" }, el("h2", { text: "Outcome tables" }));
    for (const rule of health.rules) section.appendChild(outcomeTableNode(rule.rule, rule.outcomeTable));
    root.appendChild(section);
  }
}

function findXrm(): typeof Xrm | null {
  const own = (window as unknown as { Xrm?: typeof Xrm }).Xrm;
  if (own?.WebApi) return own;
  // Stryker disable BlockStatement: an emptied try or catch answers undefined, which the caller treats as null
  try {
    const parent = (window.parent as unknown as { Xrm?: typeof Xrm }).Xrm;
    // Stryker disable next-line OptionalChaining: without it a parent with no Xrm throws, and the catch answers null too
    return parent?.WebApi ? parent : null;
  } catch {
    return null; // a parent from another origin
  }
}
// Stryker restore BlockStatement

export async function load(): Promise<void> {
  const root = document.getElementById("health");
  const status = document.getElementById("status");
  if (!root || !status) return;
  const xrm = findXrm();
  if (!xrm) {
    status.textContent = "Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.";
    return;
  }
  status.textContent = "Reading rules, queues and mailboxes…";
  try {
    const webApi = xrm.WebApi;
    // Xrm's own promise type, as a standard one for the shared reader.
    const reader: RecordReader = {
      retrieveMultipleRecords: (table, query) =>
        new Promise((resolve, reject) => webApi.retrieveMultipleRecords(table, query).then(resolve, reject)),
    };
    const health = checkEnvironment(await readEnvironment(reader));
    const base = xrm.Utility?.getGlobalContext?.().getClientUrl?.();
    const recordUrl: RecordUrl = (kind, id) =>
      base
        ? `${base}/main.aspx?pagetype=entityrecord&etn=${kind === "rule" ? "convertrule" : "queue"}&id=${encodeURIComponent(id)}`
        : null;
    renderHealth(root, health, recordUrl);
    status.textContent = "";
  } catch (error) {
    status.textContent = `The configuration could not be read: ${errorMessage(error)}`;
  }
}

// The page starts itself once its HTML is parsed: it has no inline script, so a strict Content-Security-Policy
// (script-src 'self') holds for it.
if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void load());
  else void load();
}
