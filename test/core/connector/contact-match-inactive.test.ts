import { chooseContact, type ContactCandidate } from "../../../core/connector/contact-match";

const candidate = (
  contactid: string,
  statecode: number,
  modifiedon: string | null,
  email: string | null = "kim@example.net",
): ContactCandidate => ({
  contactid,
  emailaddress1: email,
  statecode,
  modifiedon,
});

test("several inactive contacts: the most recently modified is reactivated, and the others are named by count", () => {
  const candidates = [
    candidate("old", 1, "2026-01-01T00:00:00Z"),
    candidate("new", 1, "2026-03-01T00:00:00Z"),
    candidate("never", 1, null),
  ];
  expect(chooseContact("kim@example.net", candidates, "n")).toEqual({
    kind: "reactivated",
    id: "new",
    note: "3 inactive contacts have kim@example.net; reactivated the most recently modified one (new).",
  });
});

test("one inactive contact is reactivated without a note", () => {
  expect(chooseContact("kim@example.net", [candidate("only", 1, "2026-01-01T00:00:00Z")], "n")).toEqual({
    kind: "reactivated",
    id: "only",
  });
});

test("a contact with no address is no match, even for an address written as nothing but spaces around it", () => {
  expect(chooseContact("kim@example.net", [candidate("blank", 0, "2026-01-01T00:00:00Z", null)], "n")).toEqual({
    kind: "create",
    id: "n",
  });
});

test("active contacts modified at the same time, or never: the first by id", () => {
  const candidates = [candidate("b", 0, null), candidate("a", 0, null)];
  expect(chooseContact("kim@example.net", candidates, "n")).toMatchObject({ kind: "matched", id: "a" });
});
