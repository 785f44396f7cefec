// Every scoring framework the service knows, validated when loaded against its schema and against the surveys it
// reads: a framework naming a survey, question or answer code that does not exist stops the load with the file and
// the path of the problem. Add a framework (a province's own criteria) by adding its file and listing it here.
import { loadSurveys } from "../catalog";
import { optionCodes, type SurveyDefinition } from "../schema";
import { lawDayAwareness } from "./law-day-awareness";
import { qd272025LegalAccess } from "./qd27-2025-legal-access";
import { frameworkSchema, type Framework, type FrameworkInput } from "./schema";
import { tt032018Impact } from "./tt03-2018-impact";

export const frameworkFiles: Record<string, FrameworkInput> = {
  "surveys/frameworks/tt03-2018-impact.ts": tt032018Impact,
  "surveys/frameworks/qd27-2025-legal-access.ts": qd272025LegalAccess,
  "surveys/frameworks/law-day-awareness.ts": lawDayAwareness,
};

export class FrameworkDefinitionError extends Error {}

export function loadFrameworks(
  files: Record<string, FrameworkInput> = frameworkFiles,
  surveys: SurveyDefinition[] = loadSurveys(),
): Framework[] {
  const frameworks = Object.entries(files).map(([path, input]) => {
    const parsed = frameworkSchema.safeParse(input);
    const problems = parsed.success
      ? surveyProblems(parsed.data, surveys)
      : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    if (problems.length > 0) throw new FrameworkDefinitionError(`${path}: ${problems.join("; ")}`);
    return parsed.data!;
  });
  const keys = frameworks.map((f) => f.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) throw new FrameworkDefinitionError(`bộ tiêu chí "${duplicate}" được định nghĩa hai lần`);
  return frameworks;
}

/** What a framework refers to that the surveys do not have, as "path: message" lines. */
function surveyProblems(framework: Framework, surveys: SurveyDefinition[]): string[] {
  // The latest version of each survey is the one whose questions and codes a framework is checked against.
  const byKey = new Map<string, SurveyDefinition>();
  for (const survey of surveys) {
    const known = byKey.get(survey.key);
    if (!known || known.version < survey.version) byKey.set(survey.key, survey);
  }
  const problems: string[] = [];
  framework.indicators.forEach((indicator, index) => {
    const at = `indicators.${index}`;
    if (indicator.kind === "quiz") {
      const survey = byKey.get(indicator.survey);
      if (!survey) problems.push(`${at}.survey: không có khảo sát "${indicator.survey}"`);
      else if (!survey.questions.some((q) => q.type === "quiz"))
        problems.push(`${at}.survey: khảo sát "${indicator.survey}" không có câu hỏi trắc nghiệm (quiz)`);
      return;
    }
    indicator.sources.forEach((source, i) => {
      const where = `${at}.sources.${i}`;
      const survey = byKey.get(source.survey);
      if (!survey) {
        problems.push(`${where}.survey: không có khảo sát "${source.survey}"`);
        return;
      }
      const question = survey.questions.find((q) => q.id === source.question);
      if (!question) {
        problems.push(`${where}.question: khảo sát "${source.survey}" không có câu "${source.question}"`);
        return;
      }
      const codes = optionCodes(question);
      if (!codes) {
        problems.push(`${where}.question: câu "${source.question}" không có lựa chọn để tính tỷ lệ tích cực`);
        return;
      }
      const positive = source.positive ?? question.positive;
      if (!positive || positive.length === 0)
        problems.push(`${where}.positive: câu "${source.question}" không nêu đáp án tích cực (positive)`);
      for (const code of positive ?? []) {
        if (!codes.includes(code))
          problems.push(`${where}.positive: "${code}" không phải một lựa chọn của câu "${source.question}"`);
      }
    });
  });
  return problems;
}
