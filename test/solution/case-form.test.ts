/**
 * What the import puts in front of people (PRODUCT.md §11): a new main form for Case, "Case (Email to Case)", with
 * the Handoff transcript control on Description and incidentForm.js wired to OnLoad and Description's OnChange, and
 * two system views that use the solution's columns. Read from the packed zip, as Dataverse would read it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { SENTIMENT_LABELS, sentimentFromOptionValue } from "../../core/transcript/sentiment";
import { packSolution, type PackedSolution } from "../../plugins-js/solution/pack";
import { builtInTable, ROOT } from "../emulator/helpers";
import { schemaTest, validate } from "./xsd";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const CASE_FORM_ID = "{80afc1ca-654e-4f5c-8f43-19085cedc107}";
const CONTROL = "e2c_E2C.HandoffTranscript";
const LIBRARY = "e2c_/scripts/incidentForm.js";

let unmanaged: PackedSolution;
let managed: PackedSolution;
beforeAll(() => {
  unmanaged = packSolution(ROOT, version, false);
  managed = packSolution(ROOT, version, true);
});

const doc = (packed: PackedSolution, entry: string) => create(new TextDecoder().decode(packed.entries.get(entry)));
const all = (from: XMLBuilder, name: string): XMLBuilder[] => {
  const out: XMLBuilder[] = [];
  from.each((n) => void (n.node.nodeName === name && out.push(n)), false, true);
  return out;
};
const one = (from: XMLBuilder, name: string): XMLBuilder => {
  const found = all(from, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
};
/** The DOM element API xmlbuilder2's nodes have (the Node side has no DOM types). */
interface DomElement {
  nodeName: string;
  textContent: string | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
}
const attr = (n: XMLBuilder, name: string) => (n.node as unknown as DomElement).getAttribute(name);
const text = (n: XMLBuilder, name: string) => String(one(n, name).node.textContent).trim();
const children = (n: XMLBuilder) => Array.from((n.node as unknown as DomElement).children);
const label = (n: XMLBuilder) => attr(all(n, "label")[0]!, "description");
const serialize = (n: XMLBuilder) => create().import(n).end({ prettyPrint: true });

const incident = (packed = unmanaged) =>
  all(doc(packed, "customizations.xml"), "Entity").find((e) => children(e)[0]?.textContent === "Incident")!;
const caseForm = (packed = unmanaged) => one(one(incident(packed), "FormXml"), "systemform");
const form = (packed = unmanaged) => one(caseForm(packed), "form");
const views = (packed = unmanaged) => all(incident(packed), "savedquery");
const view = (name: string) => views().find((v) => attr(one(v, "LocalizedName"), "description") === name)!;

