/**
 * The importable solution zips (PRODUCT.md §2; research packaging.md §5): `[Content_Types].xml`, `solution.xml`,
 * `customizations.xml`, `Controls/<name>/…` and `WebResources/<file>`, with forward-slash entry names, no directory
 * entries, and the same bytes for the same input. Unmanaged and managed differ only in `<Managed>`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { zipSync, type Zippable } from "fflate";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import {
  readSolutionSource,
  SolutionSourceError,
  type Attributed,
  type EntitySource,
  type SolutionSource,
} from "./source";

export const SOLUTION_NAME = "EmailToCaseToolkit";

/** Root component types (powerapps-docs solutioncomponent.md). Forms and views are named by id, the others by name. */
export const COMPONENT_TYPE = {
  entity: 1,
  savedQuery: 26,
  systemForm: 60,
  webResource: 61,
  customControl: 66,
} as const;

/** A fixed time for every entry, so the same input gives the same bytes. */
const ZIP_TIME = new Date("1980-01-01T00:00:00");

export interface PackedSolution {
  fileName: string;
  /** Entry name → content, in the order written. */
  entries: Map<string, Uint8Array>;
  zip: Uint8Array;
}

/** `0.1.0` → `0.1.0.0`: solution versions have four parts. */
export function solutionVersion(packageVersion: string): string {
  const parts = packageVersion.replace(/[-+].*$/, "").split(".");
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new SolutionSourceError(`package.json version ${packageVersion} is not major.minor.patch`);
  }
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** How an exported solution names a web resource's file: its name without other characters, then its id. */
export function webResourceFileName(name: string, id: string): string {
  return `${name.replace(/[^A-Za-z0-9_]/g, "")}${id.replace(/[{}]/g, "").toUpperCase()}`;
}

function element(doc: XMLBuilder, name: string): XMLBuilder {
  const found = doc.find((n) => n.node.nodeName === name, false, true);
  if (!found) throw new SolutionSourceError(`<${name}> is missing`);
  return found;
}

function setText(doc: XMLBuilder, name: string, value: string): void {
  const target = element(doc, name);
  for (const child of [...target.node.childNodes]) target.node.removeChild(child);
  target.txt(value);
}

function xmlBytes(doc: XMLBuilder): Uint8Array {
  return new TextEncoder().encode(`${doc.end({ prettyPrint: true, headless: false })}\n`);
}

function rootComponents(solution: XMLBuilder): Array<{ type: number; schemaName: string }> {
  const out: Array<{ type: number; schemaName: string }> = [];
  element(solution, "RootComponents").each(
    (child) => {
      const node = child.node as unknown as Attributed & { nodeName: string };
      if (node.nodeName !== "RootComponent") return;
      const name = node.getAttribute("schemaName") ?? node.getAttribute("id");
      out.push({ type: Number(node.getAttribute("type")), schemaName: String(name) });
    },
    false,
    false,
  );
  return out;
}

/** Every root component has its component, and every component is a root component. */
function checkRootComponents(source: SolutionSource): void {
  const declared = rootComponents(source.solution);
  const key = (type: number, name: string) => `${type} ${name.toLowerCase()}`;
  const expected = new Set([
    ...source.entities.map((e) => key(COMPONENT_TYPE.entity, e.name)),
    ...source.entities.flatMap((e) => e.forms.map((f) => key(COMPONENT_TYPE.systemForm, f.id))),
    ...source.entities.flatMap((e) => e.views.map((v) => key(COMPONENT_TYPE.savedQuery, v.id))),
    ...source.webResources.map((w) => key(COMPONENT_TYPE.webResource, w.name)),
    ...source.controls.map((c) => key(COMPONENT_TYPE.customControl, c.name)),
  ]);
  const listed = new Set(declared.map((d) => key(d.type, d.schemaName)));
  const missing = [...expected].filter((k) => !listed.has(k));
  const extra = [...listed].filter((k) => !expected.has(k));
  if (missing.length || extra.length) {
    throw new SolutionSourceError(
      `Solution/Other/Solution.xml RootComponents do not match the components: ${[
        ...missing.map((m) => `missing ${m}`),
        ...extra.map((e) => `no component for ${e}`),
      ].join("; ")}`,
    );
  }
}

