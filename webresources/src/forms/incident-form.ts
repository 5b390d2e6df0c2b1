/**
 * E2C.IncidentForm (web resource e2c_/scripts/incidentForm.js): on the Case form, shows the handoff's channel,
 * classification and sentiment as a form notification (negative sentiment as a warning), and says when the
 * description holds only part of the transcript. Register `E2C.IncidentForm.onLoad` on the form's OnLoad and
 * `E2C.IncidentForm.onDescriptionChange` on the Description column's OnChange, with "Pass execution context" on.
 */
import { summarizeHandoff } from "../../../core/transcript/handoff-summary";
import { parseTranscript } from "../../../core/transcript/parse";
import { choiceValue, textValue } from "./form-columns";

/** The notification ids this script owns: it clears these and no others. */
export const NOTIFICATION_IDS = { summary: "e2c-handoff-summary", truncated: "e2c-handoff-truncated" } as const;

export const COLUMNS = {
  description: "description",
  classification: "e2c_classification",
  sentiment: "e2c_sentiment",
} as const;

function show(form: Xrm.FormContext): void {
  const ui = form.ui;
  ui.clearFormNotification(NOTIFICATION_IDS.summary);
  ui.clearFormNotification(NOTIFICATION_IDS.truncated);
  // Stryker disable next-line StringLiteral: "" stands for no description; other text without a transcript header parses as "raw" just the same
  const summary = summarizeHandoff(parseTranscript(textValue(form, COLUMNS.description) ?? ""), {
    classification: textValue(form, COLUMNS.classification),
    sentimentValue: choiceValue(form, COLUMNS.sentiment),
  });
  if (!summary) return; // not a case from a handoff: nothing to say
  ui.setFormNotification(summary.text, summary.level === "warning" ? "WARNING" : "INFO", NOTIFICATION_IDS.summary);
  if (summary.truncated) ui.setFormNotification(summary.truncated.text, "INFO", NOTIFICATION_IDS.truncated);
}

function run(context: Xrm.Events.EventContext | undefined): void {
  const form = context?.getFormContext();
  if (!form) return;
  try {
    show(form);
  } catch (error) {
    // A form script must never break the form: say so in the console for the admin, and carry on.
    console.error("E2C.IncidentForm:", error);
  }
}

export function onLoad(context: Xrm.Events.EventContext): void {
  run(context);
}

export function onDescriptionChange(context: Xrm.Events.EventContext): void {
  run(context);
}
