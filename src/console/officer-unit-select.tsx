// The unit picker of the officers and surveys pages: a select of the units in the officer's scope (their own unit,
// then each child with its children grouped under it), so nobody can pick a unit the API would refuse. A national
// scope holds thousands of communes: then the select offers the country and provinces, and a code field beside it
// takes any commune code (the API checks it is in scope).
import { and, asc, isNull, like } from "drizzle-orm";
import type { Db } from "../../db/db";
import { units } from "../../db/schema/index";
import type { Principal } from "../officers/principal";

export interface UnitChoice {
  code: string;
  name: string;
  depth: number;
}

export interface UnitChoices {
  /** Every unit in the select, the officer's own first, children after their parent. */
  items: UnitChoice[];
  /** True when the scope is too large for one select and deeper units are typed as a code. */
  truncated: boolean;
}

// A select past a few hundred options is unusable on a phone, and a province has at most about 170 communes.
const MAX_OPTIONS = 400;

export async function loadUnitChoices(db: Db, principal: Pick<Principal, "unitPath">): Promise<UnitChoices> {
  const rows = await db
    .select({ code: units.code, name: units.fullName, path: units.path })
    .from(units)
    .where(and(like(units.path, `${principal.unitPath}%`), isNull(units.validTo)))
    .orderBy(asc(units.path));
  const rootDepth = principal.unitPath.split("/").filter(Boolean).length;
  const all = rows.map((r) => ({
    code: r.code,
    name: r.name,
    path: r.path,
    depth: r.path.split("/").filter(Boolean).length - rootDepth,
  }));
  const truncated = all.length > MAX_OPTIONS;
  const kept = truncated ? all.filter((u) => u.depth <= 1) : all;
  // Children after their parent, siblings by name: the path order keeps the tree, the name order reads well.
  const byParent = new Map<string, typeof kept>();
  for (const unit of kept) {
    const parentPath = unit.path.replace(/[^/]+\/$/, "");
    byParent.set(parentPath, [...(byParent.get(parentPath) ?? []), unit]);
  }
  const items: UnitChoice[] = [];
  const walk = (parentPath: string) => {
    const children = [...(byParent.get(parentPath) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "vi"));
    for (const child of children) {
      items.push({ code: child.code, name: child.name, depth: child.depth });
      walk(child.path);
    }
  };
  const root = kept.find((u) => u.depth === 0);
  if (root) {
    items.push({ code: root.code, name: root.name, depth: 0 });
    walk(root.path);
  }
  return { items, truncated };
}

/** A labelled select named `name`, and (for a large scope) a code field under the same name that wins when filled. */
export function UnitSelect(props: {
  name: string;
  label: string;
  choices: UnitChoices;
  selected?: string | undefined;
  disabled?: boolean;
}) {
  const { choices } = props;
  return (
    <>
      <label>
        {props.label}
        <select name={props.name} required disabled={props.disabled}>
          {choices.items.map((unit) => (
            <option value={unit.code} selected={unit.code === props.selected}>
              {`${"— ".repeat(unit.depth)}${unit.name} (${unit.code})`}
            </option>
          ))}
        </select>
      </label>
      {choices.truncated && !props.disabled ? (
        <label>
          Hoặc mã xã/phường (nếu không có trong danh sách)
          <input name={props.name} inputmode="numeric" pattern="[A-Za-z0-9_-]{1,20}" placeholder="VD: 00004" />
        </label>
      ) : null}
    </>
  );
}
