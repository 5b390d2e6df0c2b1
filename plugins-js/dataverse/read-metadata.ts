/**
 * What the connector reads once per run (one `$batch` round trip): the incident table's columns from
 * EntityDefinitions (types, max lengths, required levels, choice options, lookup targets, alternate keys), the entity
 * set names, the organisation's attachment limits and the contact's text lengths. Turned into the core's
 * TableMetadata and EnvironmentFacts.
 */
import type { EnvironmentFacts } from "../../core/connector/handoff-plan";
import { CONTACT_TEXT_DEFAULTS, type ContactTextColumn } from "../../core/connector/handoff-limits";
import {
  COLUMN_TYPES,
  type ColumnMetadata,
  type ColumnType,
  type RequiredLevel,
  type TableMetadata,
} from "../../core/connector/table-metadata";
import type { DataverseWebApi } from "./web-api";

const KNOWN_TYPES = new Set<ColumnType>(COLUMN_TYPES.filter((t) => t !== "Virtual"));

/** organization.maxuploadfilesize defaults to 5 MB (5,120 KB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 5242880;

type Json = Record<string, unknown>;

const label = (l: unknown): string =>
  String(((l as Json | undefined)?.UserLocalizedLabel as Json | undefined)?.Label ?? "");

function values(part: { data: Json | undefined } | undefined): Json[] {
  return ((part?.data?.value as Json[] | undefined) ?? []).filter(Boolean);
}

export async function readEnvironmentFacts(api: DataverseWebApi, table = "incident"): Promise<EnvironmentFacts> {
  const entity = `EntityDefinitions(LogicalName='${table}')`;
  const optionSet = { $select: "LogicalName", $expand: "OptionSet($select=Options)" };
  const cast = (type: string) => `${entity}/Attributes/Microsoft.Dynamics.CRM.${type}AttributeMetadata`;
  const parts = await api.readMany([
    {
      path: entity,
      query: {
        $select: "LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,ObjectTypeCode",
        $expand: "Keys($select=LogicalName,KeyAttributes)",
      },
    },
    { path: `${entity}/Attributes`, query: { $select: "LogicalName,AttributeType,RequiredLevel,IsValidForCreate" } },
    { path: cast("String"), query: { $select: "LogicalName,MaxLength" } },
    { path: cast("Memo"), query: { $select: "LogicalName,MaxLength" } },
    { path: cast("Picklist"), query: optionSet },
    { path: cast("Status"), query: optionSet },
    { path: cast("State"), query: optionSet },
    { path: cast("Lookup"), query: { $select: "LogicalName,Targets" } },
    { path: "EntityDefinitions", query: { $select: "LogicalName,EntitySetName" } },
    { path: "organizations", query: { $select: "maxuploadfilesize,blockedattachments" } },
    // The contact columns a new contact gets, so a handoff's name, address and phone are checked before writing.
    {
      path: "EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.StringAttributeMetadata",
      query: { $select: "LogicalName,MaxLength" },
    },
  ]);
  const [definition, attributes, strings, memos, picklists, statuses, states, lookups, entities, organizations] = parts;
  const contactTextLimits: Partial<Record<ContactTextColumn, number>> = {};
  for (const a of values(parts[10])) {
    const name = String(a.LogicalName);
    if (Object.hasOwn(CONTACT_TEXT_DEFAULTS, name) && typeof a.MaxLength === "number") {
      contactTextLimits[name as ContactTextColumn] = a.MaxLength;
    }
  }
  const columns: Record<string, ColumnMetadata> = {};
  for (const a of values(attributes)) {
    const type = String(a.AttributeType) as ColumnType;
    const column: ColumnMetadata = KNOWN_TYPES.has(type) ? { type } : { type: "Virtual", readOnly: true };
    const required = (a.RequiredLevel as Json | undefined)?.Value;
    if (typeof required === "string") column.requiredLevel = required as RequiredLevel;
    if (a.IsValidForCreate === false) column.readOnly = true;
    columns[String(a.LogicalName)] = column;
  }
  for (const a of [...values(strings), ...values(memos)]) {
    const column = columns[String(a.LogicalName)];
    if (column && typeof a.MaxLength === "number") column.maxLength = a.MaxLength;
  }
  for (const a of [...values(picklists), ...values(statuses), ...values(states)]) {
    const column = columns[String(a.LogicalName)];
    const options = ((a.OptionSet as Json | undefined)?.Options as Json[] | undefined) ?? [];
    if (column) column.options = options.map((o) => ({ value: Number(o.Value), label: label(o.Label) }));
  }
  for (const a of values(lookups)) {
    const column = columns[String(a.LogicalName)];
    if (column && Array.isArray(a.Targets)) column.targets = a.Targets.map(String);
  }
  const d = definition?.data ?? {};
  const incident: TableMetadata = {
    logicalName: String(d.LogicalName ?? table),
    entitySetName: String(d.EntitySetName ?? `${table}s`),
    primaryIdAttribute: String(d.PrimaryIdAttribute ?? `${table}id`),
    keys: ((d.Keys as Json[] | undefined) ?? []).map((k) => ({
      name: String(k.LogicalName),
      columns: (k.KeyAttributes as string[] | undefined) ?? [],
    })),
    columns,
  };
  if (typeof d.PrimaryNameAttribute === "string") incident.primaryNameAttribute = d.PrimaryNameAttribute;
  const sets = new Map(values(entities).map((e) => [String(e.LogicalName), String(e.EntitySetName)]));
  const org = values(organizations)[0] ?? {};
  const blocked = typeof org.blockedattachments === "string" ? org.blockedattachments : "";
  return {
    incident,
    contactTextLimits,
    maxUploadBytes: typeof org.maxuploadfilesize === "number" ? org.maxuploadfilesize : DEFAULT_MAX_UPLOAD_BYTES,
    blockedExtensions: blocked
      .split(";")
      .map((s) => s.trim().toLowerCase().replace(/^\./, ""))
      .filter(Boolean),
    entitySetOf: (logicalName) => sets.get(logicalName),
  };
}
