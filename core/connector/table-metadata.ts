/**
 * The slice of Dataverse table metadata the toolkit reads (EntityDefinitions, research domain.md §4): column types,
 * max lengths, required levels, choice options and lookup targets. The connector validates `ticket_properties`
 * against it and cuts the description to it; the emulator enforces it.
 */

/** Dataverse `AttributeType` values the toolkit meets; "Virtual" stands for any other (Virtual, PartyList,
 * ManagedProperty…), which the toolkit never writes. */
export const COLUMN_TYPES = [
  "String",
  "Memo",
  "Integer",
  "BigInt",
  "Decimal",
  "Double",
  "Money",
  "Boolean",
  "DateTime",
  "Picklist",
  "State",
  "Status",
  "Lookup",
  "Customer",
  "Owner",
  "Uniqueidentifier",
  "EntityName",
  "Virtual",
] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];

export type RequiredLevel = "None" | "ApplicationRequired" | "SystemRequired" | "Recommended";

export interface ChoiceOption {
  value: number;
  label: string;
}

export interface ColumnMetadata {
  type: ColumnType;
  /** String and Memo columns. */
  maxLength?: number;
  requiredLevel?: RequiredLevel;
  /** Picklist, State and Status columns. */
  options?: ChoiceOption[];
  /** Lookup, Customer and Owner columns: the tables a value may point to. */
  targets?: string[];
  /** Set by the platform (ticketnumber, createdon, …): a client may not send it. */
  readOnly?: boolean;
  displayName?: string;
}

export interface AlternateKey {
  name: string;
  columns: string[];
}

export interface TableMetadata {
  logicalName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute?: string;
  objectTypeCode?: number;
  /** The name privileges are built from: prvCreate<privilegeName>; "Note" for annotation. */
  privilegeName?: string;
  keys?: AlternateKey[];
  columns: Record<string, ColumnMetadata>;
}

/** Lookup columns are bound through navigation properties: one target → the column's name, several → `col_target`. */
export function navigationProperties(column: string, metadata: ColumnMetadata): Array<[nav: string, target: string]> {
  const targets = metadata.targets ?? [];
  if (metadata.type === "Owner" || targets.length <= 1) return targets.map((t) => [column, t]);
  return targets.map((t) => [`${column}_${t}`, t]);
}

export function isLookup(metadata: ColumnMetadata): boolean {
  return metadata.type === "Lookup" || metadata.type === "Customer" || metadata.type === "Owner";
}

export function isChoice(metadata: ColumnMetadata): boolean {
  return metadata.type === "Picklist" || metadata.type === "State" || metadata.type === "Status";
}

/** The metadata of a column the table has: an own key of its columns, never one of Object.prototype's
 * ("constructor", "__proto__" are names a user may type). */
export function columnOf(table: TableMetadata, name: string): ColumnMetadata | undefined {
  return Object.hasOwn(table.columns, name) ? table.columns[name] : undefined;
}
