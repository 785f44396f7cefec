// Who a campaign reaches, as one SQL condition shared by planning (the ledger) and the preview (audience size), so
// the number an officer sees before scheduling is the number the ledger gets: contacts on a chosen channel, with a
// live subscription to news or to one of the audience topics, whose unit lies in an audience unit's subtree and in
// the officer's scope, neither opted out nor unreachable.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { NEWS_SUBSCRIPTION } from "../../db/schema/subscriptions";
import { findUnitByCode } from "../officers/officer-service";

export interface AudienceSpec {
  channels: string[];
  /** Materialised paths of the audience units ("/1/2/"): their subtrees. */
  unitPaths: string[];
  /** Topic slugs; a "news" subscriber is always in. */
  topics: string[];
  /** The scope of the officer acting: nobody outside it, whatever the audience says. */
  scopePath: string;
}

/** Paths of the audience's unit codes that still exist (a code retired since creation drops out). */
export async function audienceUnitPaths(db: Db, unitCodes: string[]) {
  const found = [];
  for (const code of unitCodes) {
    const unit = await findUnitByCode(db, code);
    if (unit) found.push({ code: unit.code, name: unit.name, path: unit.path });
  }
  return found;
}

/**
 * `from contacts c join units u … where …`: the eligible contacts, as the tail of a select. Aliases `c` (contacts)
 * and `u` (the contact's unit) are free for the caller's select list.
 */
export function eligibleContactsFrom(spec: AudienceSpec): SQL {
  if (spec.channels.length === 0 || spec.unitPaths.length === 0) {
    return sql`from contacts c join units u on u.id = c.unit_id where false`;
  }
  const channels = sql.join(
    spec.channels.map((ch) => sql`${ch}`),
    sql`, `,
  );
  const subtrees = sql.join(
    spec.unitPaths.map((path) => sql`u.path like ${`${escapeLike(path)}%`}`),
    sql` or `,
  );
  const topics = sql.join(
    [NEWS_SUBSCRIPTION, ...spec.topics].map((t) => sql`${t}`),
    sql`, `,
  );
  return sql`from contacts c join units u on u.id = c.unit_id
    where c.channel in (${channels})
      and c.opted_out_at is null
      and c.unreachable_at is null
      and (${subtrees})
      and u.path like ${`${escapeLike(spec.scopePath)}%`}
      and exists (
        select 1 from subscriptions s
        where s.contact_id = c.id and s.unsubscribed_at is null and s.topic in (${topics})
      )`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rawRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

export interface AudienceSize {
  total: number;
  byChannel: Array<{ channel: string; count: number }>;
  byUnit: Array<{ unitCode: string; unitName: string; count: number }>;
}

/** How many people the campaign would reach now: in all, per channel, and per audience unit (subtrees may overlap). */
export async function audienceSize(
  db: Db,
  spec: AudienceSpec,
  units: Array<{ code: string; name: string; path: string }>,
) {
  const from = eligibleContactsFrom(spec);
  const byChannel = await rawRows<{ channel: string; count: number }>(
    db,
    sql`select c.channel as channel, count(*)::int as count ${from} group by c.channel order by c.channel`,
  );
  const byUnit: AudienceSize["byUnit"] = [];
  for (const unit of units) {
    const [row] = await rawRows<{ count: number }>(
      db,
      sql`select count(*)::int as count ${eligibleContactsFrom({ ...spec, unitPaths: [unit.path] })}`,
    );
    byUnit.push({ unitCode: unit.code, unitName: unit.name, count: Number(row?.count ?? 0) });
  }
  const counts = byChannel.map((r) => ({ channel: r.channel, count: Number(r.count) }));
  return { total: counts.reduce((sum, r) => sum + r.count, 0), byChannel: counts, byUnit } satisfies AudienceSize;
}
