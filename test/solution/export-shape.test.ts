/**
 * The zips have the shape of a solution Dataverse exports, element by element, held to the project's own excerpt
 * of that shape (test/fixtures/dataverse-export, whose README says which exports it was read from).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { packSolution, type PackedSolution } from "../../plugins-js/solution/pack";
import { ROOT } from "../emulator/helpers";
import { schemaTest, validate } from "./xsd";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const EXPORT = join(ROOT, "test/fixtures/dataverse-export");

interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string }>;
  getAttribute(name: string): string | null;
}
const ELEMENT = 1;
const COMMENT = 8;

let packed: PackedSolution;
let reference: { customizations: XMLBuilder; solution: XMLBuilder };
beforeAll(() => {
  packed = packSolution(ROOT, version, false);
  reference = {
    customizations: create(readFileSync(join(EXPORT, "customizations.xml"), "utf8")),
    solution: create(readFileSync(join(EXPORT, "solution.xml"), "utf8")),
  };
});
const ours = (entry: "customizations.xml" | "solution.xml") =>
  create(new TextDecoder().decode(packed.entries.get(entry)));

const dom = (n: XMLBuilder) => n.node as unknown as DomNode;
const all = (from: XMLBuilder, name: string): DomNode[] => {
  const out: DomNode[] = [];
  from.each((n) => void (n.node.nodeName === name && out.push(dom(n))), false, true);
  return out;
};
const kids = (n: DomNode) => Array.from(n.childNodes).filter((c) => c.nodeType === ELEMENT);
const names = (n: DomNode) => kids(n).map((c) => c.nodeName);
const attributeNames = (n: DomNode) => Array.from(n.attributes ?? []).map((a) => a.name);
const first = (from: XMLBuilder, name: string) => all(from, name)[0]!;

/** Our children, each one the reference knows, in the reference's order (what we leave out is allowed). */
function followsOrder(ourNames: string[], referenceNames: string[]): void {
  const unknown = ourNames.filter((n) => !referenceNames.includes(n));
  expect(unknown).toEqual([]);
  expect(ourNames).toEqual([...ourNames].sort((a, b) => referenceNames.indexOf(a) - referenceNames.indexOf(b)));
}

describe("customizations.xml has the exported shape", () => {
  test("its top-level elements come in the export's order", () => {
    followsOrder(
      names(first(ours("customizations.xml"), "ImportExportXml")),
      names(first(reference.customizations, "ImportExportXml")),
    );
  });

  test("the Case entity's parts come in the export's order, ending with a RibbonDiffXml", () => {
    const entity = first(ours("customizations.xml"), "Entity");
    followsOrder(names(entity), names(first(reference.customizations, "Entity")));
    expect(names(entity)).toContain("RibbonDiffXml");
  });

  test("an entity with no command changes has the export's empty RibbonDiffXml", () => {
    const shape = (n: DomNode): unknown => [n.nodeName, attributeNames(n), kids(n).map(shape)];
    expect(shape(first(ours("customizations.xml"), "RibbonDiffXml"))).toEqual(
      shape(first(reference.customizations, "RibbonDiffXml")),
    );
  });

  test("EntityKeys come after attributes, and an EntityKey's parts in the export's order", () => {
    const entity = first(ours("customizations.xml"), "entity");
    expect(names(entity)).toEqual(["attributes", "EntityKeys"]);
    for (const key of all(ours("customizations.xml"), "EntityKey")) {
      expect(names(key)).toEqual(names(first(reference.customizations, "EntityKey")));
    }
  });

  test("a local choice is an inline optionset with neither OptionSetName (a global choice's) nor IsGlobal", () => {
    const choices = all(ours("customizations.xml"), "attribute").filter((a) => names(a).includes("optionset"));
    expect(choices.length).toBeGreaterThan(0);
    const referenceChoice = all(reference.customizations, "attribute").find((a) => names(a).includes("optionset"))!;
    for (const choice of choices) {
      expect(names(choice)).not.toContain("OptionSetName");
      followsOrder(names(choice), names(referenceChoice));
      const optionset = kids(choice).find((c) => c.nodeName === "optionset")!;
      expect(names(optionset)).not.toContain("IsGlobal");
      followsOrder(names(optionset), names(kids(referenceChoice).find((c) => c.nodeName === "optionset")!));
    }
  });

  test.each([["systemform"], ["savedquery"]])("every %s's parts come in the export's order", (name) => {
    const found = all(ours("customizations.xml"), name);
    expect(found.length).toBeGreaterThan(0);
    for (const item of found) followsOrder(names(item), names(first(reference.customizations, name)));
  });

  test("has no comments: an export has none", () => {
    for (const entry of ["customizations.xml", "solution.xml"] as const) {
      const comments: string[] = [];
      ours(entry).each(
        (n) => void (n.node.nodeType === COMMENT && comments.push(String(n.node.textContent))),
        true,
        true,
      );
      expect([entry, comments]).toEqual([entry, []]);
    }
  });

  schemaTest()("the reference itself is valid against Microsoft's schema, as ours is", () => {
    expect(validate(readFileSync(join(EXPORT, "customizations.xml")), "CustomizationsSolution.xsd")).toBe("validates");
  });
});

