/**
 * Whether a value fits a column, in the words a Dataverse admin knows (research domain.md §5: the Web API refuses a
 * label sent for a choice, a value outside the option set, and text longer than the column). The connector checks
 * `ticket_properties` with this before writing; the emulator refuses with Dataverse's own error for the same cases.
 */
import { GUID_RE } from "./odata-literals";
import { isChoice, isLookup, type ChoiceOption, type ColumnMetadata } from "./table-metadata";

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function isGuid(value: unknown): value is string {
  return typeof value === "string" && GUID_RE.test(value.replace(/^\{|\}$/g, ""));
}

export function listOptions(options: ChoiceOption[]): string {
  return options.map((o) => `${o.value} (${o.label})`).join(", ");
}

/** The option whose label is `text`, ignoring case and surrounding spaces. */
export function optionByLabel(options: ChoiceOption[], text: string): ChoiceOption | undefined {
  const wanted = text.trim().toLowerCase();
  return options.find((o) => o.label.toLowerCase() === wanted);
}

/** Why `value` cannot go into the column, or null when it can. `null` clears a column and always fits. */
export function columnValueProblem(value: unknown, column: ColumnMetadata): string | null {
  if (value === null) return null;
  if (isChoice(column)) return choiceProblem(value, column.options ?? []);
  if (isLookup(column)) {
    return 'is a lookup: bind it as "<column>@odata.bind": "/<entity set>(<id>)" instead';
  }
  switch (column.type) {
    case "String":
    case "Memo":
      if (typeof value !== "string") return `must be text, not ${describe(value)}`;
      if (column.maxLength !== undefined && value.length > column.maxLength) {
        return `is ${value.length} characters; the column holds at most ${column.maxLength}`;
      }
      return null;
    case "Integer":
    case "BigInt":
      return Number.isInteger(value) ? null : `must be a whole number, not ${describe(value)}`;
    case "Decimal":
    case "Double":
    case "Money":
      return typeof value === "number" && Number.isFinite(value) ? null : `must be a number, not ${describe(value)}`;
    case "Boolean":
      return typeof value === "boolean" ? null : `must be true or false, not ${describe(value)}`;
    case "DateTime":
      return typeof value === "string" && ISO_DATE_RE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not ${describe(value)}`;
    case "Uniqueidentifier":
      return isGuid(value) ? null : `must be a GUID, not ${describe(value)}`;
    default:
      return null;
  }
}

/** The seed 003 rule: "Use integer option-set values, not label text". */
function choiceProblem(value: unknown, options: ChoiceOption[]): string | null {
  if (typeof value === "string") {
    const option = optionByLabel(options, value);
    if (option) return `is the label "${option.label}"; send its integer value ${option.value} instead`;
    return `must be an integer option value, not text: one of ${listOptions(options)}`;
  }
  if (!Number.isInteger(value)) return `must be an integer option value: one of ${listOptions(options)}`;
  if (!options.some((o) => o.value === value)) {
    return `${String(value)} is not one of the column's options: ${listOptions(options)}`;
  }
  return null;
}

function describe(value: unknown): string {
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