describe('the "Case (Email to Case)" form', () => {
  test("is a main form of its own, added beside the system Case forms, with the id committed in Solution/", () => {
    const forms = all(one(incident(), "FormXml"), "forms");
    expect(forms.map((f) => attr(f, "type"))).toEqual(["main"]);
    expect(text(caseForm(), "formid")).toBe(CASE_FORM_ID);
    expect(attr(one(caseForm(), "LocalizedName"), "description")).toBe("Case (Email to Case)");
    const roots = all(doc(unmanaged, "solution.xml"), "RootComponent").map((r) => [attr(r, "type"), attr(r, "id")]);
    expect(roots).toContainEqual(["60", CASE_FORM_ID]);
    // Re-importing updates the same form instead of adding another: the ids do not change between builds or zips.
    expect(serialize(caseForm(managed))).toBe(serialize(caseForm()));
    expect(serialize(caseForm(packSolution(ROOT, version, false)))).toBe(serialize(caseForm()));
  });

  test("every tab, section, cell, control and handler id on it is a GUID used once", () => {
    const ids = [
      ...["tab", "section", "cell"].flatMap((name) => all(form(), name).map((n) => attr(n, "id"))),
      ...all(form(), "control").flatMap((c) => (attr(c, "uniqueid") ? [attr(c, "uniqueid")] : [])),
      ...all(form(), "Handler").map((h) => attr(h, "handlerUniqueId")),
      ...all(form(), "Library").map((l) => attr(l, "libraryUniqueId")),
    ];
    for (const id of ids) expect(id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("Summary shows title, customer, subject, priority, origin and owner, then the transcript and the handoff", () => {
    const tabs = all(form(), "tab");
    expect(tabs.map(label)).toEqual(["Summary"]);
    const layout = all(tabs[0]!, "section").map((s) => [
      label(s),
      all(s, "control").map((c) => attr(c, "datafieldname")),
    ]);
    expect(layout).toEqual([
      ["Case details", ["title", "customerid", "subjectid", "prioritycode", "caseorigincode", "ownerid"]],
      ["Handoff transcript", ["description"]],
      ["Handoff", ["e2c_classification", "e2c_sentiment", "e2c_sessionurl"]],
    ]);
  });

  test("every column on it is a Case column: Microsoft's or one the solution adds", () => {
    const added = all(one(incident(), "attributes"), "attribute").map((a) => text(a, "LogicalName"));
    const known = new Set([...Object.keys(builtInTable("incident").columns), "subjectid", ...added]);
    for (const control of all(form(), "control")) expect(known).toContain(attr(control, "datafieldname"));
  });

  test("Description shows the Handoff transcript control on every client, bound as its manifest declares", () => {
    const description = all(form(), "control").find((c) => attr(c, "datafieldname") === "description")!;
    const forControl = all(form(), "controlDescription").find(
      (d) => attr(d, "forControl") === attr(description, "uniqueid"),
    )!;
    const custom = all(forControl, "customControl").filter((c) => attr(c, "name") === CONTROL);
    expect(custom.map((c) => attr(c, "formFactor")).sort()).toEqual(["0", "1", "2"]);

    const manifest = doc(unmanaged, `Controls/${CONTROL}/ControlManifest.xml`);
    const bound = all(manifest, "property").filter((p) => attr(p, "usage") === "bound");
    const expected = Object.fromEntries(
      bound.map((p) => [attr(p, "name"), { type: attr(p, "of-type"), column: "" }] as const),
    );
    expected.description!.column = "description";
    expected.classification!.column = "e2c_classification";
    expected.sentiment!.column = "e2c_sentiment";
    expected.customer!.column = "customerid";
    for (const c of custom) {
      const parameters = children(one(c, "parameters"));
      const boundHere = Object.fromEntries(
        parameters
          .filter((p) => p.getAttribute("static") !== "true")
          .map((p) => [p.nodeName, { type: p.getAttribute("type"), column: p.textContent }]),
      );
      expect(boundHere).toEqual(expected);
    }
  });

  test("loads incidentForm.js and runs its OnLoad and Description OnChange handlers with the execution context", () => {
    expect(all(form(), "Library").map((l) => attr(l, "name"))).toEqual([LIBRARY]);
    const handlers = all(form(), "event").map((e) => {
      const h = one(e, "Handler");
      return [
        attr(e, "name"),
        attr(e, "attribute"),
        attr(h, "libraryName"),
        attr(h, "functionName"),
        attr(h, "passExecutionContext"),
        attr(h, "enabled"),
      ];
    });
    expect(handlers).toEqual([
      ["onload", null, LIBRARY, "E2C.IncidentForm.onLoad", "true", "true"],
      ["onchange", "description", LIBRARY, "E2C.IncidentForm.onDescriptionChange", "true", "true"],
    ]);
  });

  test("the functions it names exist in the incidentForm.js the zip ships", () => {
    const resource = all(doc(unmanaged, "customizations.xml"), "WebResource").find((w) => text(w, "Name") === LIBRARY)!;
    const script = new TextDecoder().decode(unmanaged.entries.get(text(resource, "FileName").slice(1)));
    const sandbox: Record<string, unknown> = {};
    runInNewContext(script, sandbox);
    for (const h of all(form(), "Handler")) {
      const fn = attr(h, "functionName")!
        .split(".")
        .reduce<unknown>((at: unknown, key: string) => (at as Record<string, unknown> | undefined)?.[key], sandbox);
      expect([attr(h, "functionName"), typeof fn]).toEqual([attr(h, "functionName"), "function"]);
    }
  });

  schemaTest()("validates against Microsoft's FormXml schema", () => {
    expect(validate(serialize(form()), "FormXml.xsd", "form.xml")).toBe("validates");
  });
});

describe("the Case views", () => {
  const COLUMNS = ["ticketnumber", "title", "customerid", "e2c_classification", "e2c_sentiment", "createdon"];
  const NAMES = ["Handoffs: negative sentiment", "Handoffs by classification"];
  const conditions = (v: XMLBuilder) =>
    all(one(v, "filter"), "condition").map((c) => [
      attr(c, "attribute"),
      attr(c, "operator"),
      attr(c, "value") ?? all(c, "value").map((x) => Number(x.node.textContent)),
    ]);
  const order = (v: XMLBuilder) => all(v, "order").map((o) => [attr(o, "attribute"), attr(o, "descending")]);

  test("are two system views of Case, each a root component with its committed id", () => {
    expect(
      views()
        .map((v) => attr(one(v, "LocalizedName"), "description"))
        .sort(),
    ).toEqual([...NAMES].sort());
    const roots = all(doc(unmanaged, "solution.xml"), "RootComponent")
      .filter((r) => attr(r, "type") === "26")
      .map((r) => attr(r, "id"));
    expect(
      views()
        .map((v) => text(v, "savedqueryid"))
        .sort(),
    ).toEqual(roots.sort());
    expect(views(managed).map((v) => text(v, "savedqueryid"))).toEqual(views().map((v) => text(v, "savedqueryid")));
    for (const v of views()) {
      expect([text(v, "querytype"), text(v, "isprivate"), text(v, "isdefault")]).toEqual(["0", "0", "0"]);
      expect(attr(one(v, "entity"), "name")).toBe("incident");
    }
  });

  test.each(NAMES)("%s shows case number, title, customer, classification, sentiment and created on", (name) => {
    const v = view(name);
    expect(all(one(v, "layoutxml"), "cell").map((c) => attr(c, "name"))).toEqual(COLUMNS);
    expect(attr(one(v, "row"), "id")).toBe("incidentid");
    expect(Number(attr(one(v, "grid"), "object"))).toBe(builtInTable("incident").objectTypeCode);
    // A grid can only show what the query fetches.
    const fetched = all(one(v, "fetchxml"), "attribute").map((a) => attr(a, "name"));
    for (const column of COLUMNS) expect(fetched).toContain(column);
  });

  test("Handoffs: negative sentiment lists active cases whose sentiment is one of the three negative values, newest first", () => {
    const negative = SENTIMENT_LABELS.map((_, i) => 412500000 + i).filter(
      (value) => sentimentFromOptionValue(value)?.tone === "negative",
    );
    expect(negative).toHaveLength(3);
    const v = view("Handoffs: negative sentiment");
    expect(conditions(v)).toEqual([
      ["statecode", "eq", "0"],
      ["e2c_sentiment", "in", negative],
    ]);
    expect(order(v)).toEqual([["createdon", "true"]]);
  });

  test("Handoffs by classification lists active cases with a classification, ordered by it", () => {
    const v = view("Handoffs by classification");
    expect(conditions(v)).toEqual([
      ["statecode", "eq", "0"],
      ["e2c_classification", "not-null", []],
    ]);
    expect(order(v)).toEqual([["e2c_classification", "false"]]);
  });

  schemaTest().each(NAMES)("%s: its FetchXML and LayoutXML validate against Microsoft's Fetch schema", (name) => {
    const v = view(name);
    expect(validate(serialize(one(v, "fetch")), "Fetch.xsd", "fetch.xml")).toBe("validates");
    expect(validate(serialize(one(v, "grid")), "Fetch.xsd", "grid.xml")).toBe("validates");
  });
});
