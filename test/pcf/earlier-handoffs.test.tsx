import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { propsFromContext } from "../../pcf/HandoffTranscript/context-props";
import {
  earlierHandoffRows,
  earlierHandoffsQuery,
  listEarlierHandoffs,
  type EarlierHandoffRow,
} from "../../pcf/HandoffTranscript/model/earlier-handoffs";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps, mockContext } from "./fixtures";

const CASE = "6d0b8c4e-1111-4a2b-9c3d-000000000001";
const JANE = "e2c00000-0000-4000-8000-000000000201";

function rows(n: number): EarlierHandoffRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e2c00000-0000-4000-8000-00000000090${i}`,
    title: `Earlier case ${i + 1}`,
    createdOn: `2026-0${9 - Math.min(i, 8)}-15T23:30:00Z`,
    sentimentValue: 412500001,
  }));
}

function renderWith(found: EarlierHandoffRow[] | Error, openCase = jest.fn()) {
  const load = jest.fn(() => (found instanceof Error ? Promise.reject(found) : Promise.resolve(found)));
  const props = makeProps({ description: EXAMPLE_TRANSCRIPT, earlierHandoffs: { key: "k", load }, openCase });
  return { load, openCase, ...render(<HandoffTranscriptView {...props} />) };
}

describe("the customer's earlier handoffs", () => {
  test("are read with one request: same customer, from a handoff, not this case, newest first", () => {
    expect(earlierHandoffsQuery(`{${CASE.toUpperCase()}}`, JANE)).toBe(
      `?$select=incidentid,title,createdon,e2c_sentiment&$filter=_customerid_value eq ${JANE} and e2c_handoffid ne null` +
        ` and incidentid ne ${CASE}&$orderby=createdon desc&$top=50`,
    );
  });

  test("nothing is asked when the case or the customer is unknown or not a GUID", () => {
    expect(earlierHandoffsQuery(undefined, JANE)).toBeNull();
    expect(earlierHandoffsQuery(CASE, undefined)).toBeNull();
    expect(earlierHandoffsQuery(CASE, "x' or 1 eq 1")).toBeNull();
  });

  test("the Web API's rows become typed rows; a row without an id is left out", () => {
    expect(
      earlierHandoffRows([
        { incidentid: JANE, title: "Billing", createdon: "2026-10-01T08:00:00Z", e2c_sentiment: 412500003 },
        { title: "no id" },
        { incidentid: CASE, title: 7 },
        { incidentid: CASE, createdon: new Date("2026-09-02T14:20:00Z") },
      ]),
    ).toEqual([
      { id: JANE, title: "Billing", createdOn: "2026-10-01T08:00:00Z", sentimentValue: 412500003 },
      { id: CASE, title: "", createdOn: null, sentimentValue: null },
      { id: CASE, title: "", createdOn: "2026-09-02T14:20:00.000Z", sentimentValue: null },
    ]);
  });

  test("what is not a row is left out, and a field of the wrong type reads as missing", () => {
    expect(earlierHandoffRows([null, undefined, "x", { incidentid: 7 }, { incidentid: "not a guid" }])).toEqual([]);
    expect(earlierHandoffRows([{ incidentid: `{${JANE.toUpperCase()}}`, createdon: 1, e2c_sentiment: "1" }])).toEqual([
      { id: JANE, title: "", createdOn: null, sentimentValue: null },
    ]);
  });

  test("forty-nine earlier handoffs were all read: the button says exactly how many more", () => {
    expect(listEarlierHandoffs(rows(49), false)).toMatchObject({ more: 44, atLeast: false });
  });

  test("five are listed, then how many more; all once asked", () => {
    expect(listEarlierHandoffs(rows(7), false)).toMatchObject({ more: 2, atLeast: false });
    expect(listEarlierHandoffs(rows(7), false).shown).toHaveLength(5);
    expect(listEarlierHandoffs(rows(7), true)).toMatchObject({ more: 0 });
    expect(listEarlierHandoffs(rows(50), false)).toMatchObject({ more: 45, atLeast: true });
  });

  test("the context's bound customer, the case and context.webAPI make the source", async () => {
    const retrieveMultipleRecords = jest.fn(() =>
      Promise.resolve({ entities: [{ incidentid: JANE, title: "Earlier", createdon: "2026-10-01T08:00:00Z" }] }),
    );
    const props = propsFromContext(
      mockContext({ entityId: `{${CASE}}`, customerId: `{${JANE}}`, retrieveMultipleRecords }),
    );
    await expect(props.earlierHandoffs?.load()).resolves.toEqual([
      { id: JANE, title: "Earlier", createdOn: "2026-10-01T08:00:00Z", sentimentValue: null },
    ]);
    expect(retrieveMultipleRecords).toHaveBeenCalledTimes(1);
    expect(retrieveMultipleRecords).toHaveBeenCalledWith("incident", earlierHandoffsQuery(CASE, JANE));
  });

  test("no customer bound, or a record that is not a case: no source", () => {
    expect(propsFromContext(mockContext({})).earlierHandoffs).toBeUndefined();
    expect(
      propsFromContext(mockContext({ customerId: JANE, entityTypeName: "account" })).earlierHandoffs,
    ).toBeUndefined();
  });

  test("opening one opens the case's form through context.navigation", () => {
    const openForm = jest.fn(() => Promise.resolve({}));
    propsFromContext(mockContext({ customerId: JANE, openForm })).openCase?.(JANE);
    expect(openForm).toHaveBeenCalledWith({ entityName: "incident", entityId: JANE });
  });

  test("each shows its title, its date in the user's time zone and its sentiment chip", async () => {
    renderWith(rows(1));
    const region = await screen.findByRole("region", { name: "Earlier handoffs from this customer" });
    const item = within(region).getByRole("listitem");
    // 23:30 UTC on Sep 15 is still Sep 15 in New York (UTC−4/−5).
    expect(item.textContent).toBe("Earlier case 1Sep 15, 2026Sentiment: Negative");
    expect(item.querySelector(".e2c-sentiment.e2c-tone-negative")).not.toBeNull();
  });

  test("clicking a title opens that case", async () => {
    const { openCase } = renderWith(rows(2));
    fireEvent.click(await screen.findByText("Earlier case 2"));
    expect(openCase).toHaveBeenCalledWith(rows(2)[1]!.id);
  });

  test("seven earlier handoffs: five listed and '2 more', which lists them all", async () => {
    renderWith(rows(7));
    const region = await screen.findByRole("region", { name: "Earlier handoffs from this customer" });
    expect(within(region).getAllByRole("listitem")).toHaveLength(5);
    fireEvent.click(within(region).getByRole("button", { name: "2 more" }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(7);
    expect(within(region).queryByRole("button", { name: /more/ })).toBeNull();
  });

  test("none: nothing is shown", async () => {
    const { load, container } = renderWith([]);
    await waitFor(() => expect(load).toHaveBeenCalled());
    expect(container.querySelector(".e2c-earlier")).toBeNull();
  });

  test("a user who may not read cases (the request fails): nothing is shown", async () => {
    const { load, container } = renderWith(new Error("Principal user is missing prvReadIncident privilege"));
    await waitFor(() => expect(load).toHaveBeenCalled());
    await Promise.resolve();
    expect(container.querySelector(".e2c-earlier")).toBeNull();
    expect(screen.getByRole("region", { name: "Handoff transcript" })).toBeTruthy();
  });

  test("read once for a case, not again when the form re-renders the control", async () => {
    const load = jest.fn(() => Promise.resolve(rows(1)));
    const props = makeProps({ description: EXAMPLE_TRANSCRIPT, earlierHandoffs: { key: "k", load } });
    const { rerender } = render(<HandoffTranscriptView {...props} />);
    await screen.findByText("Earlier case 1");
    rerender(<HandoffTranscriptView {...props} earlierHandoffs={{ key: "k", load }} width={500} />);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
