// How a unit is named to a citizen told where their question went: a commune with its province, since commune
// names repeat across provinces ("Phường Ba Đình, Thành phố Hà Nội").
import type { UnitKind } from "../../db/schema/units";

export function unitLabel(unit: { kind: UnitKind; fullName: string; parentFullName: string | null }): string {
  if (unit.kind === "country") return "cơ quan Tư pháp trung ương";
  if (unit.kind === "commune" && unit.parentFullName) return `${unit.fullName}, ${unit.parentFullName}`;
  return unit.fullName;
}
