/** @jest-environment ./test/webresources/jsdom-environment.cjs */
/** The DOM building the web resource pages share: names are text, links open Microsoft's article in a new tab. */
import type { OutcomeRow } from "../../core/email-to-case/outcome-table";
import type { Reason } from "../../core/email-to-case/reasons";
import type { ArcRule } from "../../core/email-to-case/scenario";
import { el, outcomeTableNode, sourceNode } from "../../webresources/src/shared/dom";
import { errorMessage } from "../../webresources/src/shared/error-message";
import { scenario } from "../fixtures/scenarios";

const HOSTILE = "<img src=x onerror=alert(1)>";
const TROUBLESHOOT = { title: "Troubleshoot converting email", url: "https://learn.microsoft.com/a" };
const AUTOMATIC = { title: "Automatically create records", url: "https://learn.microsoft.com/b" };

/** The example scenario's rule, taking email from unknown senders. */
function rule(name?: string): ArcRule {
  const example: ArcRule = { ...(scenario().rules[0] as ArcRule), id: "rule-7", allowUnknownSender: true };
  delete example.name;
  return name === undefined ? example : { ...example, name };
}

const ACTIVE_CASE: Reason = {
  id: "active-case",
  activityMonitorReason: 1,
  label: "An active case is already connected with this record.",
  source: TROUBLESHOOT,
};

function row(situation: string, outcome: Partial<OutcomeRow>): OutcomeRow {
  return {
    id: situation,
    situation,
    source: TROUBLESHOOT,
    caseCreated: true,
    contactCreated: false,
    recordActivated: false,
    customer: "contact",
    reason: null,
    recommendation: null,
    assumptions: [],
    ...outcome,
  };
}

/** Each node of an element as [node name, text], so text and elements can be told apart. */
function nodes(parent: Node): [string, string | null][] {
  return Array.from(parent.childNodes).map((n) => [n.nodeName, n.textContent]);
}

