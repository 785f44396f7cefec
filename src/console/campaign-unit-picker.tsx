// The audience's unit tree picker as the server draws it: the officer's own unit at the top, and already opened
// down to every chosen unit below it (editing a draft for two communes shows them ticked), each level in the same
// markup campaign-script.ts builds when an officer opens a unit later. Units come from the unit service with the
// officer's principal, so nothing outside their scope is ever listed.
import type { Db } from "../../db/db";
import { findUnitByCode } from "../officers/officer-service";
import type { Principal } from "../officers/principal";
import { listChildUnits } from "../units/unit-service";

export interface PickerUnit {
  code: string;
  name: string;
  kind: string;
  checked: boolean;
  /** Loaded children (opened), or undefined when the unit is closed. */
  children?: PickerUnit[];
}

const PAGE_SIZE = 200;

/** The same folding the picker's filter applies in the browser. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** The tree from the officer's unit, opened along the paths to the chosen units. */
export async function unitPickerTree(
  db: Db,
  principal: Principal,
  root: { code: string; name: string; kind: string; path: string },
  chosenCodes: string[],
): Promise<PickerUnit> {
  const chosen = new Set(chosenCodes);
  const chosenPaths: string[] = [];
  for (const code of chosenCodes) {
    const unit = await findUnitByCode(db, code);
    if (unit) chosenPaths.push(unit.path);
  }
  const open = async (unit: { code: string; name: string; kind: string; path: string }): Promise<PickerUnit> => {
    const node: PickerUnit = { code: unit.code, name: unit.name, kind: unit.kind, checked: chosen.has(unit.code) };
    if (!chosenPaths.some((path) => path !== unit.path && path.startsWith(unit.path))) return node;
    node.children = [];
    for (let page = 1; ; page++) {
      const result = await listChildUnits(db, principal, unit.code, page, PAGE_SIZE);
      if (!result) break;
      for (const child of result.items) {
        // Only units with units below them need their path (to know whether to open them).
        const path = child.kind === "commune" ? "" : ((await findUnitByCode(db, child.code))?.path ?? "");
        node.children.push(await open({ code: child.code, name: child.fullName, kind: child.kind, path }));
      }
      if (page * PAGE_SIZE >= result.total) break;
    }
    return node;
  };
  return open(root);
}

function UnitNode(props: { unit: PickerUnit }) {
  const { unit } = props;
  const opened = unit.children !== undefined;
  return (
    <li data-code={unit.code} data-name={fold(unit.name)}>
      <label class="check">
        <input
          type="checkbox"
          name="audience.unitCodes"
          data-type="list-item"
          value={unit.code}
          data-unit-name={unit.name}
          checked={unit.checked}
        />
        {unit.name}
      </label>
      {unit.kind !== "commune" ? (
        <>
          <button type="button" class="link" data-unit-expand={unit.code} aria-expanded={opened ? "true" : "false"}>
            {opened ? "Thu gọn" : "Mở danh sách đơn vị trực thuộc"}
          </button>
          {opened ? (
            <ul data-loaded="1">
              {unit.children!.map((child) => (
                <UnitNode unit={child} />
              ))}
            </ul>
          ) : (
            <ul hidden />
          )}
        </>
      ) : null}
    </li>
  );
}

export function UnitPicker(props: { tree: PickerUnit }) {
  return (
    <>
      <input
        type="search"
        data-unit-filter
        placeholder="Lọc đơn vị đã mở theo tên (có dấu hoặc không)"
        aria-label="Lọc đơn vị"
      />
      <ul class="unit-tree">
        <UnitNode unit={props.tree} />
      </ul>
      <p class="muted" data-unit-summary role="status" />
    </>
  );
}
