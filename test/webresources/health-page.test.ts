/** @jest-environment ./test/webresources/jsdom-environment.cjs */
/* eslint-disable @microsoft/power-apps/avoid-dom-form -- the health page is a page of its own, not a form */
/**
 * The health page as an admin sees it: findings by severity, each naming and linking its rule or queue, and each
 * rule's outcome table; read from Dynamics 365 through Xrm.WebApi, and what it says when it cannot read.
 */
import type { EnvironmentHealth, HealthFinding, RuleHealth } from "../../core/email-to-case/health";
import type { ArcRule } from "../../core/email-to-case/scenario";
import { scenario } from "../fixtures/scenarios";

type HealthPage = typeof import("../../webresources/src/health/health-page");

const HOSTILE = "<img src=x onerror=alert(1)>";
const ARTICLE = { title: "Incoming email isn't converted to a case", url: "https://learn.microsoft.com/n" };
const LINK = (kind: "rule" | "queue", id: string) => `https://crm.example/${kind}/${id}`;

/** The page's module, imported afresh with the page's HTML in place, so each test starts the page itself. */
function importPage(): HealthPage {
  let page: HealthPage | undefined;
  jest.isolateModules(() => {
    page = jest.requireActual<HealthPage>("../../webresources/src/health/health-page");
  });
  return page as HealthPage;
}

const PAGE = '<p id="status"></p><div id="health"></div>';

/** The page's module imported where it finds no page to start on, so the test runs `load()` itself. */
function pageModule(): HealthPage {
  const html = document.body.innerHTML;
  document.body.innerHTML = "";
  const page = importPage();
  document.body.innerHTML = html;
  return page;
}

function setXrm(xrm: unknown): void {
  (window as unknown as { Xrm?: unknown }).Xrm = xrm;
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  delete (window as unknown as { Xrm?: unknown }).Xrm;
  jest.restoreAllMocks();
});

const status = () => document.getElementById("status")?.textContent;
const root = () => document.getElementById("health") as HTMLElement;

/** The example scenario's rule under another id and name. */
function rule(id: string, name?: string): ArcRule {
  const example: ArcRule = { ...(scenario().rules[0] as ArcRule), id };
  delete example.name;
  return name === undefined ? example : { ...example, name };
}

function ruleHealth(r: ArcRule): RuleHealth {
  return {
    rule: r,
    queue: null,
    findings: [],
    outcomeTable: [
      {
        id: "unknown-sender",
        situation: "Email from an unknown sender",
        source: ARTICLE,
        caseCreated: false,
        contactCreated: false,
        recordActivated: false,
        customer: null,
        reason: null,
        recommendation: null,
        assumptions: [],
      },
    ],
  };
}

function finding(
  severity: HealthFinding["severity"],
  about: HealthFinding["about"],
  message: string,
  source: HealthFinding["source"] | null = ARTICLE,
): HealthFinding {
  return {
    id: message,
    severity,
    message,
    recommendation: `Fix: ${message}`,
    about,
    ...(source ? { source } : {}),
  };
}

const SUPPORT = { kind: "rule" as const, id: "r1", name: "Support" };
const SALES = { kind: "queue" as const, id: "q1", name: "Sales" };
const ORGANIZATION = { kind: "organization" as const, id: null, name: "Organization" };

/** Findings given out of order: the page groups them by severity itself. */
const HEALTH: EnvironmentHealth = {
  findings: [
    finding("info", SUPPORT, "Note one"),
    finding("warning", SALES, "Warning one"),
    finding("error", SUPPORT, "Error one"),
    finding("info", SALES, "Note two", null),
    finding("warning", ORGANIZATION, "Warning two"),
    finding("info", { kind: "rule", id: null, name: "Unsaved" }, "Note three"),
  ],
  rules: [ruleHealth(rule("r1", "Support")), ruleHealth(rule("r2"))],
  counts: { error: 1, warning: 2, info: 3 },
};

/** Each child of an element as "TAG.class: text". */
function parts(parent: Element): string[] {
  return Array.from(parent.children).map((c) => `${c.tagName}.${c.className}: ${c.textContent}`);
}

