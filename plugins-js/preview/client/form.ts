/**
 * The part of the Case form the incident form script touches (Xrm.FormContext: attributes and form
 * notifications), drawn into the preview page. Notification text is set as text, never as markup.
 */
export type NotificationLevel = "ERROR" | "WARNING" | "INFO";

export interface PreviewForm {
  formContext: Xrm.FormContext;
  executionContext: Xrm.Events.EventContext;
}

const ICONS: Record<NotificationLevel, string> = { ERROR: "\u26d4", WARNING: "\u26a0", INFO: "\u2139" };

export function previewForm(record: Record<string, unknown>, notifications: HTMLElement): PreviewForm {
  const shown = new Map<string, HTMLElement>();
  const attribute = (name: string) =>
    name in record
      ? ({
          getName: () => name,
          getValue: () => record[name] ?? null,
          setValue: (value: unknown) => void (record[name] = value),
        } as unknown as Xrm.Attributes.Attribute)
      : null;
  const ui = {
    setFormNotification(message: string, level: NotificationLevel, uniqueId: string): boolean {
      shown.get(uniqueId)?.remove();
      const item = document.createElement("div");
      item.className = `notification notification-${level.toLowerCase()}`;
      item.setAttribute("role", level === "INFO" ? "status" : "alert");
      item.dataset.id = uniqueId;
      const icon = document.createElement("span");
      icon.className = "notification-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = ICONS[level];
      const text = document.createElement("span");
      text.textContent = message;
      item.append(icon, text);
      notifications.append(item);
      shown.set(uniqueId, item);
      return true;
    },
    clearFormNotification(uniqueId: string): boolean {
      shown.get(uniqueId)?.remove();
      return shown.delete(uniqueId);
    },
  };
  const formContext = {
    ui,
    getAttribute: attribute,
    data: { entity: { getId: () => String(record.incidentid ?? "") } },
  };
  const executionContext = { getFormContext: () => formContext };
  return {
    formContext: formContext as unknown as Xrm.FormContext,
    executionContext: executionContext as unknown as Xrm.Events.EventContext,
  };
}

/**
 * The Case form the solution adds, read from its own FormXml (Solution/Entities/Incident/FormXml/main), so the
 * preview shows the tabs, sections and fields an import puts in front of people, in their order.
 */
export const CASE_FORM_XML = "/FormXml/main/{80afc1ca-654e-4f5c-8f43-19085cedc107}.xml";

export interface FormField {
  column: string;
  label: string;
  /** The custom control on it (`e2c_E2C.HandoffTranscript`) and the columns its properties are bound to. */
  customControl: { name: string; bindings: Record<string, string>; statics: Record<string, string> } | null;
}
export interface FormSection {
  name: string;
  label: string;
  fields: FormField[];
}
export interface FormColumn {
  /** As FormXml gives it, such as `34%`. */
  width: string;
  sections: FormSection[];
}
export interface FormTab {
  name: string;
  label: string;
  columns: FormColumn[];
}
export interface FormHandler {
  event: string;
  attribute: string | null;
  functionName: string;
  passExecutionContext: boolean;
}
export interface FormLayout {
  name: string;
  tabs: FormTab[];
  handlers: FormHandler[];
}

/** The web client's form factor in a customControl (0 phone, 1 tablet, 2 web). */
const WEB = "2";

const childrenNamed = (parent: Element, name: string) => Array.from(parent.children).filter((c) => c.nodeName === name);
const labelOf = (element: Element, languageCode: number) => {
  const labels = childrenNamed(element, "labels")[0];
  const all = labels ? childrenNamed(labels, "label") : [];
  const label = all.find((l) => l.getAttribute("languagecode") === String(languageCode)) ?? all[0];
  return label?.getAttribute("description") ?? "";
};

function customControlOn(form: Element, control: Element): FormField["customControl"] {
  const uniqueId = control.getAttribute("uniqueid");
  if (!uniqueId) return null;
  const description = Array.from(form.getElementsByTagName("controlDescription")).find(
    (d) => d.getAttribute("forControl")?.toLowerCase() === uniqueId.toLowerCase(),
  );
  const custom = description
    ? Array.from(description.getElementsByTagName("customControl")).find((c) => c.getAttribute("formFactor") === WEB)
    : undefined;
  const name = custom?.getAttribute("name");
  if (!custom || !name) return null;
  const bindings: Record<string, string> = {};
  const statics: Record<string, string> = {};
  for (const parameter of Array.from(custom.getElementsByTagName("parameters")[0]?.children ?? [])) {
    const target = parameter.getAttribute("static") === "true" ? statics : bindings;
    target[parameter.nodeName] = parameter.textContent?.trim() ?? "";
  }
  return { name, bindings, statics };
}

