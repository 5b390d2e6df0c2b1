/**
 * The importable solution (issue "The importable solution"; research packaging.md §5): both zips well-formed,
 * customizations.xml valid against Microsoft's schema, every root component with its files and entries, stable ids,
 * the same bytes for the same input. Needs the control and web resources built (npm test builds them first).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { create } from "xmlbuilder2";
import { SENTIMENT_LABELS, SENTIMENT_OPTION_BASE } from "../../core/transcript/sentiment";
import { packSolution, solutionVersion, type PackedSolution } from "../../plugins-js/solution/pack";
import { builtInTable, ROOT } from "../emulator/helpers";
import { HAS_XMLLINT, schemaTest, validate } from "./xsd";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
let unmanaged: PackedSolution;
let managed: PackedSolution;
beforeAll(() => {
  unmanaged = packSolution(ROOT, version, false);
  managed = packSolution(ROOT, version, true);
});

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const xml = (packed: PackedSolution, entry: string) =>
  create(text(packed.entries.get(entry))).end({ format: "object" }) as any;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const manifest = (packed: PackedSolution) => xml(packed, "solution.xml").ImportExportXml.SolutionManifest;
const customizations = (packed: PackedSolution) => xml(packed, "customizations.xml").ImportExportXml;

describe("the zips", () => {
  test("are named EmailToCaseToolkit_<version>.zip and …_managed.zip", () => {
    expect(unmanaged.fileName).toBe(`EmailToCaseToolkit_${version}.zip`);
    expect(managed.fileName).toBe(`EmailToCaseToolkit_${version}_managed.zip`);
  });

  test("re-open, with forward-slash entry names and no directory entries", () => {
    for (const packed of [unmanaged, managed]) {
      const names = Object.keys(unzipSync(packed.zip));
      expect(names).toEqual([...packed.entries.keys()]);
      expect(names.slice(0, 3)).toEqual(["[Content_Types].xml", "solution.xml", "customizations.xml"]);
      expect(names.filter((n) => n.endsWith("/") || n.includes("\\"))).toEqual([]);
    }
  });

  test("are the same bytes when built again from the same input", () => {
    expect(Buffer.from(packSolution(ROOT, version, false).zip).equals(Buffer.from(unmanaged.zip))).toBe(true);
    expect(Buffer.from(packSolution(ROOT, version, true).zip).equals(Buffer.from(managed.zip))).toBe(true);
  });

  test("every XML entry is well-formed", () => {
    for (const packed of [unmanaged, managed]) {
      for (const [name, bytes] of packed.entries) {
        if (/\.(xml|resx)$/.test(name)) expect(() => create(text(bytes))).not.toThrow();
      }
    }
  });

  test("[Content_Types].xml types every entry: web resource files and the manifest by override", () => {
    const types = xml(unmanaged, "[Content_Types].xml").Types;
    const overrides = list(types.Override).map((o: any) => o["@PartName"]);
    const names = [...unmanaged.entries.keys()];
    expect(overrides.sort()).toEqual(
      names
        .filter((n) => n.startsWith("WebResources/") || n.endsWith("ControlManifest.xml"))
        .map((n) => `/${n}`)
        .sort(),
    );
    const defaults = list(types.Default).map((d: any) => d["@Extension"]);
    for (const n of names.filter((n) => !n.startsWith("WebResources/"))) expect(defaults).toContain(n.split(".").pop());
  });
});

describe("solution.xml", () => {
  test("has the identity of PRODUCT.md §2 and package.json's version in four parts", () => {
    const m = manifest(unmanaged);
    expect(m.UniqueName).toBe("EmailToCaseToolkit");
    expect(m.LocalizedNames.LocalizedName["@description"]).toBe("Email to Case Toolkit");
    expect(m.Version).toBe(solutionVersion(version));
    expect(m.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(m.Publisher.UniqueName).toBe("emailtocasetoolkit");
    expect(m.Publisher.CustomizationPrefix).toBe("e2c");
    expect(m.Publisher.CustomizationOptionValuePrefix).toBe("41250");
  });

  test("says Managed 0 in the unmanaged zip and 1 in the managed one", () => {
    expect(manifest(unmanaged).Managed).toBe("0");
    expect(manifest(managed).Managed).toBe("1");
  });

  test("every root component has its component and files, and every component is a root component", () => {
    const roots = list(manifest(unmanaged).RootComponents.RootComponent).map(
      (r: any) => `${r["@type"]} ${r["@schemaName"] ?? r["@id"]}`,
    );
    const c = customizations(unmanaged);
    const webResources = list(c.WebResources.WebResource);
    const controls = list(c.CustomControls.CustomControl);
    const entities = list(c.Entities.Entity);
    const forms = entities.flatMap((e: any) => list(e.FormXml?.forms).flatMap((f: any) => list(f.systemform)));
    const views = entities.flatMap((e: any) => list(e.SavedQueries?.savedqueries?.savedquery));
    expect(roots.sort()).toEqual(
      [
        ...entities.map((e: any) => `1 ${e.Name["#"].toLowerCase()}`),
        ...forms.map((f: any) => `60 ${f.formid}`),
        ...views.map((v: any) => `26 ${v.savedqueryid}`),
        ...webResources.map((w: any) => `61 ${w.Name}`),
        ...controls.map((x: any) => `66 ${x.Name}`),
      ].sort(),
    );
    for (const w of webResources) expect(unmanaged.entries.has(w.FileName.slice(1))).toBe(true);
    for (const x of controls) expect(unmanaged.entries.has(x.FileName.slice(1))).toBe(true);
    const files = [...unmanaged.entries.keys()].filter(
      (n) => n.startsWith("WebResources/") || n.startsWith("Controls/"),
    );
    const owned = (n: string) =>
      webResources.some((w: any) => w.FileName === `/${n}`) ||
      controls.some((x: any) => n.startsWith(`Controls/${x.Name}/`));
    expect(files.filter((n) => !owned(n))).toEqual([]);
  });
});

describe("customizations.xml", () => {
  schemaTest().each([["unmanaged"], ["managed"]])("of the %s zip validates against Microsoft's schema", (which) => {
    expect(HAS_XMLLINT).toBe(true);
    const packed = which === "managed" ? managed : unmanaged;
    expect(validate(packed.entries.get("customizations.xml")!, "CustomizationsSolution.xsd")).toBe("validates");
  });

  test("the control's folder is its solution name, and its manifest declares that namespace and constructor", () => {
    for (const control of list(customizations(unmanaged).CustomControls.CustomControl) as any[]) {
      const m = xml(unmanaged, `Controls/${control.Name}/ControlManifest.xml`).manifest.control;
      expect(control.Name).toBe(`e2c_${m["@namespace"]}.${m["@constructor"]}`);
      expect(unmanaged.entries.has(`Controls/${control.Name}/bundle.js`)).toBe(true);
      expect(m["@version"]).toBe(version);
    }
  });

  test("web resource names, types and ids are unique, and the ids are those committed in Solution/", () => {
    const webResources = list(customizations(unmanaged).WebResources.WebResource) as any[];
    for (const key of ["Name", "WebResourceId", "FileName"]) {
      expect(new Set(webResources.map((w) => w[key])).size).toBe(webResources.length);
    }
    const TYPES: Record<string, string> = { js: "3", html: "1", css: "2" };
    for (const w of webResources) {
      expect(w.WebResourceType).toBe(TYPES[w.Name.split(".").pop()]);
      const committed = create(readFileSync(join(ROOT, "Solution/WebResources", `${w.Name}.data.xml`), "utf8")).end({
        format: "object",
      }) as any;
      expect(w.WebResourceId).toBe(committed.WebResource.WebResourceId);
      expect(w.DisplayName).toBeTruthy();
      expect(w.Description).toBeTruthy();
    }
    expect(list(customizations(managed).WebResources.WebResource).map((w: any) => w.WebResourceId)).toEqual(
      webResources.map((w) => w.WebResourceId),
    );
  });

  test("web resource files are the built ones", () => {
    for (const w of list(customizations(unmanaged).WebResources.WebResource) as any[]) {
      const built = readFileSync(join(ROOT, "out/webresources", w.Name));
      expect(Buffer.from(unmanaged.entries.get(w.FileName.slice(1))!).equals(built)).toBe(true);
    }
  });
});

describe("the Case columns", () => {
  const entity = () =>
    (list(customizations(unmanaged).Entities.Entity) as any[]).find((e) => e.Name["#"] === "Incident").EntityInfo
      .entity;
  const attribute = (name: string) =>
    (list(entity().attributes.attribute) as any[]).find((a) => a.LogicalName === name);

  test.each([
    ["e2c_classification", "nvarchar", 100],
    ["e2c_handoffid", "nvarchar", 100],
    ["e2c_sessionurl", "nvarchar", 500],
  ])("%s is %s of %d characters, as the emulator's table says", (name, type, max) => {
    const a = attribute(name);
    expect([a.Type, Number(a.MaxLength)]).toEqual([type, max]);
    expect(builtInTable("incident").columns[name]?.maxLength).toBe(max);
    expect(a.displaynames.displayname["@description"]).toBeTruthy();
    expect(a.Descriptions.Description["@description"]).toBeTruthy();
  });

  test("e2c_sessionurl is a URL column", () => {
    expect(attribute("e2c_sessionurl").Format).toBe("url");
  });

  test("e2c_sentiment is a choice of Microsoft's seven labels, 412500000 onwards", () => {
    const a = attribute("e2c_sentiment");
    expect(a.Type).toBe("picklist");
    const options = list(a.optionset.options.option).map((o: any) => [
      Number(o["@value"]),
      o.labels.label["@description"],
    ]);
    expect(options).toEqual(SENTIMENT_LABELS.map((label, i) => [SENTIMENT_OPTION_BASE + i, label]));
    expect(builtInTable("incident").columns.e2c_sentiment?.options?.map((o) => [o.value, o.label])).toEqual(options);
  });

  test("e2c_handoffid has the alternate key e2c_handoffid_key", () => {
    const key = entity().EntityKeys.EntityKey;
    expect([key.LogicalName, key.EntityKeyAttributes.AttributeName]).toEqual(["e2c_handoffid_key", "e2c_handoffid"]);
    expect(builtInTable("incident").keys).toEqual([{ name: "e2c_handoffid_key", columns: ["e2c_handoffid"] }]);
  });
});

describe("the packer", () => {
  function sourceCopy(): string {
    const dir = mkdtempSync(join(tmpdir(), "e2c-solution-"));
    cpSync(join(ROOT, "Solution"), join(dir, "Solution"), { recursive: true });
    symlinkSync(join(ROOT, "out"), join(dir, "out"));
    return dir;
  }

  test("refuses a web resource that is not a root component, naming it", () => {
    const dir = sourceCopy();
    try {
      const file = join(dir, "Solution/Other/Solution.xml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(
          /\s*<RootComponent type="61" schemaName="e2c_\/pages\/pages.css"[^>]*\/>/,
          "",
        ),
      );
      expect(() => packSolution(dir, version, false)).toThrow(
        "Solution/Other/Solution.xml RootComponents do not match the components: missing 61 e2c_/pages/pages.css",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses a root component with no component", () => {
    const dir = sourceCopy();
    try {
      rmSync(join(dir, "Solution/WebResources/e2c_/pages/pages.css.data.xml"));
      expect(() => packSolution(dir, version, false)).toThrow("no component for 61 e2c_/pages/pages.css");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses the Case form when it is not a root component, naming it by id", () => {
    const dir = sourceCopy();
    try {
      const file = join(dir, "Solution/Other/Solution.xml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/\s*<RootComponent type="60"[^>]*\/>/, ""));
      expect(() => packSolution(dir, version, false)).toThrow(
        "RootComponents do not match the components: missing 60 {80afc1ca-654e-4f5c-8f43-19085cedc107}",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses a form file whose name is not its formid, naming the file", () => {
    const dir = sourceCopy();
    try {
      const forms = join(dir, "Solution/Entities/Incident/FormXml/main");
      const renamed = join(forms, "{00000000-0000-4000-8000-000000000000}.xml");
      renameSync(join(forms, "{80afc1ca-654e-4f5c-8f43-19085cedc107}.xml"), renamed);
      expect(() => packSolution(dir, version, false)).toThrow(
        `${renamed}: <formid> is {80afc1ca-654e-4f5c-8f43-19085cedc107}, but the file says {00000000-0000-4000-8000-000000000000}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("solution versions have four parts", () => {
    expect(solutionVersion("1.2.3")).toBe("1.2.3.0");
    expect(solutionVersion("1.2.3-beta.1")).toBe("1.2.3.0");
    expect(() => solutionVersion("one")).toThrow(/not major\.minor\.patch/);
  });
});
