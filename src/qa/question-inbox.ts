// Routing an escalated question: the person's own unit if known (contacts.unit_id), else the unit the office
// configured (QA_DEFAULT_UNIT, the country by default); then the most specific routing rule for the topic of the best
// article's statute may send it elsewhere. The due date counts working days from now (working-days.ts).
import type { Db } from "../../db/db";
import { runStatement } from "../../db/db";
import type { UnitKind } from "../../db/schema/units";
import type { EscalationRoute, QuestionInbox } from "../engine/ports";
import type { QaSettings } from "./qa-settings";
import { unitLabel } from "./unit-label";
import { dueAfterWorkingDays } from "./working-days";

// One round trip: the starting unit (the contact's, else the configured default, else the country), the topic of
// the article's statute, and the deepest rule whose from-unit contains the starting unit; then the target's names.
const ROUTE = `with start as (
  select u.id, u.path from units u
  where u.id = (select unit_id from contacts where id = $1::uuid)
     or (u.code = $2::text and u.valid_to is null)
     or u.kind = 'country'
  order by (u.id = (select unit_id from contacts where id = $1::uuid)) desc nulls last,
    (u.code = $2::text) desc, u.id
  limit 1
), topic as (
  select d.topic_id from articles a join legal_documents d on d.id = a.document_id where a.id = $3::int
), rule as (
  select r.to_unit_id from question_routes r
  join units f on f.id = r.from_unit_id
  where r.topic_id = (select topic_id from topic) and (select path from start) like f.path || '%'
  order by length(f.path) desc limit 1
), target as (
  select coalesce((select to_unit_id from rule), (select id from start)) as id
)
select t.id as unit_id, t.kind, t.full_name, p.full_name as parent_full_name,
  (select topic_id from topic) as topic_id
from units t left join units p on p.id = t.parent_id
where t.id = (select id from target)`;

interface RouteRow {
  unit_id: number;
  kind: UnitKind;
  full_name: string;
  parent_full_name: string | null;
  topic_id: number | null;
}

export async function routeQuestion(
  db: Db,
  settings: QaSettings,
  contactId: string,
  bestArticleId: number | null,
  now: Date,
): Promise<EscalationRoute> {
  const [row] = await runStatement<RouteRow>(db, ROUTE, [contactId, settings.defaultUnitCode, bestArticleId ?? 0]);
  if (!row) throw new Error("no unit to route a question to: the units are not seeded");
  return {
    unitId: row.unit_id,
    unitName: unitLabel({ kind: row.kind, fullName: row.full_name, parentFullName: row.parent_full_name }),
    topicId: row.topic_id,
    dueAt: dueAfterWorkingDays(now, settings.dueWorkingDays),
  };
}

export function createQuestionInbox(db: Db, settings: QaSettings, now: () => Date): QuestionInbox {
  return { route: (contactId, bestArticleId) => routeQuestion(db, settings, contactId, bestArticleId, now()) };
}
