// The officer behind a request, as the auth middleware resolved it. Every officer-visible query takes its scope.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { OfficerRole } from "../../db/schema/officers";
import { units } from "../../db/schema/units";

export interface Principal {
  officerId: string;
  email: string;
  name: string;
  role: OfficerRole;
  unitId: number;
  /** The materialised path of the officer's unit: their scope is every unit whose path starts with it. */
  unitPath: string;
  via: "token" | "session";
  sessionId?: string;
  csrfToken?: string;
}

/**
 * The one scope filter: true when the unit in `unitColumn` is the principal's unit or below it. Used by every
 * query that returns officer-visible rows, so scope is decided in one place.
 */
export function inScope(principal: Pick<Principal, "unitPath">, unitColumn: SQLWrapper): SQL {
  return sql`${unitColumn} in (select ${units.id} from ${units} where ${units.path} like ${`${principal.unitPath}%`})`;
}

/** Whether a unit path lies within the principal's scope (for units already loaded). */
export function pathInScope(principal: Pick<Principal, "unitPath">, path: string): boolean {
  return path.startsWith(principal.unitPath);
}
