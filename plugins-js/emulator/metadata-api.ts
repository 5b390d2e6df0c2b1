/**
 * `EntityDefinitions` as the Web API answers it, for the tables the emulator holds: the entity, its attributes
 * (all, or cast to String/Memo/Lookup/Picklist/Status/State metadata) and its alternate keys. `$select` and
 * `$expand` on metadata are accepted and ignored: the emulator always answers with every property it knows.
 */
import { createHash } from "node:crypto";
import type { ColumnMetadata, TableMetadata } from "../../core/connector/table-metadata";
import { errors } from "./errors";

const TYPE_NAMES: Record<string, string> = {
  String: "StringType",
  Memo: "MemoType",
  Integer: "IntegerType",
  BigInt: "BigIntType",
  Decimal: "DecimalType",
  Double: "DoubleType",
  Money: "MoneyType",
  Boolean: "BooleanType",
  DateTime: "DateTimeType",
  Picklist: "PicklistType",
  State: "StateType",
  Status: "StatusType",
  Lookup: "LookupType",
  Customer: "CustomerType",
  Owner: "OwnerType",
  Uniqueidentifier: "UniqueidentifierType",
  EntityName: "EntityNameType",
  Virtual: "VirtualType",
};

const CAST_OF: Record<string, string> = {
  String: "StringAttributeMetadata",
  Memo: "MemoAttributeMetadata",
  Integer: "IntegerAttributeMetadata",
  BigInt: "BigIntAttributeMetadata",
  Decimal: "DecimalAttributeMetadata",
  Double: "DoubleAttributeMetadata",
  Money: "MoneyAttributeMetadata",
  Boolean: "BooleanAttributeMetadata",
  DateTime: "DateTimeAttributeMetadata",
  Picklist: "PicklistAttributeMetadata",
  State: "StateAttributeMetadata",
  Status: "StatusAttributeMetadata",
  Lookup: "LookupAttributeMetadata",
  Customer: "LookupAttributeMetadata",
  Owner: "LookupAttributeMetadata",
  Uniqueidentifier: "UniqueIdentifierAttributeMetadata",
  EntityName: "EntityNameAttributeMetadata",
  Virtual: "AttributeMetadata",
};

function metadataId(text: string): string {
  const h = createHash("md5").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const label = (text: string) => ({ UserLocalizedLabel: { Label: text, LanguageCode: 1033 } });

function attributeJson(table: TableMetadata, name: string, column: ColumnMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.type": `#Microsoft.Dynamics.CRM.${CAST_OF[column.type]}`,
    MetadataId: metadataId(`${table.logicalName}.${name}`),
    LogicalName: name,
    SchemaName: name,
    AttributeType: column.type,
    AttributeTypeName: { Value: TYPE_NAMES[column.type] },
    RequiredLevel: { Value: column.requiredLevel ?? "None" },
    IsValidForCreate: !column.readOnly,
    IsValidForUpdate: !column.readOnly,
    IsPrimaryId: name === table.primaryIdAttribute,
    DisplayName: label(column.displayName ?? name),
  };
  if (column.maxLength !== undefined) out.MaxLength = column.maxLength;
  if (column.targets) out.Targets = column.targets;
  if (column.options) {
    out.OptionSet = { Options: column.options.map((o) => ({ Value: o.value, Label: label(o.label) })) };
  }
  return out;
}

/** `EntityDefinitions(LogicalName='incident')[/Attributes[/Microsoft.Dynamics.CRM.XAttributeMetadata]|/Keys]` */
export function entityDefinitions(
  tables: ReadonlyMap<string, TableMetadata>,
  path: string,
  serviceRoot: string,
): Record<string, unknown> {
  if (path === "EntityDefinitions") {
    return {
      "@odata.context": `${serviceRoot}$metadata#EntityDefinitions`,
      value: [...tables.values()].map((t) => ({
        MetadataId: metadataId(t.logicalName),
        LogicalName: t.logicalName,
        EntitySetName: t.entitySetName,
        PrimaryIdAttribute: t.primaryIdAttribute,
        ObjectTypeCode: t.objectTypeCode ?? null,
      })),
    };
  }
  const m =
    /^EntityDefinitions\(LogicalName='([^']+)'\)(?:\/(Attributes|Keys)(?:\/Microsoft\.Dynamics\.CRM\.(\w+))?)?$/.exec(
      path,
    );
  if (!m) throw errors.noSegment(path.split("/")[0] ?? path);
  const table = tables.get(m[1]!);
  if (!table) {
    throw errors.badRequest(`Could not find entity with logical name '${m[1]}'.`);
  }
  const attributes = Object.entries(table.columns).map(([name, c]) => attributeJson(table, name, c));
  if (m[2] === "Attributes") {
    const cast = m[3];
    const value = cast ? attributes.filter((a) => a["@odata.type"] === `#Microsoft.Dynamics.CRM.${cast}`) : attributes;
    return { "@odata.context": `${serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/Attributes`, value };
  }
  const keys = (table.keys ?? []).map((k) => ({
    LogicalName: k.name,
    SchemaName: k.name,
    KeyAttributes: k.columns,
    EntityKeyIndexStatus: "Active",
  }));
  if (m[2] === "Keys") {
    return { "@odata.context": `${serviceRoot}$metadata#EntityDefinitions('${table.logicalName}')/Keys`, value: keys };
  }
  return {
    "@odata.context": `${serviceRoot}$metadata#EntityDefinitions/$entity`,
    MetadataId: metadataId(table.logicalName),
    LogicalName: table.logicalName,
    EntitySetName: table.entitySetName,
    PrimaryIdAttribute: table.primaryIdAttribute,
    PrimaryNameAttribute: table.primaryNameAttribute ?? null,
    ObjectTypeCode: table.objectTypeCode ?? null,
    Attributes: attributes,
    Keys: keys,
  };
}
