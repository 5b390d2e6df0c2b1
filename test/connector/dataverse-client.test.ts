/** The Dataverse client's seams: early-bound metadata kept with the tables, sign-in scope, environment URL. */
import type { TableMetadata } from "../../core/connector/table-metadata";
import { isLookup, navigationProperties } from "../../core/connector/table-metadata";
import { MsalClientCredentials, scopeFor } from "../../plugins-js/dataverse/auth";
import { EARLY_BOUND } from "../../plugins-js/dataverse/early-bound";
import { normalizeEnvironmentUrl } from "../../plugins-js/dataverse/transport";
import { builtInTables } from "../../plugins-js/emulator/seed";

const tables: TableMetadata[] = builtInTables();

describe.each(Object.values(EARLY_BOUND).map((m) => [m.logicalName, m] as const))(
  "early-bound %s",
  (name, metadata) => {
    const table = tables.find((t) => t.logicalName === name)!;

    test("has the emulator table's entity set and primary id", () => {
      expect([metadata.collectionName, metadata.primaryIdAttribute]).toEqual([
        table.entitySetName,
        table.primaryIdAttribute,
      ]);
    });

    test("types only columns the table has, choices as option sets", () => {
      for (const [column, type] of Object.entries(metadata.attributeTypes)) {
        expect(table.columns[column]).toBeDefined();
        if (type === "Optionset") expect(["Picklist", "State", "Status"]).toContain(table.columns[column]!.type);
      }
    });

    test("navigates every lookup it names to the table's targets", () => {
      for (const [column, targets] of Object.entries(metadata.navigation ?? {})) {
        const c = table.columns[column]!;
        expect(isLookup(c)).toBe(true);
        if (c.type !== "Owner")
          expect(targets.map((t) => t.replace("mscrm.", ""))).toEqual(
            navigationProperties(column, c).map(([, t]) => t),
          );
      }
    });
  },
);

test("the sign-in scope is the environment's origin with /.default, with or without a trailing slash", () => {
  expect(scopeFor("https://contoso.crm.dynamics.com")).toBe("https://contoso.crm.dynamics.com/.default");
  expect(scopeFor("https://contoso.crm.dynamics.com/")).toBe("https://contoso.crm.dynamics.com/.default");
});

test("client credentials ask Entra ID for that scope and hand back the token", async () => {
  const asked: string[][] = [];
  const source = new MsalClientCredentials(
    "https://contoso.crm.dynamics.com/",
    { tenantId: "t", clientId: "app", clientSecret: "s3cret" },
    { acquireTokenByClientCredential: async (r) => (asked.push(r.scopes), { accessToken: "token-1" }) },
  );
  expect(await source.token()).toBe("token-1");
  expect(asked).toEqual([["https://contoso.crm.dynamics.com/.default"]]);
  expect(source.description).toBe("client credentials of app app in tenant t");
  expect(source.description).not.toContain("s3cret");
});

test("the environment URL is the same with or without a trailing slash or the API path", () => {
  for (const url of [
    "https://contoso.crm.dynamics.com",
    "https://contoso.crm.dynamics.com/",
    "https://contoso.crm.dynamics.com/api/data/v9.2/",
  ]) {
    expect(normalizeEnvironmentUrl(url)).toBe("https://contoso.crm.dynamics.com");
  }
});