describe("renderHealth", () => {
  function render(health: EnvironmentHealth = HEALTH, recordUrl: typeof LINK | (() => null) = LINK): HTMLElement {
    pageModule().renderHealth(root(), health, recordUrl);
    return root();
  }

  it("replaces what the page showed before", () => {
    root().appendChild(document.createElement("blockquote"));
    expect(render().querySelector("blockquote")).toBeNull();
  });

  it("sums up how many rules were checked and the errors, warnings and notes found", () => {
    const summary = render().children[0];
    expect(summary?.tagName).toBe("P");
    expect(summary?.className).toBe("summary");
    expect(summary?.textContent).toBe("2 rule(s) checked: 1 error(s), 2 warning(s), 3 note(s).");
  });

  it("lists errors, then warnings, then notes, each under a heading with its count", () => {
    const sections = Array.from(render().querySelectorAll("section.findings"));
    expect(sections.map((s) => [s.className, s.querySelector("h2")?.textContent])).toEqual([
      ["findings error", "Errors (1)"],
      ["findings warning", "Warnings (2)"],
      ["findings info", "Notes (3)"],
    ]);
  });

  it("labels each severity's section by its heading", () => {
    const sections = Array.from(render().querySelectorAll("section.findings"));
    expect(sections.map((s) => [s.getAttribute("aria-labelledby"), s.querySelector("h2")?.id])).toEqual([
      ["heading-error", "heading-error"],
      ["heading-warning", "heading-warning"],
      ["heading-info", "heading-info"],
    ]);
  });

  it("shows only the severities that have findings", () => {
    const health: EnvironmentHealth = {
      findings: [finding("warning", SALES, "Only warning")],
      rules: [],
      counts: { error: 0, warning: 1, info: 0 },
    };
    const page = render(health);
    expect(parts(page)).toEqual([
      "P.summary: 0 rule(s) checked: 0 error(s), 1 warning(s), 0 note(s).",
      "SECTION.findings warning: Warnings (1)⚠ WarningQueue \"Sales\"Only warningWhat to do: Fix: Only warningMicrosoft's article: Incoming email isn't converted to a case",
    ]);
  });

  it("shows each finding's badge, what it is about, its message, what to do and Microsoft's article", () => {
    const items = Array.from(render().querySelectorAll("li"));
    expect(items.map((li) => li.className)).toEqual([
      "finding error",
      "finding warning",
      "finding warning",
      "finding info",
      "finding info",
      "finding info",
    ]);
    expect(parts(items[0] as Element)).toEqual([
      "SPAN.badge: ✖ Error",
      'A.about: Rule "Support"',
      "P.message: Error one",
      "P.recommendation: What to do: Fix: Error one",
      "P.source: Microsoft's article: Incoming email isn't converted to a case",
    ]);
    expect(parts(items[1] as Element)).toEqual([
      "SPAN.badge: ⚠ Warning",
      'A.about: Queue "Sales"',
      "P.message: Warning one",
      "P.recommendation: What to do: Fix: Warning one",
      "P.source: Microsoft's article: Incoming email isn't converted to a case",
    ]);
    expect(items[3]?.querySelector(".badge")?.textContent).toBe("ℹ Note");
  });

  it("links Microsoft's article of a finding to learn.microsoft.com in a new tab", () => {
    const link = render().querySelector("li .source a");
    expect(link?.getAttribute("href")).toBe("https://learn.microsoft.com/n");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("leaves out Microsoft's article when a finding has none", () => {
    const noteTwo = Array.from(render().querySelectorAll("li"))[4] as Element;
    expect(parts(noteTwo)).toEqual([
      "SPAN.badge: ℹ Note",
      'A.about: Queue "Sales"',
      "P.message: Note two",
      "P.recommendation: What to do: Fix: Note two",
    ]);
  });

  it("links a rule or queue to its record in a new tab", () => {
    const links = Array.from(render().querySelectorAll("li a.about"));
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ['Rule "Support"', "https://crm.example/rule/r1"],
      ['Queue "Sales"', "https://crm.example/queue/q1"],
      ['Rule "Support"', "https://crm.example/rule/r1"],
      ['Queue "Sales"', "https://crm.example/queue/q1"],
    ]);
    for (const a of links) {
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener noreferrer");
    }
  });

  it("names the organization's settings without a link, even when it has an id", () => {
    const health: EnvironmentHealth = {
      findings: [finding("warning", { kind: "organization", id: "org-1", name: "Organization" }, "Correlation")],
      rules: [],
      counts: { error: 0, warning: 1, info: 0 },
    };
    const about = render(health).querySelector("li .about");
    expect([about?.tagName, about?.textContent]).toEqual(["SPAN", "Organization settings"]);
  });

  it("names a rule not yet saved, having no id, without a link", () => {
    const noteThree = Array.from(render().querySelectorAll("li"))[5];
    const about = noteThree?.querySelector(".about");
    expect([about?.tagName, about?.className, about?.textContent]).toEqual(["SPAN", "about", 'Rule "Unsaved"']);
  });

  it("names rules and queues without links when there is no address to link to", () => {
    const abouts = Array.from(render(HEALTH, () => null).querySelectorAll("li .about"));
    expect(abouts.map((a) => `${a.tagName}: ${a.textContent}`)).toEqual([
      'SPAN: Rule "Support"',
      'SPAN: Queue "Sales"',
      "SPAN: Organization settings",
      'SPAN: Rule "Support"',
      'SPAN: Queue "Sales"',
      'SPAN: Rule "Unsaved"',
    ]);
  });

  it("shows hostile names and messages as text", () => {
    const health: EnvironmentHealth = {
      findings: [
        finding("error", { kind: "rule", id: "r9", name: HOSTILE }, HOSTILE),
        finding("warning", { kind: "queue", id: null, name: HOSTILE }, "Queue"),
      ],
      rules: [ruleHealth(rule("r9", HOSTILE))],
      counts: { error: 1, warning: 1, info: 0 },
    };
    const page = render(health);
    expect(page.querySelector("img")).toBeNull();
    expect(Array.from(page.querySelectorAll(".about")).map((a) => a.textContent)).toEqual([
      'Rule "<img src=x onerror=alert(1)>"',
      'Queue "<img src=x onerror=alert(1)>"',
    ]);
    expect(page.querySelector(".message")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(page.querySelector("caption")?.textContent).toBe(
      'What happens to incoming email under rule "<img src=x onerror=alert(1)>"',
    );
  });

  it("ends with one outcome table per rule", () => {
    const outcomes = render().lastElementChild as Element;
    expect([outcomes.tagName, outcomes.className, outcomes.children[0]?.textContent]).toEqual([
      "SECTION",
      "outcomes",
      "Outcome tables",
    ]);
    expect(Array.from(outcomes.querySelectorAll(".outcome-table caption")).map((c) => c.textContent)).toEqual([
      'What happens to incoming email under rule "Support"',
      'What happens to incoming email under rule "r2"',
    ]);
  });

  it("shows no outcome tables when there are no rules", () => {
    const health: EnvironmentHealth = { findings: [], rules: [], counts: { error: 0, warning: 0, info: 0 } };
    expect(parts(render(health))).toEqual(["P.summary: 0 rule(s) checked: 0 error(s), 0 warning(s), 0 note(s)."]);
  });
});

// --- load(): reading the environment through Xrm.WebApi ---------------------------------------------------------

const RULE_ID = "{5A1E0000-0000-0000-0000-00000000000A}";
/** A draft rule without queue or items (errors), and a queue without a mailbox that no rule watches. */
const RECORDS: Record<string, Record<string, unknown>[]> = {
  convertrule: [{ convertruleid: RULE_ID, name: "Support", statecode: 0 }],
  convertruleitem: [],
  queue: [{ queueid: "Q-1", name: "Sales", emailaddress: "sales@contoso.com", incomingemailfilteringmethod: 2 }],
  mailbox: [],
  organization: [{ emailcorrelationenabled: true }],
};

type Retrieve = (table: string, query?: string) => Promise<{ entities: Record<string, unknown>[] }>;

const answer: Retrieve = (table) => Promise.resolve({ entities: RECORDS[table] ?? [] });

function xrm(retrieveMultipleRecords: Retrieve, utility: unknown) {
  return { WebApi: { retrieveMultipleRecords }, Utility: utility };
}
const CLIENT = { getGlobalContext: () => ({ getClientUrl: () => "https://contoso.crm.dynamics.com" }) };

describe("load", () => {
  it("asks to be opened from Dynamics 365 when there is no Xrm", async () => {
    await pageModule().load();
    expect(status()).toBe("Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.");
    expect(root().childNodes).toHaveLength(0);
  });

  it("starts itself when imported into the page", () => {
    importPage();
    expect(status()).toBe("Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.");
  });

  it("starts itself once the page's HTML is parsed when imported while the page loads", () => {
    jest.spyOn(document, "readyState", "get").mockReturnValue("loading");
    importPage();
    expect(status()).toBe("");
    document.dispatchEvent(new Event("DOMContentLoaded"));
    expect(status()).toBe("Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.");
  });

  it("does nothing on a page without its status line or its health block", async () => {
    document.body.innerHTML = '<p id="status">kept</p>';
    setXrm(xrm(jest.fn(answer), CLIENT));
    await pageModule().load();
    expect(status()).toBe("kept");
    document.body.innerHTML = '<div id="health">kept</div>';
    await pageModule().load();
    expect(root().textContent).toBe("kept");
  });

  it("says it is reading while the reads are under way", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setXrm(xrm((table) => gate.then(() => answer(table)), CLIENT));
    const loading = pageModule().load();
    expect(status()).toBe("Reading rules, queues and mailboxes…");
    release();
    await loading;
    expect(status()).toBe("");
  });

  it("reads rules, items, queues, mailboxes and the organization through Xrm.WebApi", async () => {
    const retrieve = jest.fn(answer);
    setXrm(xrm(retrieve, CLIENT));
    await pageModule().load();
    expect(retrieve.mock.calls.map(([table]) => table).sort()).toEqual([
      "convertrule",
      "convertruleitem",
      "mailbox",
      "organization",
      "queue",
    ]);
  });

  it("shows the findings of the environment read and clears the status", async () => {
    setXrm(xrm(jest.fn(answer), CLIENT));
    await pageModule().load();
    expect(status()).toBe("");
    expect(root().querySelector(".summary")?.textContent).toBe(
      "1 rule(s) checked: 2 error(s), 2 warning(s), 2 note(s).",
    );
    expect(Array.from(root().querySelectorAll("li.finding.error .message")).map((p) => p.textContent)).toEqual([
      "The rule watches no queue: an email rule needs the queue the email arrives in.",
      "The rule has no rule items, so it never runs and creates no case.",
    ]);
    expect(root().querySelector("section.outcomes caption")?.textContent).toBe(
      'What happens to incoming email under rule "Support"',
    );
  });

  it("links rules and queues to their records in the environment", async () => {
    setXrm(xrm(jest.fn(answer), CLIENT));
    await pageModule().load();
    const links = Array.from(root().querySelectorAll("li a.about"));
    expect([...new Set(links.map((a) => `${a.textContent} ${a.getAttribute("href")}`))]).toEqual([
      'Rule "Support" https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=convertrule&id=%7B5A1E0000-0000-0000-0000-00000000000A%7D',
      'Queue "Sales" https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=queue&id=q-1',
    ]);
  });

  it("reads through the Xrm of the page that opened it", async () => {
    const retrieve = jest.fn(answer);
    jest.spyOn(window, "parent", "get").mockReturnValue({ Xrm: xrm(retrieve, CLIENT) } as unknown as Window);
    await pageModule().load();
    expect(retrieve).toHaveBeenCalled();
    expect(status()).toBe("");
    expect(root().querySelector("a.about")?.getAttribute("href")).toBe(
      "https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=convertrule&id=%7B5A1E0000-0000-0000-0000-00000000000A%7D",
    );
  });

  it("reads through its own Xrm before the opener's", async () => {
    const own = jest.fn(answer);
    const opener = jest.fn(answer);
    setXrm(xrm(own, CLIENT));
    jest.spyOn(window, "parent", "get").mockReturnValue({ Xrm: xrm(opener, CLIENT) } as unknown as Window);
    await pageModule().load();
    expect(own).toHaveBeenCalled();
    expect(opener).not.toHaveBeenCalled();
  });

  it("asks to be opened from Dynamics 365 when neither it nor its opener has Xrm.WebApi", async () => {
    setXrm({ Utility: CLIENT });
    jest.spyOn(window, "parent", "get").mockReturnValue({ Xrm: { Utility: CLIENT } } as unknown as Window);
    await pageModule().load();
    expect(status()).toBe("Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.");
  });

  it("asks to be opened from Dynamics 365 when its opener is another site's page", async () => {
    const foreign = {
      get Xrm(): never {
        throw new DOMException("Blocked a frame from accessing a cross-origin frame.", "SecurityError");
      },
    };
    jest.spyOn(window, "parent", "get").mockReturnValue(foreign as unknown as Window);
    await pageModule().load();
    expect(status()).toBe("Open this page from Dynamics 365: it reads the environment through Xrm.WebApi.");
  });

  it.each([
    ["no Utility", undefined],
    ["no global context", {}],
    ["no client URL", { getGlobalContext: () => ({}) }],
    ["an empty client URL", { getGlobalContext: () => ({ getClientUrl: () => "" }) }],
  ])("names rules and queues without links when Xrm gives %s", async (_, utility) => {
    setXrm(xrm(jest.fn(answer), utility));
    await pageModule().load();
    expect(status()).toBe("");
    expect(root().querySelectorAll("a.about")).toHaveLength(0);
    expect([...new Set(Array.from(root().querySelectorAll("span.about")).map((s) => s.textContent))]).toEqual([
      'Rule "Support"',
      'Queue "Sales"',
    ]);
  });

  it("says the configuration could not be read, and why, when a read fails with an Error", async () => {
    setXrm(xrm(() => Promise.reject(new Error("Principal user is missing prvReadqueue")), CLIENT));
    await pageModule().load();
    expect(status()).toBe("The configuration could not be read: Principal user is missing prvReadqueue");
    expect(root().childNodes).toHaveLength(0);
  });

  it("says the configuration could not be read, and why, when the Web API rejects with a message object", async () => {
    setXrm(xrm(() => Promise.reject({ message: "Network <b>down</b>", errorCode: 5 }), CLIENT));
    await pageModule().load();
    expect(status()).toBe("The configuration could not be read: Network <b>down</b>");
    expect(document.querySelector("#status b")).toBeNull();
  });
});
