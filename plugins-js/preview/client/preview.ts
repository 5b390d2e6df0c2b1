/**
 * The Case form preview of `npm start` (issue 7): a list of the emulator's cases and, for the one chosen, the
 * "Case (Email to Case)" form the solution adds, laid out from its own FormXml (issue 14) — its tabs, sections and
 * fields in order, the real production Handoff transcript control where the form puts it, bound to the columns the
 * form binds, with a PCF context backed by the emulator (its "load full transcript" reads the note through
 * context.webAPI), and the form's OnLoad handlers from the real incident form script run against an Xrm form whose
 * notifications show above the fields. A second tab hosts the real health page, which reads the same emulator
 * through this page's Xrm.
 */
import {
  CASE_FORM_XML,
  columnsToSelect,
  FORMATTED,
  LOOKUP_TYPES,
  drawForm,
  parseFormXml,
  previewForm,
  runHandlers,
  type FormField,
  type FormLayout,
} from "./form";
import { previewGet, previewWebApi } from "./web-api";

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

/** Read with every case whatever the form shows: the header's title and number. */
const HEADER_COLUMNS = ["incidentid", "title", "ticketnumber"];

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
let control: { instance: ControlInstance; host: HTMLElement } | null = null;
let caseForm: { layout: FormLayout; types: Map<string, string> } | null = null;

/** The form's FormXml and the Case columns the emulator holds (name → AttributeType), read once. */
async function loadCaseForm(): Promise<{ layout: FormLayout; types: Map<string, string> }> {
  if (caseForm) return caseForm;
  const formXml = await fetch(CASE_FORM_XML);
  if (!formXml.ok) throw new Error(`the Case form's FormXml (${CASE_FORM_XML}) answered ${formXml.status}`);
  const metadata = await previewGet("/api/data/v9.2/EntityDefinitions(LogicalName='incident')/Attributes");
  if (!metadata.ok) throw new Error(`the Case table's columns answered ${metadata.status}`);
  const attributes = ((await metadata.json()) as { value: Array<{ LogicalName: string; AttributeType: string }> })
    .value;
  caseForm = {
    layout: parseFormXml(await formXml.text()),
    types: new Map(attributes.map((a) => [a.LogicalName, a.AttributeType])),
  };
  return caseForm;
}

/** A lookup column as a bound lookup property gives it (ComponentFramework.LookupValue[]), or none. */
function lookupValue(record: Row, column: string): Array<{ id: string; name: string; entityType: string }> {
  const id = record[`_${column}_value`];
  if (typeof id !== "string") return [];
  const name = String(record[`_${column}_value${FORMATTED}`] ?? "");
  const entityType = String(record[`_${column}_value@Microsoft.Dynamics.CRM.lookuplogicalname`] ?? "contact");
  return [{ id, name, entityType }];
}

/** The control's parameters as the form binds them: each bound property to its column's value, statics as written. */
function controlParameters(field: FormField, record: Row): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const custom = field.customControl!;
  for (const [property, column] of Object.entries(custom.bindings)) {
    const lookup = LOOKUP_TYPES.has(caseForm?.types.get(column) ?? "");
    parameters[property] = {
      raw: lookup ? lookupValue(record, column) : (record[column] ?? null),
      security: { readable: true, editable: true, secured: false },
    };
  }
  for (const [property, value] of Object.entries(custom.statics)) parameters[property] = { raw: value };
  return parameters;
}

function controlContext(field: FormField, record: Row, host: HTMLElement): unknown {
  return {
    parameters: controlParameters(field, record),
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
    // context.navigation.openForm: a case opens here, in the preview's form.
    navigation: {
      openForm: async (options: { entityName: string; entityId?: string }) => {
        if (options.entityName === "incident" && options.entityId) await openCase(options.entityId);
        return { savedEntityReference: [] };
      },
    },
  };
}

/** The control names `<prefix>_<namespace>.<constructor>` in FormXml; the bundle registers `<namespace>.<constructor>`. */
const registeredName = (solutionName: string) => solutionName.replace(/^[a-z0-9]+_/, "");

function removeControl(): void {
  if (!control) return;
  w.ReactDOM.unmountComponentAtNode(control.host);
  control.instance.destroy();
  control = null;
}

function showControl(field: FormField, record: Row, host: HTMLElement): void {
  const Control = w.__controls[registeredName(field.customControl!.name)];
  if (!Control) {
    host.textContent = `The control ${field.customControl!.name} did not load.`;
    return;
  }
  const instance = new Control();
  const context = controlContext(field, record, host);
  instance.init(context, () => undefined, {}, host);
  w.ReactDOM.render(instance.updateView(context), host);
  control = { instance, host };
}

async function openCase(id: string): Promise<void> {
  const { layout, types } = await loadCaseForm();
  const select = [...new Set([...HEADER_COLUMNS, ...columnsToSelect(layout, types)])].join(",");
  const record = (await webApi.retrieveRecord("incident", id, `?$select=${select}`)) as Row;
  document.querySelectorAll("#cases [aria-current]").forEach((item) => item.removeAttribute("aria-current"));
  document.querySelector(`#cases [data-id="${id}"]`)?.setAttribute("aria-current", "true");
  byId("case-title").textContent = String(record.title ?? "");
  byId("case-number").textContent = String(record.ticketnumber ?? "");
  byId("case-form-name").textContent = layout.name;
  const notifications = byId("notifications");
  notifications.replaceChildren();
  const { executionContext } = previewForm(record, notifications);
  // The form script's handlers as the FormXml wires them to OnLoad, from the real web resource bundle.
  runHandlers(layout, "onload", null, executionContext);
  removeControl();
  for (const [field, host] of drawForm(layout, record, types, byId("case-form-body"))) showControl(field, record, host);
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
