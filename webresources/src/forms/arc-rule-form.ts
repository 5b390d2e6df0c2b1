/**
 * E2C.ArcRuleForm (web resource e2c_/scripts/arcRuleForm.js) on the convertrule form: validates the rule against
 * the documented outcome table (core validateRule) and shows each finding on its column, with a summary on the form;
 * a save is blocked only by an error. Register onLoad on the form's OnLoad, onChange on the OnChange of the columns
 * it reads, and onSave on OnSave, each with "Pass execution context" on.
 */
import { ruleFromColumns, type ConvertRuleColumns } from "../../../core/email-to-case/convertrule-columns";
import { outcomeTable } from "../../../core/email-to-case/outcome-table";
import { guid } from "../../../core/email-to-case/environment-records";
import { validateRule, type Finding } from "../../../core/email-to-case/rule-validation";
import type { ArcRule } from "../../../core/email-to-case/scenario";
import { readSurroundings, type RuleSurroundings } from "./arc-rule-context";

/** The convertrule columns the rule form reads (research domain.md §1). */
export const RULE_COLUMNS = [
  "allowunknownsender",
  "senderresolutionoption",
  "checkactiveentitlement",
  "checkifresolved",
  "resolvedsince",
  "sendautomaticresponse",
  "responsetemplateid",
  "queueid",
  "statecode",
] as const;

export const SUMMARY_NOTIFICATION = "e2c-arc-summary";
export const OUTCOMES_NOTIFICATION = "e2c-arc-outcomes";
/** The column the outcome notification sits on: the option that changes the table most. */
const OUTCOMES_COLUMN = "allowunknownsender";
export const OUTCOMES_PAGE = "e2c_/pages/outcomes.html";
const PREFIX = "e2c-arc-";

/** Per form: what the Web API told us, and which notifications this script set (it clears only those). */
interface FormState {
  surroundings: RuleSurroundings;
  fieldNotifications: [control: Xrm.Controls.StandardControl, id: string][];
  formNotifications: string[];
}
const states = new WeakMap<Xrm.FormContext, FormState>();

function stateOf(form: Xrm.FormContext): FormState {
  let state = states.get(form);
  if (!state) {
    state = {
      surroundings: { items: null, queue: null, findings: [] },
      fieldNotifications: [],
      // Stryker disable next-line ArrayDeclaration: a made-up id names no notification on the form, so clearing it changes nothing
      formNotifications: [],
    };
    states.set(form, state);
  }
  return state;
}

/** The rule's id, or null for a new rule not saved yet (getId() is "" then). */
function ruleIdOf(form: Xrm.FormContext): string | null {
  return form.data.entity.getId() || null;
}

function lookupId(form: Xrm.FormContext, column: string): string | null {
  const value = form.getAttribute<Xrm.Attributes.LookupAttribute>(column)?.getValue();
  return value?.[0]?.id ?? null;
}

/** The form's current values as a convertrule record, read into the toolkit's rule. */
export function ruleOnForm(form: Xrm.FormContext, surroundings: RuleSurroundings): ArcRule {
  // A new rule has no id yet: ruleFromColumns names it "rule".
  const record: Record<string, unknown> = { convertruleid: ruleIdOf(form) ?? undefined };
  // Values come typed from the form's columns; a column the form lacks (undefined) or leaves empty (null) takes
  // ruleFromColumns' default either way.
  for (const column of RULE_COLUMNS) {
    if (column === "queueid" || column === "responsetemplateid") record[column] = lookupId(form, column);
    else record[column] = form.getAttribute(column)?.getValue();
  }
  record.name = form.getAttribute("name")?.getValue();
  // Without the items (not read yet, or not readable) the rule is checked as if it had one catch-all item.
  const items = surroundings.items ?? [{ name: "", matches: "any" as const }];
  return ruleFromColumns(record as ConvertRuleColumns, items);
}

export function findingsFor(rule: ArcRule, surroundings: RuleSurroundings): Finding[] {
  const findings = validateRule(rule, surroundings.queue ? { queue: surroundings.queue } : {});
  // Item conditions are not interpreted here, so their order cannot be judged.
  return [...findings.filter((f) => f.id !== "items-after-catch-all"), ...surroundings.findings];
}

/** Opens the outcome table of the rule as it is on the form, as a dialog over the form. */
export function openOutcomes(rule: ArcRule): void {
  void Xrm.Navigation.navigateTo(
    { pageType: "webresource", webresourceName: OUTCOMES_PAGE, data: JSON.stringify(rule) },
    {
      target: 2,
      position: 1,
      width: { value: 70, unit: "%" },
      height: { value: 80, unit: "%" },
      title: "What happens to incoming email",
    },
  );
}