/** The entity as an export writes it: its forms under `<FormXml>`, views under `<SavedQueries>`, its ribbon diff. */
function exportedEntity(entity: EntitySource): XMLBuilder {
  const copy = create().import(entity.element.root()).root();
  const formXml = element(copy, "FormXml");
  for (const type of [...new Set(entity.forms.map((f) => f.type))]) {
    const forms = formXml.ele("forms", { type });
    for (const form of entity.forms.filter((f) => f.type === type)) forms.import(form.element);
  }
  if (entity.views.length > 0) {
    const views = element(copy, "SavedQueries").ele("savedqueries");
    for (const view of entity.views) views.import(view.element);
  }
  if (entity.ribbonDiff) {
    const ribbon = element(copy, "RibbonDiffXml");
    entity.ribbonDiff.root().each((child) => void ribbon.import(child), false, false);
  }
  return copy;
}

/** Exports from Dataverse carry no comments; the source's comments are for whoever edits it. */
function withoutComments(doc: XMLBuilder): XMLBuilder {
  const COMMENT = 8;
  interface DomNode {
    nodeType: number;
    childNodes: ArrayLike<DomNode>;
    removeChild(child: DomNode): void;
  }
  const visit = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === COMMENT) node.removeChild(child);
      else visit(child);
    }
  };
  visit(doc.node as unknown as DomNode);
  return doc;
}

function filesOf(folder: string, prefix = ""): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...filesOf(path, `${prefix}${name}/`));
    // pcf-scripts' notice of the bundled code's licences is not part of the control.
    else if (!name.endsWith(".LICENSE.txt")) out.push([`${prefix}${name}`, path]);
  }
  return out;
}

function contentTypes(entries: string[]): Uint8Array {
  const doc = create({ version: "1.0", encoding: "utf-8" }).ele("Types", {
    xmlns: "http://schemas.openxmlformats.org/package/2006/content-types",
  });
  const defaults: Array<[string, string]> = [
    ["xml", "text/xml"],
    ["js", "application/octet-stream"],
    ["css", "text/css"],
    ["resx", "application/octet-stream"],
    ["html", "text/html"],
  ];
  for (const [extension, type] of defaults) doc.ele("Default", { Extension: extension, ContentType: type });
  // Web resource files carry no extension in a packed solution, and the manifest is not a plain XML part.
  for (const entry of entries) {
    if (entry.startsWith("WebResources/") || entry.endsWith("/ControlManifest.xml")) {
      doc.ele("Override", { PartName: `/${entry}`, ContentType: "application/octet-stream" });
    }
  }
  return xmlBytes(doc);
}

export function packSolution(root: string, packageVersion: string, managed: boolean): PackedSolution {
  const source = readSolutionSource(root);
  checkRootComponents(source);
  const version = solutionVersion(packageVersion);
  setText(source.solution, "Version", version);
  setText(source.solution, "Managed", managed ? "1" : "0");

  const files: Array<[string, Uint8Array]> = [];
  const customizations = source.customizations;
  const entities = element(customizations, "Entities");
  for (const entity of source.entities) entities.import(exportedEntity(entity));
  const webResources = element(customizations, "WebResources");
  for (const resource of [...source.webResources].sort((a, b) => a.name.localeCompare(b.name))) {
    const entry = `WebResources/${webResourceFileName(resource.name, resource.id)}`;
    const copy = create().import(resource.element.root()).root();
    setText(copy, "FileName", `/${entry}`);
    webResources.import(copy);
    files.push([entry, readFileSync(resource.file)]);
  }
  const controls = element(customizations, "CustomControls");
  for (const control of source.controls) {
    controls.import(control.element.root());
    for (const [name, path] of filesOf(control.folder))
      files.push([`Controls/${control.name}/${name}`, readFileSync(path)]);
  }

  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = new Map<string, Uint8Array>();
  entries.set("[Content_Types].xml", contentTypes(files.map(([name]) => name)));
  entries.set("solution.xml", xmlBytes(withoutComments(source.solution)));
  entries.set("customizations.xml", xmlBytes(withoutComments(customizations)));
  for (const [name, bytes] of files) entries.set(name, bytes);

  const zippable: Zippable = {};
  for (const [name, bytes] of entries) zippable[name] = [bytes, { mtime: ZIP_TIME, level: 9 }];
  const suffix = managed ? "_managed" : "";
  return {
    fileName: `${SOLUTION_NAME}_${packageVersion}${suffix}.zip`,
    entries,
    zip: zipSync(zippable),
  };
}
