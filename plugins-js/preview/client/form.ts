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
