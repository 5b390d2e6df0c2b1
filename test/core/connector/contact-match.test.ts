/** Contact dedupe by emailaddress1 (seed 003; PRODUCT.md §8 point 3). */
import { chooseContact, type ContactCandidate } from "../../../core/connector/contact-match";

const NEW = "new-id";
const contact = (id: string, email: string, statecode: number, modifiedon: string): ContactCandidate => ({
  contactid: id,
  emailaddress1: email,
  statecode,
  modifiedon,
});

test("no address: no contact", () => {
  expect(chooseContact(null, [], NEW)).toEqual({ kind: "none", why: "the handoff names no customer email address" });
});

test("no match: a new contact with the given id", () => {
  expect(chooseContact("kim@example.net", [], NEW)).toEqual({ kind: "create", id: NEW });
});

test("a match ignores case and surrounding spaces", () => {
  expect(chooseContact(" Kim@Example.net", [contact("a", "kim@example.NET ", 0, "2026-01-01T00:00:00Z")], NEW)).toEqual(
    {
      kind: "matched",
      id: "a",
    },
  );
});

test("a candidate with another address is not a match", () => {
  expect(
    chooseContact("kim@example.net", [contact("a", "kimberly@example.net", 0, "2026-01-01T00:00:00Z")], NEW).kind,
  ).toBe("create");
});

test("an inactive match is reactivated", () => {
  expect(chooseContact("kim@example.net", [contact("a", "kim@example.net", 1, "2026-01-01T00:00:00Z")], NEW)).toEqual({
    kind: "reactivated",
    id: "a",
  });
});

test("several: the most recently modified active one wins over newer inactive ones, and the note says so", () => {
  const decision = chooseContact(
    "kim@example.net",
    [
      contact("old", "kim@example.net", 0, "2025-01-01T00:00:00Z"),
      contact("newer", "kim@example.net", 0, "2026-03-01T00:00:00Z"),
      contact("inactive", "kim@example.net", 1, "2026-06-01T00:00:00Z"),
    ],
    NEW,
  );
  expect(decision).toEqual({
    kind: "matched",
    id: "newer",
    note: "3 contacts have kim@example.net; used the most recently modified active one (newer). Merge the duplicates so history stays on one contact.",
  });
});

test("several, all inactive: the most recently modified is reactivated", () => {
  const decision = chooseContact(
    "kim@example.net",
    [
      contact("a", "kim@example.net", 1, "2025-01-01T00:00:00Z"),
      contact("b", "kim@example.net", 1, "2026-01-01T00:00:00Z"),
    ],
    NEW,
  );
  expect(decision).toMatchObject({ kind: "reactivated", id: "b" });
});
