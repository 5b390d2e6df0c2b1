/**
 * Security roles as Dataverse checks them on each operation: prvCreate/prvRead/prvWrite/prvDelete on the table,
 * prvAppend on a record that gets a lookup and prvAppendTo on the record it points to; AddToQueue needs
 * prvAppendToQueue and prvCreateQueueItem. A missing privilege is the documented 403 PrivilegeDenied.
 */
import { createHash } from "node:crypto";
import type { TableMetadata } from "../../core/connector/table-metadata";
import { errors } from "./errors";
import type { SeedUser } from "./seed";

export type Access = "Create" | "Read" | "Write" | "Delete" | "Append" | "AppendTo" | "Assign";

/** A stable id for a privilege name, as Dataverse gives each privilege one. */
export function privilegeId(name: string): string {
  const h = createHash("md5").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function privilegeName(access: Access, table: TableMetadata): string {
  return `prv${access}${table.privilegeName ?? table.logicalName}`;
}

export class Principal {
  private readonly privileges: Set<string>;
  readonly all: boolean;

  constructor(
    readonly user: SeedUser,
    roles: Record<string, string[]>,
  ) {
    const granted = user.roles.flatMap((r) => (Object.hasOwn(roles, r) ? roles[r]! : []));
    this.all = granted.includes("*");
    this.privileges = new Set(granted.map((p) => p.toLowerCase()));
  }

  get id(): string {
    return this.user.systemuserid.toLowerCase();
  }

  has(privilege: string): boolean {
    return this.all || this.privileges.has(privilege.toLowerCase());
  }

  demand(access: Access, table: TableMetadata): void {
    const name = privilegeName(access, table);
    if (!this.has(name)) {
      throw errors.privilegeDenied(
        this.id,
        name,
        privilegeId(name),
        table.objectTypeCode ?? 0,
        table.logicalName,
        this.user.roles.length,
      );
    }
  }
}
