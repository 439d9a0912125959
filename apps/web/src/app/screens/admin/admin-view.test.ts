import { describe, expect, it } from "vitest";
import { compactJson, emailDirectory, filterUsers, parseGrant, pendingFirst, personLabel, tabForPath } from "./admin-view.ts";

const users = [
  { id: "u1", email: "ada@example.com", name: "Ada Lovelace" },
  { id: "u2", email: "grace@example.com", name: "Grace Hopper" },
  { id: "u3", email: "linus@kernel.test", name: null },
];

describe("filterUsers", () => {
  it("keeps everyone for an empty or blank query", () => {
    expect(filterUsers(users, "")).toEqual(users);
    expect(filterUsers(users, "   ")).toEqual(users);
  });
  it("matches email or name, ignoring case and surrounding spaces", () => {
    expect(filterUsers(users, " HOPPER ").map((u) => u.id)).toEqual(["u2"]);
    expect(filterUsers(users, "kernel").map((u) => u.id)).toEqual(["u3"]);
    expect(filterUsers(users, "example.com").map((u) => u.id)).toEqual(["u1", "u2"]);
  });
  it("finds nobody for a query nobody matches, and copes with users without a name", () => {
    expect(filterUsers(users, "zebra")).toEqual([]);
  });
});

describe("pendingFirst", () => {
  const entry = (id: string, approved: boolean, createdAt: number, approvedAt: number | null = null) => ({ id, approved, createdAt, approvedAt });
  it("puts pending entries first, oldest first, then approved ones by newest approval", () => {
    const sorted = pendingFirst([entry("a1", true, 1, 50), entry("p2", false, 20), entry("a2", true, 2, 90), entry("p1", false, 10)]);
    expect(sorted.map((e) => e.id)).toEqual(["p1", "p2", "a2", "a1"]);
  });
  it("does not change the list it was given", () => {
    const list = [entry("a", true, 1, 2), entry("p", false, 3)];
    pendingFirst(list);
    expect(list.map((e) => e.id)).toEqual(["a", "p"]);
  });
});

describe("personLabel", () => {
  const directory = emailDirectory(users);
  it("names a known user id by email", () => {
    expect(personLabel("u2", directory)).toBe("grace@example.com");
  });
  it("reads the email the API put beside an id, preferring the directory's", () => {
    expect(personLabel("u9 (someone@example.com)", directory)).toBe("someone@example.com");
    expect(personLabel("u1 (old@example.com)", directory)).toBe("ada@example.com");
  });
  it("falls back to the id, and a dash for nothing", () => {
    expect(personLabel("x123", directory)).toBe("x123");
    expect(personLabel(null, directory)).toBe("—");
    expect(personLabel("u1", emailDirectory(null))).toBe("u1");
  });
});

describe("compactJson", () => {
  it("writes objects on one line", () => {
    expect(compactJson({ amount: 5, reason: "dev", ids: ["a", "b"] })).toBe('{ "amount": 5, "reason": "dev", "ids": [ "a", "b" ] }');
  });
  it("keeps line breaks inside values escaped", () => {
    expect(compactJson({ note: "two\nlines" })).toBe('{ "note": "two\\nlines" }');
  });
  it("shows a dash for no details", () => {
    expect(compactJson(null)).toBe("—");
    expect(compactJson(undefined)).toBe("—");
    expect(compactJson({})).toBe("—");
  });
  it("cuts long details", () => {
    const text = compactJson({ note: "x".repeat(500) }, 40);
    expect(text).toHaveLength(40);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("parseGrant", () => {
  it("accepts a whole amount of at least 1 and a trimmed reason", () => {
    expect(parseGrant(" 250 ", " welcome ")).toEqual({ ok: true, amount: 250, reason: "welcome" });
  });
  it.each(["", "0", "-5", "1.5", "abc"])("refuses the amount %j", (amount) => {
    expect(parseGrant(amount, "why").ok).toBe(false);
  });
  it("refuses a missing or overlong reason and a huge amount", () => {
    expect(parseGrant("5", "  ").ok).toBe(false);
    expect(parseGrant("5", "x".repeat(257)).ok).toBe(false);
    expect(parseGrant("2000000000", "why").ok).toBe(false);
  });
});

describe("tabForPath", () => {
  it("shows Users on /admin and each tab on its own path", () => {
    expect(tabForPath("/admin")).toBe("users");
    expect(tabForPath("/admin/users")).toBe("users");
    expect(tabForPath("/admin/waitlist")).toBe("waitlist");
    expect(tabForPath("/admin/instances")).toBe("instances");
    expect(tabForPath("/admin/audit")).toBe("audit");
  });
  it("knows no other tab", () => {
    expect(tabForPath("/admin/secrets")).toBeNull();
    expect(tabForPath("/admin/users/u1")).toBeNull();
  });
});
