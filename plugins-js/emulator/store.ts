/**
 * The emulator's tables: rows in memory, primary and alternate keys kept unique (PRODUCT.md §7: duplicate alternate
 * keys → 412), and transactions that undo everything on failure (a `$batch` change set is all or nothing).
 * Requests are handled one at a time on Node's event loop, so a change set is never interleaved with another.
 */
import type { AlternateKey, TableMetadata } from "../../core/connector/table-metadata";
import { errors } from "./errors";

/** A lookup value as the store keeps it. */
export interface LookupValue {
  id: string;
  table: string;
}

export type Row = Readonly<Record<string, unknown>> & { readonly __version: number };

type Undo = () => void;

/** A create or update that is committed: on its own, or with the rest of its change set. */
export interface CommittedChange {
  table: string;
  id: string;
  kind: "create" | "update";
  before: Row | undefined;
  after: Row;
}

function keyOf(key: AlternateKey, row: Record<string, unknown>): string | null {
  const parts: string[] = [];
  for (const column of key.columns) {
    const value = row[column];
    if (value === null || value === undefined) return null;
    const v = typeof value === "object" ? (value as LookupValue).id : value;
    parts.push(String(v).toLowerCase());
  }
  return JSON.stringify(parts);
}

function indexValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return "id" in value ? String((value as LookupValue).id).toLowerCase() : null;
  return typeof value === "string" ? value.toLowerCase() : String(value);
}

/** The ids of the rows with one value: most values have one row, which needs no Set of its own. */
type Ids = string | Set<string>;

function withId(ids: Ids | undefined, id: string): Ids {
  if (ids === undefined || ids === id) return id;
  if (typeof ids === "string") return new Set([ids, id]);
  return ids.add(id);
}

function withoutId(ids: Ids | undefined, id: string): Ids | undefined {
  if (ids === undefined || ids === id) return undefined;
  if (typeof ids === "string") return ids;
  ids.delete(id);
  return ids.size > 0 ? ids : undefined;
}

export class Store {
  private readonly rows = new Map<string, Map<string, Row>>();
  /** Per table, each alternate key with its index (key values → id). */
  private readonly keyIndex = new Map<string, Array<{ key: AlternateKey; index: Map<string, string> }>>();
  /** Equality indexes, built on first use per table and column and kept current: table → column → value → ids. */
  private readonly eqIndex = new Map<string, Map<string, Map<string, Ids>>>();
  private journal: Undo[] | null = null;
  /** Changes made inside the open transaction, told to listeners once it commits. */
  private uncommitted: CommittedChange[] = [];
  private readonly committedListeners: Array<(change: CommittedChange) => void> = [];
  private version = 1000;

  constructor(readonly tables: ReadonlyMap<string, TableMetadata>) {
    for (const name of tables.keys()) this.rows.set(name, new Map());
  }

  table(logicalName: string): TableMetadata {
    const table = this.tables.get(logicalName);
    if (!table) throw errors.noSegment(logicalName);
    return table;
  }

  get(table: string, id: string): Row | undefined {
    return this.rows.get(table)?.get(id.toLowerCase());
  }

  /** Rows whose `column` equals `value` (text without regard to case; a lookup by its id), through an index. */
  rowsWhere(table: string, column: string, value: unknown): Row[] {
    const wanted = indexValue(value);
    if (wanted === null) return [];
    let columns = this.eqIndex.get(table);
    if (!columns) this.eqIndex.set(table, (columns = new Map()));
    let index = columns.get(column);
    if (!index) {
      index = new Map();
      for (const [id, row] of this.rows.get(table) ?? []) {
        const v = indexValue(row[column]);
        if (v !== null) index.set(v, withId(index.get(v), id));
      }
      columns.set(column, index);
    }
    const ids = index.get(wanted);
    if (ids === undefined) return [];
    const rows = this.rows.get(table)!;
    return typeof ids === "string" ? [rows.get(ids)!] : [...ids].map((id) => rows.get(id)!);
  }

  all(table: string): Row[] {
    return [...(this.rows.get(table)?.values() ?? [])];
  }

  count(table: string): number {
    return this.rows.get(table)?.size ?? 0;
  }

