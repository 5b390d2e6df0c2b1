import { normalizeRole } from "../../../core/transcript/roles";

describe("message roles", () => {
  test("the four roles read as themselves", () => {
    expect(["customer", "agent", "ai", "system"].map(normalizeRole)).toEqual(["customer", "agent", "ai", "system"]);
  });

  test("other systems' words for a role, in any case and with spaces around, read as ours", () => {
    expect([" Bot ", "ASSISTANT", "Human", " rep", "Customer "].map(normalizeRole)).toEqual([
      "ai",
      "ai",
      "agent",
      "agent",
      "customer",
    ]);
  });

  test("a word that names no role is no role", () => {
    expect(normalizeRole("manager")).toBeNull();
    expect(normalizeRole("")).toBeNull();
  });
});