describe("el", () => {
  it("shows a hostile name as text: one text node, no element made from it", () => {
    const p = el("p", { text: HOSTILE });
    expect(nodes(p)).toEqual([["#text", "<img src=x onerror=alert(1)>"]]);
    expect(p.querySelector("img")).toBeNull();
    expect(p.innerHTML).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("makes the element of the tag asked for", () => {
    expect(el("section").tagName).toBe("SECTION");
  });

  it("sets the class when one is given", () => {
    expect(el("p", { className: "note" }).getAttribute("class")).toBe("note");
  });

  it("leaves the class attribute out when no class, or an empty one, is given", () => {
    expect(el("p").hasAttribute("class")).toBe(false);
    expect(el("p", { text: "x" }).hasAttribute("class")).toBe(false);
    expect(el("p", { className: "" }).hasAttribute("class")).toBe(false);
  });

  it("sets the text when one is given, and none otherwise", () => {
    expect(el("p", { text: "Hello" }).textContent).toBe("Hello");
    expect(el("p").childNodes).toHaveLength(0);
  });

  it("appends the children in the order given", () => {
    const ul = el("ul", {}, el("li", { text: "one" }), el("li", { text: "two" }), el("li", { text: "three" }));
    expect(nodes(ul)).toEqual([
      ["LI", "one"],
      ["LI", "two"],
      ["LI", "three"],
    ]);
  });
});

describe("sourceNode", () => {
  it("reads 'Label: ' then a link per document, with '; ' between the links", () => {
    const p = sourceNode("Documented in", [TROUBLESHOOT, AUTOMATIC]);
    expect(p.tagName).toBe("P");
    expect(p.className).toBe("source");
    expect(nodes(p)).toEqual([
      ["#text", "Documented in: "],
      ["A", "Troubleshoot converting email"],
      ["#text", "; "],
      ["A", "Automatically create records"],
    ]);
    expect(p.textContent).toBe("Documented in: Troubleshoot converting email; Automatically create records");
  });

  it("links each document to its learn.microsoft.com address, in a new tab, without referrer or opener", () => {
    const links = Array.from(sourceNode("Documented in", [TROUBLESHOOT, AUTOMATIC]).querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      "https://learn.microsoft.com/a",
      "https://learn.microsoft.com/b",
    ]);
    for (const a of links) {
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    }
  });

  it("links a document cited twice once, where it was first cited", () => {
    const p = sourceNode("Documented in", [TROUBLESHOOT, AUTOMATIC, TROUBLESHOOT, AUTOMATIC]);
    expect(p.textContent).toBe("Documented in: Troubleshoot converting email; Automatically create records");
    expect(p.querySelectorAll("a")).toHaveLength(2);
  });

  it("shows a single document without a separator", () => {
    expect(sourceNode("Microsoft's article", [AUTOMATIC]).textContent).toBe(
      "Microsoft's article: Automatically create records",
    );
  });

  it("shows a hostile document title as text", () => {
    const p = sourceNode("Microsoft's article", [{ title: HOSTILE, url: "https://learn.microsoft.com/c" }]);
    expect(p.querySelector("img")).toBeNull();
    expect(p.querySelector("a")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("outcomeTableNode", () => {
  const ROWS: OutcomeRow[] = [
    row("Email from an unknown sender", { caseCreated: true, contactCreated: true, recordActivated: false }),
    row("Email from an inactive contact", { caseCreated: true, contactCreated: false, recordActivated: true }),
    row("Email from an active contact", { caseCreated: true, reason: ACTIVE_CASE, source: AUTOMATIC }),
    row("Email from a contact with an active case", { caseCreated: false, reason: ACTIVE_CASE }),
    row("Email with no sender address", { caseCreated: false, reason: null, customer: null }),
  ];

  function table(name = "Support", rows: OutcomeRow[] = ROWS): HTMLElement {
    return outcomeTableNode(rule(name), rows);
  }

  /** Each body row as its cells' text. */
  function cells(root: HTMLElement): string[][] {
    return Array.from(root.querySelectorAll("tbody tr")).map((tr) =>
      Array.from(tr.children).map((c) => c.textContent ?? ""),
    );
  }

  it("wraps the table for scrolling inside an outcome-table block, followed by its sources", () => {
    const root = table();
    expect(root.tagName).toBe("DIV");
    expect(root.className).toBe("outcome-table");
    expect(Array.from(root.children).map((c) => `${c.tagName}.${c.className}`)).toEqual([
      "DIV.table-scroll",
      "P.source",
    ]);
    expect(root.children[0]?.children[0]?.tagName).toBe("TABLE");
  });

  it("captions the table with the rule's name", () => {
    expect(table("Support").querySelector("caption")?.textContent).toBe(
      'What happens to incoming email under rule "Support"',
    );
  });

  it("captions the table with the rule's id when the rule has no name", () => {
    expect(outcomeTableNode(rule(), ROWS).querySelector("caption")?.textContent).toBe(
      'What happens to incoming email under rule "rule-7"',
    );
  });

  it("shows a hostile rule name as text in the caption", () => {
    const root = table(HOSTILE);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("caption")?.textContent).toBe(
      'What happens to incoming email under rule "<img src=x onerror=alert(1)>"',
    );
  });

  it("heads four columns: Incoming email, Case, Contact, Why not", () => {
    const heads = Array.from(table().querySelectorAll("thead tr th"));
    expect(heads.map((th) => th.textContent)).toEqual(["Incoming email", "Case", "Contact", "Why not"]);
    expect(heads.map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col", "col"]);
  });

  it("heads each row with its situation", () => {
    const heads = Array.from(table().querySelectorAll("tbody tr")).map((tr) => tr.children[0]);
    expect(heads.map((th) => [th?.tagName, th?.getAttribute("scope"), th?.textContent])).toEqual([
      ["TH", "row", "Email from an unknown sender"],
      ["TH", "row", "Email from an inactive contact"],
      ["TH", "row", "Email from an active contact"],
      ["TH", "row", "Email from a contact with an active case"],
      ["TH", "row", "Email with no sender address"],
    ]);
  });

  it("marks each row created or not-created", () => {
    expect(Array.from(table().querySelectorAll("tbody tr")).map((tr) => tr.className)).toEqual([
      "created",
      "created",
      "created",
      "not-created",
      "not-created",
    ]);
  });

  it("says per row whether a case is created, whether a contact is created or activated, and why not", () => {
    expect(cells(table())).toEqual([
      ["Email from an unknown sender", "✔ Created", "Created", ""],
      ["Email from an inactive contact", "✔ Created", "Activated", ""],
      ["Email from an active contact", "✔ Created", "—", ""],
      [
        "Email from a contact with an active case",
        "✖ Not created",
        "—",
        "An active case is already connected with this record.",
      ],
      ["Email with no sender address", "✖ Not created", "—", ""],
    ]);
  });

  it("says Created, not Activated, for a contact both created and activated", () => {
    const root = table("Support", [row("Email", { contactCreated: true, recordActivated: true })]);
    expect(cells(root)).toEqual([["Email", "✔ Created", "Created", ""]]);
  });

  it("shows a hostile situation as text", () => {
    const root = table("Support", [row(HOSTILE, {})]);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector("tbody th")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("cites the documents of its rows once each below the table", () => {
    expect(table().querySelector("p.source")?.textContent).toBe(
      "Documented in: Troubleshoot converting email; Automatically create records",
    );
  });
});

describe("errorMessage", () => {
  it("gives an Error's message", () => {
    expect(errorMessage(new TypeError("Network request failed"))).toBe("Network request failed");
  });

  it("gives the message of a Web API rejection, an object with a message", () => {
    expect(errorMessage({ message: "Principal user is missing prvReadconvertrule", errorCode: -2147220960 })).toBe(
      "Principal user is missing prvReadconvertrule",
    );
  });

  it("gives a string or number thrown as its text", () => {
    expect(errorMessage("offline")).toBe("offline");
    expect(errorMessage(404)).toBe("404");
  });

  it("names null and undefined", () => {
    expect(errorMessage(null)).toBe("null");
    expect(errorMessage(undefined)).toBe("undefined");
  });

  it("gives an empty message as it is, not the text of the object carrying it", () => {
    expect(errorMessage({ message: "" })).toBe("");
  });

  it("gives the text of an object whose message is missing", () => {
    expect(errorMessage({ code: 5 })).toBe("[object Object]");
  });
});