/** "With these settings, 6 of 13 kinds of incoming email become a case", with the action that shows which. */
function showOutcomes(form: Xrm.FormContext, state: FormState, rule: ArcRule): void {
  const control = form.getControl<Xrm.Controls.StandardControl>(OUTCOMES_COLUMN);
  if (!control) return;
  const rows = outcomeTable(rule);
  const created = rows.filter((r) => r.caseCreated).length;
  control.addNotification({
    uniqueId: OUTCOMES_NOTIFICATION,
    notificationLevel: "RECOMMENDATION",
    messages: [`With these settings, ${created} of ${rows.length} kinds of incoming email become a case.`],
    actions: [{ message: "Show what happens to each kind of incoming email", actions: [() => openOutcomes(rule)] }],
  });
  state.fieldNotifications.push([control, OUTCOMES_NOTIFICATION]);
}

function render(form: Xrm.FormContext): Finding[] {
  const state = stateOf(form);
  for (const [control, id] of state.fieldNotifications) control.clearNotification(id);
  for (const id of state.formNotifications) form.ui.clearFormNotification(id);
  state.fieldNotifications = [];
  // Stryker disable next-line ArrayDeclaration: a made-up id names no notification on the form, so clearing it changes nothing
  state.formNotifications = [];

  // One read of the form per render serves the findings and the outcome note.
  const rule = ruleOnForm(form, state.surroundings);
  const findings = findingsFor(rule, state.surroundings);
  for (const f of findings) {
    const id = `${PREFIX}${f.id}`;
    const control = f.field ? form.getControl<Xrm.Controls.StandardControl>(f.field) : null;
    if (control) {
      control.addNotification({
        uniqueId: id,
        notificationLevel: f.severity === "error" ? "ERROR" : "RECOMMENDATION",
        messages: [f.message, f.recommendation],
      });
      state.fieldNotifications.push([control, id]);
    } else {
      form.ui.setFormNotification(
        `${f.message} ${f.recommendation}`,
        f.severity === "error" ? "ERROR" : f.severity === "warning" ? "WARNING" : "INFO",
        id,
      );
      state.formNotifications.push(id);
    }
  }
  showOutcomes(form, state, rule);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (errors + warnings > 0) {
    const counts = [
      errors && `${errors} error${errors > 1 ? "s" : ""}`,
      warnings && `${warnings} warning${warnings > 1 ? "s" : ""}`,
    ]
      .filter(Boolean)
      .join(" and ");
    form.ui.setFormNotification(
      `This rule has ${counts}: see the marked fields and the notes above.`,
      errors > 0 ? "ERROR" : "WARNING",
      SUMMARY_NOTIFICATION,
    );
    state.formNotifications.push(SUMMARY_NOTIFICATION);
  }
  return findings;
}

function formOf(context: Xrm.Events.EventContext | undefined): Xrm.FormContext | null {
  return context?.getFormContext() ?? null;
}

/** Validates at once with what the form holds, then again once the queue, mailbox and items are read. */
export async function onLoad(context: Xrm.Events.EventContext): Promise<void> {
  const form = formOf(context);
  if (!form) return;
  try {
    render(form);
    stateOf(form).surroundings = await readSurroundings(Xrm.WebApi, ruleIdOf(form), lookupId(form, "queueid"));
    render(form);
  } catch (error) {
    console.error("E2C.ArcRuleForm:", error);
  }
}

export async function onChange(context: Xrm.Events.EventContext): Promise<void> {
  const form = formOf(context);
  if (!form) return;
  try {
    const before = stateOf(form).surroundings.queue?.id ?? null;
    const queueId = lookupId(form, "queueid");
    if ((queueId === null ? null : guid(queueId)) !== before) {
      stateOf(form).surroundings = await readSurroundings(Xrm.WebApi, ruleIdOf(form), queueId);
    }
    render(form);
  } catch (error) {
    console.error("E2C.ArcRuleForm:", error);
  }
}

/** Blocks the save only for error-severity findings, saying why; warnings never block. */
export function onSave(context: Xrm.Events.SaveEventContext): void {
  const form = formOf(context);
  if (!form) return;
  const errors = render(form).filter((f) => f.severity === "error");
  if (errors.length === 0) return;
  context.getEventArgs().preventDefault();
  form.ui.clearFormNotification(SUMMARY_NOTIFICATION);
  form.ui.setFormNotification(
    `The rule was not saved: ${errors.map((e) => e.message).join(" ")}`,
    "ERROR",
    SUMMARY_NOTIFICATION,
  );
}