describe("solution.xml has the exported shape", () => {
  test("its manifest's parts come in the export's order", () => {
    followsOrder(
      names(first(ours("solution.xml"), "SolutionManifest")),
      names(first(reference.solution, "SolutionManifest")),
    );
  });

  test("RootComponents holds RootComponent elements only; forms and views by id, the rest by schemaName", () => {
    const roots = first(ours("solution.xml"), "RootComponents");
    expect(Array.from(roots.childNodes).filter((c) => c.nodeType !== ELEMENT && c.nodeType !== 3)).toEqual([]);
    expect([...new Set(names(roots))]).toEqual(["RootComponent"]);
    for (const root of kids(roots)) {
      const byId = ["26", "60"].includes(root.getAttribute("type")!);
      expect([root.getAttribute("type"), attributeNames(root)]).toEqual([
        root.getAttribute("type"),
        byId ? ["type", "id", "behavior"] : ["type", "schemaName", "behavior"],
      ]);
    }
  });

  test("MissingDependencies says Customer Service's Case table is required, in the export's words", () => {
    const dependencies = all(ours("solution.xml"), "MissingDependency");
    expect(dependencies.length).toBeGreaterThan(0);
    const allowed = (name: string) => new Set(all(reference.solution, name).flatMap((n) => attributeNames(n)));
    for (const dependency of dependencies) {
      expect(names(dependency)).toEqual(["Required", "Dependent"]);
      const [required, dependent] = kids(dependency) as [DomNode, DomNode];
      for (const a of attributeNames(required)) expect(allowed("Required")).toContain(a);
      for (const a of attributeNames(dependent)) expect(allowed("Dependent")).toContain(a);
      expect(["type", "schemaName", "displayName"].map((a) => required.getAttribute(a))).toEqual([
        "1",
        "incident",
        "Case",
      ]);
      expect(required.getAttribute("solution")).toMatch(/^msdynce_Service \(\d+(\.\d+){3}\)$/);
    }
    // Every form, view and column the solution adds to Case depends on it.
    const dependents = dependencies.map(
      (d) => kids(d)[1]!.getAttribute("id") ?? kids(d)[1]!.getAttribute("schemaName"),
    );
    const added = [
      ...all(ours("customizations.xml"), "formid").map((n) =>
        String((n as unknown as { textContent: string }).textContent),
      ),
      ...all(ours("customizations.xml"), "savedqueryid").map((n) =>
        String((n as unknown as { textContent: string }).textContent),
      ),
      ...all(ours("customizations.xml"), "LogicalName")
        .filter((n) => kids(n).length === 0)
        .map((n) => String((n as unknown as { textContent: string }).textContent))
        .filter((name) => !name.endsWith("_key")),
    ];
    expect(dependents.sort()).toEqual(added.sort());
  });
});