export function parseFormXml(xml: string, languageCode = 1033): FormLayout {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const form = doc.getElementsByTagName("form")[0];
  if (!form || doc.getElementsByTagName("parsererror").length > 0)
    throw new Error("The Case form's FormXml is not a form.");
  const localized = Array.from(doc.getElementsByTagName("LocalizedName"));
  const section = (element: Element): FormSection => ({
    name: element.getAttribute("name") ?? "",
    label: labelOf(element, languageCode),
    fields: Array.from(element.getElementsByTagName("cell")).flatMap((cell): FormField[] => {
      const control = childrenNamed(cell, "control")[0];
      const column = control?.getAttribute("datafieldname");
      if (!control || !column) return [];
      return [{ column, label: labelOf(cell, languageCode), customControl: customControlOn(form, control) }];
    }),
  });
  const tabs = Array.from(form.getElementsByTagName("tab")).map((tab): FormTab => ({
    name: tab.getAttribute("name") ?? "",
    label: labelOf(tab, languageCode),
    columns: Array.from(tab.getElementsByTagName("column")).map((column) => ({
      width: column.getAttribute("width") ?? "",
      sections: Array.from(column.getElementsByTagName("section")).map(section),
    })),
  }));
  const handlers = Array.from(form.getElementsByTagName("event")).flatMap((event) =>
    Array.from(event.getElementsByTagName("Handler")).map((handler): FormHandler => ({
      event: event.getAttribute("name") ?? "",
      attribute: event.getAttribute("attribute"),
      functionName: handler.getAttribute("functionName") ?? "",
      passExecutionContext: handler.getAttribute("passExecutionContext") === "true",
    })),
  );
  const name =
    localized.find((n) => n.getAttribute("languagecode") === String(languageCode))?.getAttribute("description") ?? "";
  return { name, tabs, handlers };
}

/** The columns a record must be read with to show the form: lookups as `_<column>_value`, as the Web API names them. */
export function columnsToSelect(layout: FormLayout, types: Map<string, string>): string[] {
  const columns = new Set<string>();
  for (const field of formFields(layout)) {
    for (const column of [field.column, ...Object.values(field.customControl?.bindings ?? {})]) {
      const type = types.get(column);
      if (type) columns.add(LOOKUP_TYPES.has(type) ? `_${column}_value` : column);
    }
  }
  return [...columns];
}

/** Every field of the form, tab by tab, column by column, section by section. */
export function formFields(layout: FormLayout): FormField[] {
  return layout.tabs.flatMap((t) => t.columns.flatMap((c) => c.sections.flatMap((s) => s.fields)));
}

export const LOOKUP_TYPES = new Set(["Lookup", "Customer", "Owner"]);
export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

/** A column's value as the form shows it: the display name of a lookup, the label of a choice, else the value. */
export function shownValue(record: Record<string, unknown>, column: string, type: string | undefined): string {
  if (type && LOOKUP_TYPES.has(type)) return String(record[`_${column}_value${FORMATTED}`] ?? "");
  const value = record[`${column}${FORMATTED}`] ?? record[column];
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Draws the form's tabs, sections and fields into `host`, in the FormXml's order. A field with a custom control
 * gets an empty host, `<column>-control`, for the caller to render the control into; it is returned.
 */
export function drawForm(
  layout: FormLayout,
  record: Record<string, unknown>,
  types: Map<string, string>,
  host: HTMLElement,
): Map<FormField, HTMLElement> {
  const controls = new Map<FormField, HTMLElement>();
  const element = (tag: string, className: string, content?: string) => {
    const e = document.createElement(tag);
    e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  };
  host.replaceChildren();
  for (const tab of layout.tabs) {
    const tabElement = element("section", "form-tab");
    tabElement.dataset.name = tab.name;
    tabElement.setAttribute("aria-label", tab.label);
    // The tab's columns at FormXml's widths (34% and 66% become 34fr 66fr).
    tabElement.style.gridTemplateColumns = tab.columns.map((c) => `${parseFloat(c.width) || 1}fr`).join(" ");
    for (const column of tab.columns) {
      const columnElement = element("div", "form-column");
      for (const section of column.sections) {
        const sectionElement = element("section", "form-section");
        sectionElement.dataset.name = section.name;
        const heading = element("h2", "form-section-label", section.label);
        heading.id = `section-${section.name}`;
        sectionElement.setAttribute("aria-labelledby", heading.id);
        const fields = element("div", "fields");
        for (const field of section.fields) {
          const fieldElement = element("div", field.customControl ? "field field-control" : "field");
          fieldElement.dataset.column = field.column;
          fieldElement.append(element("span", "field-label", field.label));
          if (field.customControl) {
            const control = element("div", "custom-control");
            control.id = `${field.column}-control`;
            fieldElement.append(control);
            controls.set(field, control);
          } else {
            const known = types.has(field.column);
            const value = known ? shownValue(record, field.column, types.get(field.column)) : "";
            const shown = element("span", "field-value", value || "---");
            if (!known) shown.title = "The local emulator does not hold this column.";
            fieldElement.append(shown);
          }
          fields.append(fieldElement);
        }
        sectionElement.append(heading, fields);
        columnElement.append(sectionElement);
      }
      tabElement.append(columnElement);
    }
    host.append(tabElement);
  }
  return controls;
}

/** Runs the handlers the FormXml wires to `event` (and `attribute`), by function name, as the form would. */
export function runHandlers(
  layout: FormLayout,
  event: string,
  attribute: string | null,
  executionContext: Xrm.Events.EventContext,
): string[] {
  const ran: string[] = [];
  for (const handler of layout.handlers.filter((h) => h.event === event && h.attribute === attribute)) {
    const fn = handler.functionName
      .split(".")
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], window);
    if (typeof fn !== "function") throw new Error(`The form names ${handler.functionName}, which did not load.`);
    (fn as (context?: Xrm.Events.EventContext) => void)(handler.passExecutionContext ? executionContext : undefined);
    ran.push(handler.functionName);
  }
  return ran;
}
