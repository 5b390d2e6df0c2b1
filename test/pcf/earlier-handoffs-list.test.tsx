/**
 * The list of the customer's earlier handoffs, drawn on its own: what each row says, when the list is hidden, and
 * that an answer for another customer never shows under this one.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import * as React from "react";
import { EarlierHandoffs } from "../../pcf/HandoffTranscript/components/EarlierHandoffs";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import type { EarlierHandoffRow } from "../../pcf/HandoffTranscript/model/earlier-handoffs";
import { makeProps } from "./fixtures";

const ROW: EarlierHandoffRow = {
  id: "e2c00000-0000-4000-8000-000000000901",
  title: "Refund for October",
  createdOn: "2026-10-02T15:00:00Z",
  sentimentValue: null,
};

function rows(n: number): EarlierHandoffRow[] {
  return Array.from({ length: n }, (_, i) => ({ ...ROW, id: `${ROW.id.slice(0, -3)}${100 + i}`, title: `Case ${i}` }));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function renderList(
  source: { key: string; load: () => Promise<EarlierHandoffRow[]> } | undefined,
  openCase?: jest.Mock,
) {
  const { strings, clock } = makeProps();
  const element = (s: typeof source) => (
    <EarlierHandoffs earlierHandoffs={s} openCase={openCase} strings={strings} clock={clock} />
  );
  const utils = render(element(source));
  return { ...utils, rerenderWith: (s: typeof source) => utils.rerender(element(s)) };
}

async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe("the earlier handoffs list", () => {
  test("is a region headed by its title and icon, labelled by that heading", async () => {
    renderList({ key: "a", load: () => Promise.resolve([ROW]) });
    const region = await screen.findByRole("region", { name: "Earlier handoffs from this customer" });
    const heading = within(region).getByRole("heading", { level: 3 });
    expect(heading.textContent).toBe("Earlier handoffs from this customer");
    expect(heading.querySelector(`[data-icon-name='${Icons.History}']`)).not.toBeNull();
  });

  test("a row shows its title as a link, and its date in the user's time zone", async () => {
    renderList({ key: "a", load: () => Promise.resolve([ROW]) }, jest.fn());
    const item = await screen.findByRole("listitem");
    expect(within(item).getByRole("button", { name: "Refund for October" })).toBeTruthy();
    const time = item.querySelector("time")!;
    expect([time.textContent, time.getAttribute("dateTime")]).toEqual(["Oct 2, 2026", "2026-10-02T15:00:00Z"]);
  });

  test("a row without a title is named by its case id", async () => {
    renderList({ key: "a", load: () => Promise.resolve([{ ...ROW, title: "" }]) });
    expect((await screen.findByRole("listitem")).textContent).toBe(`${ROW.id}Oct 2, 2026`);
  });

  test("a row without a date shows no date", async () => {
    renderList({ key: "a", load: () => Promise.resolve([{ ...ROW, createdOn: null }]) });
    const item = await screen.findByRole("listitem");
    expect(item.querySelector("time")).toBeNull();
    expect(item.textContent).toBe("Refund for October");
  });

  test("a row with a sentiment shows its chip", async () => {
    renderList({ key: "a", load: () => Promise.resolve([{ ...ROW, sentimentValue: 412500005 }]) });
    expect((await screen.findByRole("listitem")).querySelector(".e2c-sentiment")!.textContent).toBe(
      "Sentiment: Positive",
    );
  });

  test("without a way to open cases, the titles are not clickable", async () => {
    renderList({ key: "a", load: () => Promise.resolve([ROW]) });
    const link = within(await screen.findByRole("listitem"))
      .getByText("Refund for October")
      .closest("button")!;
    expect(link.disabled).toBe(true);
  });

  test("clicking a title opens that case", async () => {
    const openCase = jest.fn();
    renderList({ key: "a", load: () => Promise.resolve([ROW]) }, openCase);
    fireEvent.click(await screen.findByText("Refund for October"));
    expect(openCase).toHaveBeenCalledWith(ROW.id);
  });

  test("five or fewer: no 'more' button", async () => {
    renderList({ key: "a", load: () => Promise.resolve(rows(5)) });
    expect(await screen.findAllByRole("listitem")).toHaveLength(5);
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });

  test("fifty, as many as are read: the button says there may be more", async () => {
    renderList({ key: "a", load: () => Promise.resolve(rows(50)) });
    expect(await screen.findByRole("button", { name: "45+ more" })).toBeTruthy();
  });

  test("no source: nothing is read, nothing shown, and what is beside the list stays", async () => {
    const { strings, clock } = makeProps();
    const { container } = render(
      <div>
        <p>beside</p>
        <EarlierHandoffs earlierHandoffs={undefined} strings={strings} clock={clock} />
      </div>,
    );
    await settle();
    expect(container.innerHTML).toBe("<div><p>beside</p></div>");
  });

  test("seven: five listed and '2 more', which lists them all", async () => {
    renderList({ key: "a", load: () => Promise.resolve(rows(7)) });
    expect(await screen.findAllByRole("listitem")).toHaveLength(5);
    fireEvent.click(screen.getByRole("button", { name: "2 more" }));
    expect(screen.getAllByRole("listitem")).toHaveLength(7);
  });

  test("a title opens the case with the newest way to open cases", async () => {
    const first = jest.fn();
    const second = jest.fn();
    const source = { key: "a", load: () => Promise.resolve([ROW]) };
    const { strings, clock } = makeProps();
    const { rerender } = render(
      <EarlierHandoffs earlierHandoffs={source} openCase={first} strings={strings} clock={clock} />,
    );
    await screen.findByText("Refund for October");
    rerender(<EarlierHandoffs earlierHandoffs={source} openCase={second} strings={strings} clock={clock} />);
    fireEvent.click(screen.getByText("Refund for October"));
    expect([first.mock.calls.length, second.mock.calls]).toEqual([0, [[ROW.id]]]);
  });

  test("a new customer's list replaces the old one at once: nothing of the old one while the new one is read", async () => {
    const next = deferred<EarlierHandoffRow[]>();
    const { rerenderWith } = renderList({ key: "a", load: () => Promise.resolve([ROW]) });
    await screen.findByText("Refund for October");
    rerenderWith({ key: "b", load: () => next.promise });
    expect(screen.queryByRole("listitem")).toBeNull();
    await act(async () => next.resolve(rows(1)));
    expect(screen.getByRole("listitem").textContent).toContain("Case 0");
  });

  test("an answer for a customer no longer shown is dropped", async () => {
    const late = deferred<EarlierHandoffRow[]>();
    const { rerenderWith } = renderList({ key: "a", load: () => late.promise });
    rerenderWith({ key: "b", load: () => Promise.resolve(rows(1)) });
    await screen.findByText("Case 0");
    await act(async () => late.resolve([ROW]));
    expect(screen.queryByText("Refund for October")).toBeNull();
    expect(screen.getAllByRole("listitem")).toHaveLength(1);
  });

  test("the same customer is read once, whatever else re-renders", async () => {
    const load = jest.fn(() => Promise.resolve([ROW]));
    const { rerenderWith } = renderList({ key: "a", load });
    await screen.findByText("Refund for October");
    rerenderWith({ key: "a", load: jest.fn(() => Promise.resolve([])) });
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Refund for October")).toBeTruthy();
  });

  test("a new customer's list is read with the newest reader", async () => {
    const second = jest.fn(() => Promise.resolve(rows(1)));
    const { rerenderWith } = renderList({ key: "a", load: () => Promise.resolve([ROW]) });
    await screen.findByText("Refund for October");
    rerenderWith({ key: "a", load: second });
    rerenderWith({ key: "b", load: second });
    await screen.findByText("Case 0");
    expect(second).toHaveBeenCalledTimes(1);
  });
});
