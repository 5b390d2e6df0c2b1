/**
 * The solution's source in the SolutionPackager layout (research packaging.md §5): `Solution/Other/Solution.xml`
 * and `Customizations.xml`, `Solution/Entities/<Name>/Entity.xml`, `Solution/WebResources/<name>.data.xml`,
 * `Solution/Controls/<name>/ControlManifest.xml.data.xml`. The built files they describe come from `out/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
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

export interface SolutionSource {
  solution: XMLBuilder;
  customizations: XMLBuilder;
  entities: Array<{ name: string; element: XMLBuilder }>;
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
    .map((name) => ({ name, element: readXml(join(base, "Entities", name, "Entity.xml")) }));
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
