/**
 * The case enrichment webhook's handler (PRODUCT.md §10): one `RemoteExecutionContext` for an incident Create or
 * Update in, at most one read and one PATCH of the handoff columns out. The decision is core/enrichment's.
 *
 * Where the description comes from, cheapest first: the `Target` (Create carries every column set, Update the
 * columns it changed), then the step's post-image, then the record itself — also when Dataverse says the context
 * was cut (`x-ms-dynamics-msg-size-exceeded`: InputParameters and images removed, "Use WebHooks to create external
 * handlers for server events").
 */
import {
  caseColumnsFromDescription,
  columnsToWrite,
  ENRICHMENT_COLUMNS,
  type CaseColumnValues,
} from "../../core/enrichment/case-columns";
import { isDuplicateHandoffId, isVersionChanged, type CaseRecords } from "./case-records";
import { attributesOf, plainValue, postImageOf, targetOf, type ExecutionContext } from "./execution-context";

export type CaseEventOutcome =
  { kind: "updated"; changed: string[]; note?: string } | { kind: "nothing-to-do"; why: string };

export interface CaseEventFacts {
  /** `x-ms-dynamics-msg-size-exceeded` was sent: the context lost its parameters and images. */
  sizeExceeded: boolean;
}

const MESSAGES = new Set(["Create", "Update"]);

function plainAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes)) out[k] = plainValue(v);
  return out;
}

interface Known {
  record: Record<string, unknown> | null;
  /** The record's version the context describes, when it says (a Create's Target). */
  rowVersion?: string;
}

/** What the context says about the case: its description (if it carries it) and its handoff columns (if known). */
function fromContext(context: ExecutionContext, facts: CaseEventFacts): Known {
  if (facts.sizeExceeded) return { record: null };
  const target = targetOf(context);
  const image = postImageOf(context);
  const targetAttributes = target ? plainAttributes(attributesOf(target)) : {};
  if (image) {
    // The post-image is the record after the operation; a column it leaves out is empty.
    const record = plainAttributes(attributesOf(image));
    if ("description" in targetAttributes) record.description = targetAttributes.description;
    if (!("description" in record)) record.description = null;
    return { record };
  }
  // A Create's Target holds every column the record was created with: one it leaves out is empty.
  if (context.MessageName === "Create" && target && "description" in targetAttributes) {
    const version = target.RowVersion;
    return typeof version === "string" && version
      ? { record: targetAttributes, rowVersion: version }
      : { record: targetAttributes };
  }
  return { record: null };
}

export async function handleCaseEvent(
  context: ExecutionContext,
  facts: CaseEventFacts,
  cases: CaseRecords,
): Promise<CaseEventOutcome> {
  if (context.PrimaryEntityName !== "incident" || !MESSAGES.has(context.MessageName)) {
    return {
      kind: "nothing-to-do",
      why: `not a case Create or Update (${context.PrimaryEntityName} ${context.MessageName})`,
    };
  }
  const caseId = context.PrimaryEntityId.toLowerCase();
  const known = fromContext(context, facts);
  if (known.record) {
    try {
      return await decide(cases, caseId, known.record, known.rowVersion);
    } catch (error) {
      // The case changed after this (retried, late) Create: decide from the case as it is now.
      if (!isVersionChanged(error)) throw error;
    }
  }
  const record = await cases.read(caseId);
  if (!record) return { kind: "nothing-to-do", why: "the case no longer exists" };
  return decide(cases, caseId, record, undefined);
}

async function decide(
  cases: CaseRecords,
  caseId: string,
  record: Record<string, unknown>,
  rowVersion: string | undefined,
): Promise<CaseEventOutcome> {
  const wanted = caseColumnsFromDescription(record.description as string | null | undefined);
  if (!wanted) return { kind: "nothing-to-do", why: "the description holds no transcript" };
  const current: Record<string, unknown> = {};
  for (const c of ENRICHMENT_COLUMNS) current[c] = record[c] ?? null;
  const changes = columnsToWrite(wanted, current);
  if (Object.keys(changes).length === 0) return { kind: "nothing-to-do", why: "the columns are already right" };
  return write(cases, caseId, changes, rowVersion);
}

async function write(
  cases: CaseRecords,
  caseId: string,
  changes: CaseColumnValues,
  rowVersion: string | undefined,
): Promise<CaseEventOutcome> {
  try {
    if (!(await cases.update(caseId, changes, rowVersion))) {
      return { kind: "nothing-to-do", why: "the case no longer exists" };
    }
    return { kind: "updated", changed: Object.keys(changes) };
  } catch (error) {
    // Two cases from one handoff (say, the connector's and another integration's): the id is the other case's.
    if (!isDuplicateHandoffId(error) || changes.e2c_handoffid === undefined) throw error;
    const rest: CaseColumnValues = { ...changes };
    delete rest.e2c_handoffid;
    const note = `handoff id ${changes.e2c_handoffid} already belongs to another case; e2c_handoffid left empty`;
    if (Object.keys(rest).length === 0) return { kind: "nothing-to-do", why: note };
    if (!(await cases.update(caseId, rest, rowVersion))) {
      return { kind: "nothing-to-do", why: "the case no longer exists" };
    }
    return { kind: "updated", changed: Object.keys(rest), note };
  }
}
