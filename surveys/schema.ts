// What a survey definition is. A survey is data: a new survey is a new file in surveys/, validated here when it is
// loaded and in the test suite. A published version never changes; a change is a new version, and every stored
// answer points at the version it answered.
import { z } from "zod";

export const indicatorTags = [
  "self_learning",
  "knows_law",
  "understands_law",
  "satisfaction",
  "helpful",
  "legal_access",
] as const;
export type IndicatorTag = (typeof indicatorTags)[number];

/** What a person's answer is stored as: option codes, a number, free text, or a unit. Shared by engine and db. */
export const answerValueSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("options"), codes: z.array(z.string()) }),
  z.object({ kind: z.literal("number"), value: z.number() }),
  z.object({ kind: z.literal("text"), value: z.string() }),
  z.object({ kind: z.literal("unit"), code: z.string(), name: z.string() }),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const responseStatuses = ["in_progress", "completed", "stopped", "expired"] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const sensitiveCategories = ["ethnicity", "religion", "health"] as const;
export type SensitiveCategory = (typeof sensitiveCategories)[number];

const code = z.string().regex(/^[a-z0-9_]{1,32}$/, "mã lựa chọn chỉ gồm a-z, 0-9, _ (tối đa 32 ký tự)");
const questionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "mã câu hỏi bắt đầu bằng chữ, gồm a-z, 0-9, _");
const vietnameseText = z.string().trim().min(1).max(2000);

export const optionSchema = z.object({ code, label: z.string().trim().min(1).max(100) });
export type SurveyOption = z.infer<typeof optionSchema>;

/** Show a question only when an earlier question's answer is (or includes) one of the codes. */
export type Condition = { question: string; in: string[] } | { all: Condition[] } | { any: Condition[] };
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: questionId, in: z.array(z.string().min(1)).min(1) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
  ]),
);

const base = {
  id: questionId,
  text: vietnameseText,
  required: z.boolean().default(true),
  showIf: conditionSchema.optional(),
  /** What the scoring step measures with this question, and which answers count as positive for it. */
  indicator: z.enum(indicatorTags).optional(),
  positive: z.array(code).optional(),
  /** Ethnicity, religion and health are sensitive personal data: never asked unless flagged here. */
  sensitive: z.enum(sensitiveCategories).optional(),
  /** Could point to the person (age, gender, …): never asked of a child answering anonymously. Unit questions are. */
  identifying: z.boolean().optional(),
};

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("single"), options: z.array(optionSchema).min(2).max(12) }).strict(),
  z
    .object({
      ...base,
      type: z.literal("multi"),
      options: z.array(optionSchema).min(2).max(12),
      maxSelected: z.number().int().min(1).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("likert5") }).strict(),
  z.object({ ...base, type: z.literal("yes_no_dk") }).strict(),
  z
    .object({
      ...base,
      type: z.literal("number"),
      min: z.number().int(),
      max: z.number().int(),
      unit: z.string().max(20).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("text"), maxLength: z.number().int().min(1).max(2000) }).strict(),
  z.object({ ...base, type: z.literal("unit"), level: z.enum(["commune", "province"]) }).strict(),
  z
    .object({
      ...base,
      type: z.literal("quiz"),
      options: z.array(optionSchema).min(2).max(8),
      correct: z.array(code).min(1),
      explanation: vietnameseText,
      citation: z.object({ document: z.string().min(1), article: z.string().min(1) }),
    })
    .strict(),
]);
export type Question = z.infer<typeof questionSchema>;

