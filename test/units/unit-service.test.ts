import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { authenticateToken } from "../../src/officers/authenticate";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import type { Principal } from "../../src/officers/principal";
import { listChildUnits, searchUnits } from "../../src/units/unit-service";
import { foldUnitName, placeParts } from "../../src/text/unit-names";
import { createTestDb, testDriver } from "../support/test-db";

describe("place names", () => {
  it("folds away diacritics and the unit type", () => {
    expect(foldUnitName("Xã Yên Định")).toBe("yen dinh");
    expect(foldUnitName("xa yen dinh")).toBe("yen dinh");
    expect(foldUnitName("TP. Hồ Chí Minh")).toBe("ho chi minh");
    expect(foldUnitName("Thị trấn Yên Định")).toBe("yen dinh");
    expect(foldUnitName("Phường Hoà Bình")).toBe(foldUnitName("phuong Hòa Bình"));
  });

  it("splits a written address into parts", () => {
    expect(placeParts("xã Yên Định, huyện Sơn Động, tỉnh Bắc Giang")).toEqual(["yen dinh", "son dong", "bac giang"]);
  });
});

describe(`unit search (${testDriver})`, () => {
  let handle: DbHandle;
  let national: Principal;
  let hanoi: Principal;

  beforeAll(async () => {
    handle = await createTestDb({ seed: "quick" });
    national = (await authenticateToken(
      handle.db,
      (
        await bootstrapOfficer(handle.db, { name: "QG", email: "qg@loa.test", role: "admin", unitCode: "VN" })
      ).token,
    ))!;
    hanoi = (await authenticateToken(
      handle.db,
      (
        await bootstrapOfficer(handle.db, { name: "HN", email: "hn@loa.test", role: "viewer", unitCode: "01" })
      ).token,
    ))!;
  });
  afterAll(async () => handle?.close());

  it('resolves "xã Yên Định, huyện Sơn Động" to the new commune in the old district\'s province first', async () => {
    const [first, ...rest] = await searchUnits(handle.db, national, "xã Yên Định, huyện Sơn Động", 10);
    expect(first).toMatchObject({ code: "07642", fullName: "Xã Yên Định", parentCode: "24" });
    expect(rest.map((m) => m.code)).toContain("15469"); // the other Yên Định, in Thanh Hóa
  });

  it("finds a commune by a name it lost in the 2025 merger, without diacritics", async () => {
    const [match] = await searchUnits(handle.db, national, "phuong phuc xa", 5);
    expect(match).toMatchObject({
      code: "00097",
      fullName: "Phường Hồng Hà",
      matchedBy: "old_name",
      oldName: "Phường Phúc Xá",
    });
  });

  it("tolerates a misspelling", async () => {
    const matches = await searchUnits(handle.db, national, "Ba Đìn", 5);
    expect(matches.some((m) => m.code === "00004" && m.matchedBy === "similar")).toBe(true);
  });

  it("keeps results inside the caller's scope", async () => {
    const everywhere = await searchUnits(handle.db, national, "Ba Đình", 20);
    expect(everywhere.map((m) => m.code)).toEqual(expect.arrayContaining(["00004", "16171"]));
    const inHanoi = await searchUnits(handle.db, hanoi, "Ba Đình", 20);
    expect(inHanoi.map((m) => m.code)).toContain("00004");
    expect(inHanoi.every((m) => m.parentCode === "01" || m.code === "01")).toBe(true);
  });

  it("lists children of a unit in scope, and nothing for one outside", async () => {
    const provinces = await listChildUnits(handle.db, national, undefined, 1, 50);
    expect(provinces!.total).toBe(34);
    const communes = await listChildUnits(handle.db, hanoi, "01", 1, 10);
    expect(communes!.total).toBeGreaterThan(100);
    expect(await listChildUnits(handle.db, hanoi, "79", 1, 10)).toBeNull();
  });
});
