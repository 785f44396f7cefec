// Every survey the service knows, validated when loaded: a broken definition stops the load with its key and the
// path of the problem. Add a survey by adding its file and listing it here.
import { answerFeedback } from "./answer-feedback";
import { lawDayQuiz } from "./law-day-quiz";
import { legalAccessSatisfaction } from "./legal-access-satisfaction";
import { pbgdplSatisfaction } from "./pbgdpl-satisfaction";
import { surveyDefinitionSchema, type SurveyDefinition, type SurveyInput } from "./schema";

export const surveyFiles: Record<string, SurveyInput> = {
  "surveys/pbgdpl-satisfaction.ts": pbgdplSatisfaction,
  "surveys/legal-access-satisfaction.ts": legalAccessSatisfaction,
  "surveys/law-day-quiz.ts": lawDayQuiz,
  "surveys/answer-feedback.ts": answerFeedback,
};

export class SurveyDefinitionError extends Error {}

export function loadSurveys(files: Record<string, SurveyInput> = surveyFiles): SurveyDefinition[] {
  const surveys = Object.entries(files).map(([path, input]) => {
    const parsed = surveyDefinitionSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new SurveyDefinitionError(`${path}: ${problems}`);
    }
    return parsed.data;
  });
  const keys = surveys.map((s) => `${s.key}@${s.version}`);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) throw new SurveyDefinitionError(`khảo sát ${duplicate} được định nghĩa hai lần`);
  return surveys;
}
