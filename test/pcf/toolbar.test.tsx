/** The toolbar drawn on its own: the search status it says, what each button asks for, and how it changes. */
import { fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import { Toolbar } from "../../pcf/HandoffTranscript/components/Toolbar";
import { strings } from "./fixtures";

type Props = React.ComponentProps<typeof Toolbar>;

function renderToolbar(overrides: Partial<Props> = {}) {
  const props: Props = {
    query: "",
    onQuery: jest.fn(),
    matchCount: 0,
    activeIndex: 0,
    onStep: jest.fn(),
    allExpanded: false,
    onToggleAll: jest.fn(),
    anyQuoted: true,
    onCopyAll: jest.fn(),
    copied: false,
    isPhone: false,
    strings,
    ...overrides,
  };
  return { props, ...render(<Toolbar {...props} />) };
}

const status = () => screen.getByRole("status").textContent;
const iconOf = (name: string) =>
  screen.getByRole("button", { name }).querySelector("[data-icon-name]")?.getAttribute("data-icon-name");

describe("the toolbar", () => {
  test("says nothing before a search, nor for a search of spaces", () => {
    renderToolbar({ query: "   ", matchCount: 3 });
    expect(status()).toBe("");
  });

  test("counts the matches from one, at the active one", () => {
    renderToolbar({ query: "refund", matchCount: 5, activeIndex: 1 });
    expect(status()).toBe("2 of 5 matches");
  });

  test("says when nothing matches, and offers no stepping", () => {
    renderToolbar({ query: "zebra" });
    expect(status()).toBe("No matches");
    expect((screen.getByRole("button", { name: "Previous match" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Next match" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("steps back and forward through the matches", () => {
    const { props } = renderToolbar({ query: "refund", matchCount: 2 });
    fireEvent.click(screen.getByRole("button", { name: "Previous match" }));
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect((props.onStep as jest.Mock).mock.calls).toEqual([[-1], [1]]);
  });

  test("Enter in the search box goes to the next match", () => {
    const { props } = renderToolbar({ query: "refund", matchCount: 2 });
    fireEvent.keyDown(screen.getByRole("searchbox"), { key: "Enter", which: 13, keyCode: 13 });
    expect((props.onStep as jest.Mock).mock.calls).toEqual([[1]]);
  });

  test("typing searches for what is typed", () => {
    const { props } = renderToolbar();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "refund" } });
    expect((props.onQuery as jest.Mock).mock.calls).toEqual([["refund"]]);
  });

  test("the clear button, named for what it does, empties the search", () => {
    const { props } = renderToolbar({ query: "refund", matchCount: 1 });
    fireEvent.click(screen.getByRole("button", { name: "Clear search" }));
    // Fluent's SearchBox reports the clear as a change to "" as well: every call asks for the empty search.
    expect(new Set((props.onQuery as jest.Mock).mock.calls.map((call) => call[0]))).toEqual(new Set([""]));
    expect(iconOf("Clear search")).toBe(Icons.Clear);
  });

  test("Escape in the search box empties the search", () => {
    const { props } = renderToolbar({ query: "refund", matchCount: 1 });
    fireEvent.keyDown(screen.getByRole("searchbox"), { key: "Escape", keyCode: 27, which: 27 });
    expect((props.onQuery as jest.Mock).mock.calls).toEqual([[""]]);
  });

  test("the clear button takes its name from the user's language when the language changes", () => {
    const { props, rerender } = renderToolbar({ query: "refund", matchCount: 1 });
    const german = (key: Parameters<typeof strings>[0]) => (key === "Search_Clear" ? "Suche löschen" : strings(key));
    rerender(<Toolbar {...props} strings={german} />);
    expect(screen.getByRole("button", { name: "Suche löschen" })).toBeTruthy();
  });

  test("the search box is named and hinted in the user's language", () => {
    renderToolbar();
    expect(screen.getByRole("searchbox").getAttribute("placeholder")).toBe("Search the transcript");
    expect(screen.getByRole("searchbox").getAttribute("aria-label")).toBe("Search the transcript");
  });

  test("expand all, then collapse all, each with its own icon", () => {
    const { props, rerender } = renderToolbar();
    expect(iconOf("Expand all quoted text")).toBe(Icons.ExploreContent);
    fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
    expect(props.onToggleAll).toHaveBeenCalledTimes(1);
    rerender(<Toolbar {...props} allExpanded />);
    expect(iconOf("Collapse all quoted text")).toBe(Icons.CollapseContent);
  });

  test("no quoted text anywhere: no expand button", () => {
    renderToolbar({ anyQuoted: false });
    expect(screen.queryByRole("button", { name: /quoted text/ })).toBeNull();
  });

  test("copy says 'Copied' with a check mark for a moment", () => {
    const { props, rerender } = renderToolbar();
    expect(iconOf("Copy transcript")).toBe(Icons.Copy);
    fireEvent.click(screen.getByRole("button", { name: "Copy transcript" }));
    expect(props.onCopyAll).toHaveBeenCalledTimes(1);
    rerender(<Toolbar {...props} copied />);
    expect(iconOf("Copied")).toBe(Icons.CheckMark);
  });

  test("on a phone, the copy button keeps its name while it says 'Copied'", () => {
    renderToolbar({ isPhone: true, copied: true });
    expect(iconOf("Copy transcript")).toBe(Icons.CheckMark);
  });

  test("wider than a phone the toolbar is laid out with labels; on a phone without", () => {
    const { container, rerender, props } = renderToolbar();
    expect(container.querySelector("[role=toolbar]")!.className).toBe("e2c-toolbar e2c-toolbar-labelled");
    rerender(<Toolbar {...props} isPhone />);
    expect(container.querySelector("[role=toolbar]")!.className).toBe("e2c-toolbar");
  });
});