  findByKey(table: string, values: Record<string, unknown>): Row | undefined {
    const metadata = this.table(table);
    const columns = Object.keys(values).sort();
    const key = metadata.keys?.find((k) => [...k.columns].sort().join(",") === columns.join(","));
    if (!key) {
      throw errors.badRequest(
        `The key attributes (${columns.join(", ")}) do not make up an alternate key of the '${table}' entity.`,
      );
    }
    const id = this.keyIndexes(table)
      .find((k) => k.key === key)
      ?.index.get(keyOf(key, values) ?? "");
    return id ? this.get(table, id) : undefined;
  }

  private nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  /** The table's alternate keys with their indexes, made on first use. */
  private keyIndexes(table: string): Array<{ key: AlternateKey; index: Map<string, string> }> {
    let indexes = this.keyIndex.get(table);
    if (!indexes) {
      indexes = (this.table(table).keys ?? []).map((key) => ({ key, index: new Map<string, string>() }));
      this.keyIndex.set(table, indexes);
    }
    return indexes;
  }

  /** Puts a row in place (or removes it), keeping key indexes; refuses a taken alternate key. */
  private setRow(table: string, id: string, row: Row | undefined, check: boolean): void {
    const rows = this.rows.get(table)!;
    const old = rows.get(id);
    const keys = this.keyIndexes(table);
    const newKeys = keys.map(({ key }) => (row ? keyOf(key, row) : null));
    if (check) {
      keys.forEach(({ key, index }, i) => {
        const newKey = newKeys[i]!;
        const holder = newKey === null ? undefined : index.get(newKey);
        if (holder !== undefined && holder !== id) {
          throw errors.duplicateKey(
            `A record that has the attribute values ${key.columns.map((c) => String(row![c])).join(", ")} already exists. The entity key ${key.name} requires that this set of attributes contains unique values.`,
          );
        }
      });
    }
    keys.forEach(({ key, index }, i) => {
      const oldKey = old ? keyOf(key, old) : null;
      if (oldKey !== null && index.get(oldKey) === id) index.delete(oldKey);
      const newKey = newKeys[i]!;
      if (newKey !== null) index.set(newKey, id);
    });
    if (row) rows.set(id, row);
    else rows.delete(id);
    for (const [column, index] of this.eqIndex.get(table) ?? []) {
      const before = old ? indexValue(old[column]) : null;
      const after = row ? indexValue(row[column]) : null;
      if (before === after) continue;
      if (before !== null) {
        const left = withoutId(index.get(before), id);
        if (left === undefined) index.delete(before);
        else index.set(before, left);
      }
      if (after !== null) index.set(after, withId(index.get(after), id));
    }
    if (this.journal) {
      this.journal.push(() => this.setRow(table, id, old, false));
    }
  }

  /** Tells `listener` of every create and update once committed (the webhook steps of the emulator listen). */
  onCommitted(listener: (change: CommittedChange) => void): void {
    this.committedListeners.push(listener);
  }

  private changed(change: CommittedChange): void {
    if (this.journal) this.uncommitted.push(change);
    else for (const listener of this.committedListeners) listener(change);
  }

  insert(table: string, id: string, values: Record<string, unknown>): Row {
    const key = id.toLowerCase();
    if (this.rows.get(table)?.has(key)) {
      throw errors.duplicateKey(`A ${table} with id ${key} already exists.`);
    }
    const row = { ...values, [this.table(table).primaryIdAttribute]: key, __version: this.nextVersion() } as Row;
    this.setRow(table, key, row, true);
    this.changed({ table, id: key, kind: "create", before: undefined, after: row });
    return row;
  }

  update(table: string, id: string, changes: Record<string, unknown>): Row {
    const key = id.toLowerCase();
    const old = this.get(table, key);
    if (!old) throw errors.notFound(table, key);
    const row = { ...old, ...changes, __version: this.nextVersion() } as Row;
    this.setRow(table, key, row, true);
    this.changed({ table, id: key, kind: "update", before: old, after: row });
    return row;
  }

  remove(table: string, id: string): void {
    const key = id.toLowerCase();
    if (!this.get(table, key)) throw errors.notFound(table, key);
    this.setRow(table, key, undefined, false);
  }

  /** Runs `work`; if it throws, every change it made is undone and the error goes on. */
  transaction<T>(work: () => T): T {
    if (this.journal) return work();
    this.journal = [];
    let result: T;
    try {
      result = work();
    } catch (error) {
      const undo = this.journal;
      this.journal = null;
      this.uncommitted = [];
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      throw error;
    } finally {
      this.journal = null;
    }
    const committed = this.uncommitted;
    this.uncommitted = [];
    for (const change of committed) this.changed(change);
    return result;
  }
}
