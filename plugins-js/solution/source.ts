/**
 * The solution's source in the SolutionPackager layout (research packaging.md §5): `Solution/Other/Solution.xml`
 * and `Customizations.xml`, `Solution/Entities/<Name>/Entity.xml` with its `FormXml/<type>/{id}.xml`,
 * `SavedQueries/{id}.xml` and `RibbonDiff.xml`, `Solution/WebResources/<name>.data.xml`,
 * `Solution/Controls/<name>/ControlManifest.xml.data.xml`. The built files they describe come from `out/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";

/** The one DOM method used on elements (the Node side has no DOM types). */
export interface Attributed {
  getAttribute(name: string): string | null;
}

export interface WebResourceSource {
  id: string;
  name: string;
  type: number;
  element: XMLBuilder;
  /** The built file, under out/webresources. */
  file: string;
}

export interface ControlSource {
  name: string;
  element: XMLBuilder;
  /** The pcf-scripts output folder (out/controls/<Constructor>). */
  folder: string;
}

/** A system form (`<systemform>`) of one type (main, quick, card…), from `FormXml/<type>/{formid}.xml`. */
export interface FormSource {
  type: string;
  id: string;
  name: string;
  element: XMLBuilder;
  file: string;
}

/** A system view (`<savedquery>`), from `SavedQueries/{savedqueryid}.xml`. */
export interface ViewSource {
  id: string;
  name: string;
  element: XMLBuilder;
  file: string;
}

export interface EntitySource {
  name: string;
  element: XMLBuilder;
  forms: FormSource[];
  views: ViewSource[];
  ribbonDiff: XMLBuilder | null;
}

export interface SolutionSource {
  solution: XMLBuilder;
  customizations: XMLBuilder;
  entities: EntitySource[];
  webResources: WebResourceSource[];
  controls: ControlSource[];
}

export class SolutionSourceError extends Error {}

export function readXml(file: string): XMLBuilder {
  try {
    return create(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SolutionSourceError(`${file}: not well-formed XML: ${(error as Error).message}`);
  }
}

function filesUnder(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

function text(element: XMLBuilder, path: string): string {
  const found = element.find((n) => n.node.nodeName === path, false, true);
  return found ? String(found.node.textContent ?? "").trim() : "";
}

function localizedName(element: XMLBuilder): string {
  const found = element.find((n) => n.node.nodeName === "LocalizedName", false, true);
  return String((found?.node as unknown as Attributed | undefined)?.getAttribute("description") ?? "");
}

/** The one `<child>` under the file's `<root>`, whose `<idElement>` must be the `{id}` the file is named by. */
function identified(file: string, root: string, child: string, idElement: string): { element: XMLBuilder; id: string } {
  const doc = readXml(file);
  if (doc.root().node.nodeName !== root) throw new SolutionSourceError(`${file}: the root element is not <${root}>`);
  const found: XMLBuilder[] = [];
  doc.root().each((c) => void (c.node.nodeName === child && found.push(c)), false, false);
  if (found.length !== 1) throw new SolutionSourceError(`${file}: holds ${found.length} <${child}>, not one`);
  const id = text(found[0]!, idElement).toLowerCase();
  const named = basename(file, ".xml").toLowerCase();
  if (id !== named) throw new SolutionSourceError(`${file}: <${idElement}> is ${id}, but the file says ${named}`);
  return { element: found[0]!, id };
}

function readEntity(folder: string, name: string): EntitySource {
  const formsDir = join(folder, "FormXml");
  const forms = (existsSync(formsDir) ? readdirSync(formsDir).sort() : []).flatMap((type) =>
    filesUnder(join(formsDir, type), ".xml").map((file): FormSource => {
      const { element, id } = identified(file, "forms", "systemform", "formid");
      return { type, id, name: localizedName(element), element, file };
    }),
  );
  const views = filesUnder(join(folder, "SavedQueries"), ".xml").map((file): ViewSource => {
    const { element, id } = identified(file, "savedqueries", "savedquery", "savedqueryid");
    return { id, name: localizedName(element), element, file };
  });
  const ribbon = join(folder, "RibbonDiff.xml");
  return {
    name,
    element: readXml(join(folder, "Entity.xml")),
    forms,
    views,
    ribbonDiff: existsSync(ribbon) ? readXml(ribbon) : null,
  };
}

/** The pcf-scripts output folder whose manifest declares `<namespace>.<constructor>` (the name after the prefix). */
function controlFolder(root: string, name: string): string {
  const wanted = name.replace(/^[a-z0-9]+_/, "");
  const controls = join(root, "out", "controls");
  for (const folder of existsSync(controls) ? readdirSync(controls).sort() : []) {
    const manifest = join(controls, folder, "ControlManifest.xml");
    if (!existsSync(manifest)) continue;
    const control = readXml(manifest).find((n) => n.node.nodeName === "control", false, true)?.node as unknown as
      Attributed | undefined;
    const declared = `${control?.getAttribute("namespace")}.${control?.getAttribute("constructor")}`;
    if (declared === wanted) return join(controls, folder);
  }
  throw new SolutionSourceError(`No built control declares ${wanted}: run npm run build:control first.`);
}

export function readSolutionSource(root: string): SolutionSource {
  const base = join(root, "Solution");
  const entities = readdirSync(join(base, "Entities"))
    .sort()
    .map((name) => readEntity(join(base, "Entities", name), name));
  const webResources = filesUnder(join(base, "WebResources"), ".data.xml").map((file): WebResourceSource => {
    const element = readXml(file);
    const name = text(element, "Name");
    const expected = relative(join(base, "WebResources"), file)
      .replace(/\\/g, "/")
      .replace(/\.data\.xml$/, "");
    if (name !== expected) throw new SolutionSourceError(`${file}: <Name> is ${name}, but the file says ${expected}`);
    const built = join(root, "out", "webresources", name);
    if (!existsSync(built)) {
      throw new SolutionSourceError(`${built} is missing: run npm run build:webresources first.`);
    }
    return {
      id: text(element, "WebResourceId"),
      name,
      type: Number(text(element, "WebResourceType")),
      element,
      file: built,
    };
  });
  const controls = readdirSync(join(base, "Controls"))
    .sort()
    .map((name): ControlSource => {
      const element = readXml(join(base, "Controls", name, "ControlManifest.xml.data.xml"));
      if (text(element, "Name") !== name) {
        throw new SolutionSourceError(`Solution/Controls/${name}: its data.xml names ${text(element, "Name")}`);
      }
      return { name, element, folder: controlFolder(root, name) };
    });
  return {
    solution: readXml(join(base, "Other", "Solution.xml")),
    customizations: readXml(join(base, "Other", "Customizations.xml")),
    entities,
    webResources,
    controls,
  };
}