export const surveyDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "khoá khảo sát gồm a-z, 0-9, _"),
    version: z.number().int().min(1),
    title: z.string().trim().min(1).max(200),
    /** Why the office asks: shown in the consent step as the purpose of processing. */
    purpose: vietnameseText,
    /** What the answers reveal, in plain words, listed in the consent step ("mức độ hài lòng", "nhóm tuổi", …). */
    collects: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
    intro: vietnameseText,
    outro: vietnameseText,
    /**
     * What an under-16 may do (Law 91/2025 art. 24: a child's data rights belong to the legal representative):
     * "anonymous" takes it with no link to the chat identity and no identifying question; "excluded" not at all.
     */
    minors: z.enum(["anonymous", "excluded"]),
    questions: z.array(questionSchema).min(1).max(60),
  })
  .strict()
  .superRefine((survey, ctx) => {
    // The number of questions asked depends on the answers (and on the age group): an intro never states it.
    if (/\d+\s*câu/iu.test(survey.intro))
      ctx.addIssue({ code: "custom", path: ["intro"], message: "lời giới thiệu không nêu số câu hỏi" });
    const sensitive = survey.questions.filter((q) => q.sensitive);
    for (const question of sensitive) {
      const label = sensitiveLabels[question.sensitive!];
      if (!survey.collects.some((c) => c.toLowerCase().includes(label))) {
        ctx.addIssue({
          code: "custom",
          path: ["collects"],
          message: `câu "${question.id}" hỏi về ${label}: phải nêu "${label}" trong collects`,
        });
      }
    }
    const seen = new Map<string, Question>();
    survey.questions.forEach((question, index) => {
      const at = (...path: Array<string | number>) => ["questions", index, ...path];
      if (seen.has(question.id))
        ctx.addIssue({ code: "custom", path: at("id"), message: `câu hỏi "${question.id}" bị trùng` });
      const codes = optionCodes(question);
      if (codes && new Set(codes).size !== codes.length)
        ctx.addIssue({ code: "custom", path: at("options"), message: "mã lựa chọn bị trùng" });
      for (const positive of question.positive ?? []) {
        if (codes && !codes.includes(positive))
          ctx.addIssue({
            code: "custom",
            path: at("positive"),
            message: `"${positive}" không phải một lựa chọn của câu này`,
          });
      }
      if (question.positive && !codes)
        ctx.addIssue({
          code: "custom",
          path: at("positive"),
          message: "chỉ câu hỏi có lựa chọn mới có đáp án tích cực",
        });
      if (question.type === "quiz") {
        for (const correct of question.correct) {
          if (!codes!.includes(correct))
            ctx.addIssue({
              code: "custom",
              path: at("correct"),
              message: `"${correct}" không phải một lựa chọn của câu này`,
            });
        }
      }
      if (question.type === "multi" && question.maxSelected && question.maxSelected > question.options.length) {
        ctx.addIssue({ code: "custom", path: at("maxSelected"), message: "nhiều hơn số lựa chọn" });
      }
      if (question.type === "number" && question.min > question.max)
        ctx.addIssue({ code: "custom", path: at("min"), message: "min lớn hơn max" });
      if (question.showIf) {
        for (const referenced of conditionQuestions(question.showIf)) {
          const earlier = seen.get(referenced);
          if (!earlier) {
            ctx.addIssue({
              code: "custom",
              path: at("showIf"),
              message: `điều kiện nhắc tới câu "${referenced}" không có ở trước câu này`,
            });
          }
        }
      }
      seen.set(question.id, question);
    });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyInput = z.input<typeof surveyDefinitionSchema>;

export const likertOptions: SurveyOption[] = [
  { code: "5", label: "Rất hài lòng" },
  { code: "4", label: "Hài lòng" },
  { code: "3", label: "Bình thường" },
  { code: "2", label: "Không hài lòng" },
  { code: "1", label: "Rất không hài lòng" },
];

export const yesNoOptions: SurveyOption[] = [
  { code: "yes", label: "Có" },
  { code: "no", label: "Không" },
  { code: "dk", label: "Không rõ" },
];

/** The option codes a question accepts, or null for free answers (number, text, unit). */
export function optionCodes(question: Question): string[] | null {
  return questionOptions(question)?.map((o) => o.code) ?? null;
}

export function questionOptions(question: Question): SurveyOption[] | null {
  switch (question.type) {
    case "single":
    case "multi":
    case "quiz":
      return question.options;
    case "likert5":
      return likertOptions;
    case "yes_no_dk":
      return yesNoOptions;
    default:
      return null;
  }
}

export function conditionQuestions(condition: Condition): string[] {
  if ("question" in condition) return [condition.question];
  return ("all" in condition ? condition.all : condition.any).flatMap(conditionQuestions);
}

export const sensitiveLabels: Record<SensitiveCategory, string> = {
  ethnicity: "dân tộc",
  religion: "tôn giáo",
  health: "sức khỏe",
};
