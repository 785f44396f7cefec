// Which survey responses an officer may read, in one place for the responses API, the exports and anything else
// that lists answers: a response is theirs when its wave's unit or the unit the respondent named lies in their
// subtree. A province officer thus reads their communes' answers to a national wave, and a national officer reads
// every commune's. Only survey_responses is referenced (the waves through a subquery), so a caller can pick a page
// from that table's indexes before joining anything.
import { or, sql, type SQL } from "drizzle-orm";
import { surveyResponses, surveyWaves } from "../../db/schema/index";
import { inScope, type Principal } from "../officers/principal";

export function responsesInScope(scope: Pick<Principal, "unitPath">): SQL {
  const waves = sql`select ${surveyWaves.id} from ${surveyWaves} where ${inScope(scope, surveyWaves.unitId)}`;
  return or(sql`${surveyResponses.waveId} in (${waves})`, inScope(scope, surveyResponses.unitId))!;
}
