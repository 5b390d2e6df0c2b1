/**
 * The emulator's seed file (`e2c-emulator-seed/1`): extra or replaced tables, security roles as privilege names,
 * users with the bearer token each signs in with, and rows to load, by entity set, as Web API create payloads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { GUID_RE } from "../../core/connector/odata-literals";
import { COLUMN_TYPES, type TableMetadata } from "../../core/connector/table-metadata";
import { problemsOf } from "../../core/email-to-case/scenario";
import type { InputProblem } from "../../core/transcript/handoff";

const columnType = z.enum(COLUMN_TYPES);

const column = z.strictObject({
  type: columnType,
  maxLength: z.number().int().positive().optional(),
  requiredLevel: z.enum(["None", "ApplicationRequired", "SystemRequired", "Recommended"]).optional(),
  options: z.array(z.strictObject({ value: z.number().int(), label: z.string() })).optional(),
  targets: z.array(z.string()).optional(),
  readOnly: z.boolean().optional(),
  displayName: z.string().optional(),
});

export const tableSchema = z.strictObject({
  logicalName: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  entitySetName: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  primaryIdAttribute: z.string(),
  primaryNameAttribute: z.string().optional(),
  objectTypeCode: z.number().int().optional(),
  privilegeName: z.string().optional(),
  keys: z.array(z.strictObject({ name: z.string(), columns: z.array(z.string()).min(1) })).optional(),
  columns: z.record(z.string(), column),
});

const tablesFile = z.strictObject({
  format: z.literal("e2c-emulator-tables/1"),
  about: z.string().optional(),
  tables: z.array(tableSchema),
});

const guid = z.string().regex(GUID_RE, "must be a GUID");

const user = z.strictObject({
  systemuserid: guid,
  fullname: z.string(),
  internalemailaddress: z.string().optional(),
  applicationid: guid.optional(),
  /** The bearer token this user signs in with. */
  token: z.string().min(8),
  roles: z.array(z.string()).default([]),
});

export const seedSchema = z.strictObject({
  format: z.literal("e2c-emulator-seed/1"),
  about: z.string().optional(),
  tables: z.array(tableSchema).default([]),
  /** Security roles: their privilege names (prvCreateIncident…), or "*" for every privilege. */
  roles: z.record(z.string(), z.array(z.string())).default({}),
  users: z.array(user).min(1),
  rows: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).default({}),
});

export type Seed = z.infer<typeof seedSchema>;
export type SeedUser = z.infer<typeof user>;

export type SeedResult = { ok: true; seed: Seed } | { ok: false; problems: InputProblem[] };

export function parseSeed(input: unknown): SeedResult {
  const result = seedSchema.safeParse(input);
  if (!result.success) return { ok: false, problems: problemsOf(result.error) };
  const problems: InputProblem[] = [];
  result.data.users.forEach((u, i) => {
    for (const role of u.roles) {
      if (!Object.hasOwn(result.data.roles, role)) {
        problems.push({ field: `users[${i}].roles`, message: `names role "${role}", which is not in roles` });
      }
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, seed: result.data };
}

/** The built-in tables (tables.json beside this file, or beside the sources when run from dist/). */
export function builtInTables(): TableMetadata[] {
  const candidates = [join(__dirname, "tables.json"), join(__dirname, "../../../plugins-js/emulator/tables.json")];
  for (const file of candidates) {
    try {
      return tablesFile.parse(JSON.parse(readFileSync(file, "utf8"))).tables;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new Error("tables.json not found beside the emulator");
}

/** Built-in tables with the seed's own: a seed table replaces the built-in one of the same logical name. */
export function tablesFor(seed: Seed): Map<string, TableMetadata> {
  const tables = new Map<string, TableMetadata>();
  for (const t of builtInTables()) tables.set(t.logicalName, t);
  for (const t of seed.tables) tables.set(t.logicalName, t);
  return tables;
}
