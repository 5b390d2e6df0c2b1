/** Each built web resource, loaded the way a form loads a library, exposes exactly its E2C.* entry points. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

const out = join(__dirname, "..", "..", "out", "webresources");

test.each([
  ["e2c_/scripts/incidentForm.js", "IncidentForm", ["onDescriptionChange", "onLoad"]],
  ["e2c_/scripts/arcRuleForm.js", "ArcRuleForm", ["onChange", "onLoad", "onSave"]],
  ["e2c_/pages/health.js", "HealthPage", ["load"]],
  ["e2c_/pages/outcomes.js", "OutcomesPage", ["load"]],
])("%s exposes E2C.%s with its entry points and no other globals", (file, name, entryPoints) => {
  const sandbox: Record<string, unknown> = { console };
  runInNewContext(readFileSync(join(out, file), "utf8"), sandbox);
  expect(Object.keys(sandbox).sort()).toEqual(["E2C", "console"]);
  const library = (sandbox.E2C as Record<string, Record<string, unknown>>)[name]!;
  for (const entry of entryPoints) expect(typeof library[entry]).toBe("function");
});

test("two libraries on one form share the E2C namespace", () => {
  const sandbox: Record<string, unknown> = { console };
  runInNewContext(readFileSync(join(out, "e2c_/scripts/incidentForm.js"), "utf8"), sandbox);
  runInNewContext(readFileSync(join(out, "e2c_/scripts/arcRuleForm.js"), "utf8"), sandbox);
  expect(Object.keys(sandbox.E2C as object).sort()).toEqual(["ArcRuleForm", "IncidentForm"]);
});
