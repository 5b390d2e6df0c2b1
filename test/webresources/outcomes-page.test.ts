/** @jest-environment ./test/webresources/jsdom-environment.cjs */
/** The outcomes page, opened as a dialog from the rule form with the rule as JSON in its `data` parameter. */
type OutcomesPage = typeof import("../../webresources/src/outcomes/outcomes-page");

const PAGE = '<div id="outcomes"></div>';

import { scenario } from "../fixtures/scenarios";

/** The page's module imported afresh; with `start`, into the page as it is, so it starts itself. */
function importPage(start = false): OutcomesPage {
  const html = document.body.innerHTML;
  if (!start) document.body.innerHTML = "";
  let page: OutcomesPage | undefined;
  jest.isolateModules(() => {
    page = jest.requireActual<OutcomesPage>("../../webresources/src/outcomes/outcomes-page");
  });
  if (!start) document.body.innerHTML = html;
  return page as OutcomesPage;
}

function openWith(search: string): void {
  window.history.replaceState(null, "", `/outcomes.html${search}`);
}

/** The example scenario's rule, taking email from unknown senders. */
const RULE = { ...scenario().rules[0], id: "rule-7", name: "Support", allowUnknownSender: true };

const data = (value: unknown) => `?data=${encodeURIComponent(JSON.stringify(value))}`;
const root = () => document.getElementById("outcomes") as HTMLElement;
const OPEN_FROM_RULE = "Open this page from a record creation rule: it shows that rule's outcome table.";

beforeEach(() => {
  document.body.innerHTML = PAGE;
  openWith("");
});

afterEach(() => jest.restoreAllMocks());

describe("ruleFromData", () => {
  const { ruleFromData } = importPage();

  it("gives the rule passed as JSON in the data parameter", () => {
    expect(ruleFromData(data(RULE))).toEqual(RULE);
    expect(ruleFromData(`?other=1&data=${encodeURIComponent('{"id":"r","items":[]}')}`)).toEqual({
      id: "r",
      items: [],
    });
  });

  it("gives no rule without a data parameter, or with an empty one", () => {
    expect(ruleFromData("")).toBeNull();
    expect(ruleFromData("?id=rule-7")).toBeNull();
    expect(ruleFromData("?data=")).toBeNull();
  });

  it("gives no rule for data that is not JSON", () => {
    expect(ruleFromData("?data=%7Bnot%20json")).toBeNull();
  });

  it("gives no rule for JSON null, a number, a string or an array", () => {
    expect(ruleFromData("?data=null")).toBeNull();
    expect(ruleFromData("?data=42")).toBeNull();
    expect(ruleFromData(data("items"))).toBeNull();
    expect(ruleFromData(data([{ items: [] }]))).toBeNull();
  });

  it("gives no rule for an object without an items array", () => {
    expect(ruleFromData(data({ id: "r" }))).toBeNull();
    expect(ruleFromData(data({ id: "r", items: { length: 0 } }))).toBeNull();
  });
});

describe("load", () => {
  it("does nothing on a page without its outcomes block", () => {
    document.body.innerHTML = '<p id="other">kept</p>';
    openWith(data(RULE));
    importPage().load();
    expect(document.body.innerHTML).toBe('<p id="other">kept</p>');
  });

  it("asks to be opened from a record creation rule when no rule is passed", () => {
    root().textContent = "stale";
    importPage().load();
    expect(Array.from(root().children).map((c) => `${c.tagName}.${c.className}: ${c.textContent}`)).toEqual([
      `P.: ${OPEN_FROM_RULE}`,
    ]);
  });

  it("shows an active rule's outcome table, alone", () => {
    openWith(data(RULE));
    importPage().load();
    expect(Array.from(root().childNodes).map((c) => c.nodeName)).toEqual(["DIV"]);
    expect(Array.from(root().children).map((c) => `${c.tagName}.${c.className}`)).toEqual(["DIV.outcome-table"]);
    expect(root().querySelector("caption")?.textContent).toBe('What happens to incoming email under rule "Support"');
    expect(root().querySelector("tbody tr")?.textContent).toBe("Email from an unknown sender✔ CreatedCreated");
    expect(root().querySelectorAll("tbody tr")).toHaveLength(13);
  });

  it("notes that a draft rule's table is how it will behave once activated, above the table", () => {
    openWith(data({ ...RULE, state: "draft" }));
    importPage().load();
    expect(Array.from(root().children).map((c) => `${c.tagName}.${c.className}`)).toEqual([
      "P.note",
      "DIV.outcome-table",
    ]);
    expect(root().children[0]?.textContent).toBe("The rule is in draft: this is how it will behave once activated.");
  });

  it("shows a hostile rule name as text", () => {
    openWith(data({ ...RULE, name: "<img src=x onerror=alert(1)>" }));
    importPage().load();
    expect(root().querySelector("img")).toBeNull();
    expect(root().querySelector("caption")?.textContent).toBe(
      'What happens to incoming email under rule "<img src=x onerror=alert(1)>"',
    );
  });

  it("starts itself when imported into the page", () => {
    importPage(true);
    expect(root().textContent).toBe(OPEN_FROM_RULE);
  });

  it("starts itself once the page's HTML is parsed when imported while the page loads", () => {
    jest.spyOn(document, "readyState", "get").mockReturnValue("loading");
    importPage(true);
    expect(root().textContent).toBe("");
    document.dispatchEvent(new Event("DOMContentLoaded"));
    expect(root().textContent).toBe(OPEN_FROM_RULE);
  });
});
