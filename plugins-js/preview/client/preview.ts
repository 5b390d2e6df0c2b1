/**
 * The Case form preview of `npm start` (issue 7): a list of the emulator's cases and, for the one chosen, the part of
 * the Case form the toolkit adds to — the real production Handoff transcript control on Description with a PCF
 * context backed by the emulator (its "load full transcript" reads the note through context.webAPI), and the real
 * incident form script run against an Xrm form whose notifications show above the fields. A second tab hosts the
 * real health page, which reads the same emulator through this page's Xrm.
 */
import { previewForm } from "./form";
import { previewWebApi } from "./web-api";

type Row = Record<string, unknown>;
interface ControlInstance {
  init(context: unknown, notify: () => void, state: unknown, container: HTMLElement): void;
  updateView(context: unknown): unknown;
  destroy(): void;
}
interface PreviewWindow {
  Xrm: unknown;
  ComponentFramework: { registerControl(name: string, ctor: new () => ControlInstance): void };
  __controls: Record<string, new () => ControlInstance>;
  E2C?: { IncidentForm?: { onLoad(context: Xrm.Events.EventContext): void } };
  ReactDOM: {
    render(element: unknown, container: HTMLElement): void;
    unmountComponentAtNode(container: HTMLElement): void;
  };
}

const w = window as unknown as PreviewWindow;
const webApi = previewWebApi();
w.__controls = {};
w.ComponentFramework = { registerControl: (name, ctor) => void (w.__controls[name] = ctor) };
w.Xrm = {
  WebApi: webApi,
  Utility: {
    getGlobalContext: () => ({ getClientUrl: () => window.location.origin, userSettings: { languageId: 1033 } }),
  },
};

const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const CASE_COLUMNS =
  "title,ticketnumber,description,prioritycode,caseorigincode,statecode,e2c_classification,e2c_sentiment,e2c_sessionurl,_customerid_value,createdon";

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

let strings: Record<string, string> = {};
let control: ControlInstance | null = null;

function controlContext(record: Row, host: HTMLElement): unknown {
  return {
    parameters: {
      description: { raw: record.description ?? null, security: { readable: true, editable: true, secured: false } },
      classification: { raw: record.e2c_classification ?? null },
      sentiment: { raw: record.e2c_sentiment ?? null },
      messageOrder: { raw: "oldestFirst" },
    },
    mode: {
      isControlDisabled: false,
      allocatedWidth: host.clientWidth,
      allocatedHeight: host.clientHeight,
      trackContainerResize: () => undefined,
      contextInfo: { entityId: String(record.incidentid), entityTypeName: "incident" },
    },
    client: { getFormFactor: () => 1 },
    userSettings: {
      isRTL: false,
      languageId: 1033,
      getTimeZoneOffsetMinutes: () => -new Date().getTimezoneOffset(),
    },
    resources: { getString: (key: string) => strings[key] ?? key },
    webAPI: webApi,
  };
}

function showControl(record: Row): void {
  const host = byId("description-control");
  if (control) {
    w.ReactDOM.unmountComponentAtNode(host);
    control.destroy();
  }
  const Control = w.__controls["E2C.HandoffTranscript"];
  if (!Control) {
    host.textContent = "The Handoff transcript control did not load.";
    return;
  }
  control = new Control();
  const context = controlContext(record, host);
  control.init(context, () => undefined, {}, host);
  w.ReactDOM.render(control.updateView(context), host);
}

function field(label: string, value: string): HTMLElement {
  const wrapper = document.createElement("div");
  wrapper.className = "field";
  wrapper.append(text("span", label, "field-label"), text("span", value || "---", "field-value"));
  return wrapper;
}

async function openCase(id: string): Promise<void> {
  const record = (await webApi.retrieveRecord("incident", id, `?$select=${CASE_COLUMNS}`)) as Row;
  document.querySelectorAll("#cases [aria-current]").forEach((item) => item.removeAttribute("aria-current"));
  document.querySelector(`#cases [data-id="${id}"]`)?.setAttribute("aria-current", "true");
  byId("case-title").textContent = String(record.title ?? "");
  byId("case-number").textContent = String(record.ticketnumber ?? "");
  const fields = byId("case-fields");
  fields.replaceChildren(
    field("Customer", String(record[`_customerid_value${FORMATTED}`] ?? "")),
    field("Priority", String(record[`prioritycode${FORMATTED}`] ?? "")),
    field("Origin", String(record[`caseorigincode${FORMATTED}`] ?? "")),
    field("Handoff classification", String(record.e2c_classification ?? "")),
    field("Handoff sentiment", String(record[`e2c_sentiment${FORMATTED}`] ?? "")),
  );
  const notifications = byId("notifications");
  notifications.replaceChildren();
  const { executionContext } = previewForm(record, notifications);
  // The real form script bundle, as the form's OnLoad event runs it.
  w.E2C?.IncidentForm?.onLoad(executionContext);
  showControl(record);
}

async function listCases(): Promise<void> {
  const result = await webApi.retrieveMultipleRecords(
    "incident",
    "?$select=title,ticketnumber,_customerid_value,createdon&$orderby=createdon desc",
  );
  const list = byId("cases");
  list.replaceChildren();
  for (const row of result.entities as Row[]) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.id = String(row.incidentid);
    button.append(
      text("span", String(row.title ?? ""), "case-item-title"),
      text("span", String(row.ticketnumber ?? ""), "case-item-number"),
    );
    button.addEventListener("click", () => void openCase(String(row.incidentid)));
    item.append(button);
    list.append(item);
  }
  const first = (result.entities as Row[])[0];
  if (first) await openCase(String(first.incidentid));
  else byId("case-title").textContent = "No cases yet: send a handoff with npx e2c handoff.";
}

function showTab(tab: "case" | "health"): void {
  byId("case-view").hidden = tab !== "case";
  byId("health-view").hidden = tab !== "health";
  byId("tab-case").setAttribute("aria-selected", String(tab === "case"));
  byId("tab-health").setAttribute("aria-selected", String(tab === "health"));
  const frame = byId<HTMLIFrameElement>("health-frame");
  if (tab === "health" && !frame.src) frame.src = "/WebResources/e2c_/pages/health.html";
}

/** The address names the tab (`#health`, `#case`), both ways: a tab click sets it, and a changed address (typed,
 * pasted, Back) switches the tab. */
function tabOfAddress(): "case" | "health" {
  return window.location.hash === "#health" ? "health" : "case";
}

function chooseTab(tab: "case" | "health"): void {
  if (tabOfAddress() !== tab || window.location.hash === "") window.location.hash = tab;
  else showTab(tab);
}

async function main(): Promise<void> {
  strings = (await (await fetch("/control/strings.json")).json()) as Record<string, string>;
  byId("tab-case").addEventListener("click", () => chooseTab("case"));
  byId("tab-health").addEventListener("click", () => chooseTab("health"));
  window.addEventListener("hashchange", () => showTab(tabOfAddress()));
  showTab(tabOfAddress());
  try {
    await listCases();
  } catch (error) {
    byId("case-title").textContent = `Could not read the emulator: ${(error as Error).message}`;
  }
}

window.addEventListener("load", () => void main());
