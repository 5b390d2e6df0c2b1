/**
 * Validation against Microsoft's solution schemas (test/fixtures/dataverse-xsd) with xmllint, as the tests run it:
 * the schemas are copied once per test file into a temporary folder and patched for libxml2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../emulator/helpers";

export type Schema = "CustomizationsSolution.xsd" | "FormXml.xsd" | "Fetch.xsd";

export const HAS_XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;

/** `test` where xmllint is installed (and always on CI, where its absence must fail), else `test.skip`, loudly. */
export function schemaTest(): jest.It {
  if (!HAS_XMLLINT) {
    console.warn(
      "SOLUTION SCHEMA TESTS SKIPPED: xmllint is missing. Install it with: sudo apt-get install -y libxml2-utils",
    );
  }
  return HAS_XMLLINT || process.env.CI === "true" ? test : test.skip;
}

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What xmllint says of `xml` against `schema`: `validates` or its errors. */
export function validate(xml: string | Uint8Array, schema: Schema, name = "document.xml"): string {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "e2c-xsd-"));
    const copy = spawnSync("bash", [join(ROOT, "test/fixtures/dataverse-xsd/make-libxml2-copy.sh"), join(dir, "xsd")], {
      encoding: "utf8",
    });
    if (copy.status !== 0) throw new Error(`make-libxml2-copy.sh failed: ${copy.stderr}`);
  }
  const file = join(dir, name);
  writeFileSync(file, xml);
  const result = spawnSync("xmllint", ["--noout", "--schema", join(dir, "xsd", schema), file], { encoding: "utf8" });
  const said = result.stderr.trim().split(`${file} `).join("");
  return result.status === 0 ? said : `${said} (exit ${result.status})`;
}
