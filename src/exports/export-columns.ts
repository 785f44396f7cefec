// What an exported row holds, for every format: the columns beside the answers (pseudonymous respondent, response,
// version, wave, unit, channel, status, times) and the answers as codes and labels, each labelled by the definition
// of the version the person answered. Wide: one row per response; long: one row per answer; JSONL: one object per
// response. Multiple choice in wide: the codes joined and their labels joined (to read), plus one 0/1 column per
// option (to count with SUM/COUNTIF or a pivot table, the way statistics tools want dummy variables); empty when the
// question was not asked, so "not chosen" (0) and "not asked" (empty) stay apart.
import { questionOptions, type AnswerValue, type Question, type SurveyDefinition } from "../../surveys/schema";
import type { ExportLayout } from "./export-request";
import type { ExportPlan } from "./export-plan";
import type { ExportAnswer, ExportResponse } from "./response-pages";

/** One cell: text, a number, an instant (each format writes it its own way), or nothing. */
export type Cell = string | number | Date | null;

export interface Column {
  key: string;
  /** Shown in the XLSX codebook beside the column key. */
  description: string;
}

export const CODE_SEPARATOR = ";";
export const LABEL_SEPARATOR = "; ";

const metaColumns: Array<Column & { value: (r: ExportResponse) => Cell }> = [
  {
    key: "respondent_id",
    description: "Mã giả danh người trả lời (trống nếu đã ẩn danh hoá)",
    value: (r) => r.respondentId,
  },
  { key: "response_id", description: "Mã phiếu trả lời", value: (r) => r.id },
  { key: "survey_version", description: "Phiên bản khảo sát", value: (r) => r.surveyVersion },
  { key: "wave_id", description: "Mã đợt khảo sát", value: (r) => r.waveId },
  { key: "wave_name", description: "Tên đợt khảo sát", value: (r) => r.waveName },
  { key: "wave_unit_code", description: "Mã đơn vị của đợt", value: (r) => r.waveUnitCode },
  { key: "unit_code", description: "Mã xã, phường người trả lời nêu", value: (r) => r.unitCode },
  { key: "unit_name", description: "Tên xã, phường người trả lời nêu", value: (r) => r.unitName },
  { key: "channel", description: "Kênh trả lời (web, telegram, zalo, zalo_oa)", value: (r) => r.channel },
  { key: "status", description: "Trạng thái (completed, in_progress, stopped, expired)", value: (r) => r.status },
  { key: "started_at", description: "Bắt đầu (giờ Việt Nam)", value: (r) => r.startedAt },
  { key: "completed_at", description: "Hoàn thành (giờ Việt Nam)", value: (r) => r.completedAt },
];

/** The questions of every version in the plan: the newest version's order, then any only older versions had. */
export function mergedQuestions(plan: ExportPlan): Question[] {
  const seen = new Map<string, Question>();
  for (const { definition } of [...plan.versions].reverse()) {
    for (const question of definition.questions) if (!seen.has(question.id)) seen.set(question.id, question);
  }
  return [...seen.values()];
}

/** Option codes of a multiple-choice question across versions, newest first, for its 0/1 columns. */
export function multiCodes(plan: ExportPlan, questionId: string): string[] {
  const codes: string[] = [];
  for (const { definition } of [...plan.versions].reverse()) {
    const question = definition.questions.find((q) => q.id === questionId);
    for (const option of (question && questionOptions(question)) ?? [])
      if (!codes.includes(option.code)) codes.push(option.code);
  }
  return codes;
}

/** Option labels by question and code, per definition, built once: an export looks up millions of answers. */
const labelIndexes = new WeakMap<SurveyDefinition, Map<string, Map<string, string>>>();

function labelIndex(definition: SurveyDefinition): Map<string, Map<string, string>> {
  let index = labelIndexes.get(definition);
  if (!index) {
    index = new Map();
    for (const question of definition.questions)
      index.set(question.id, new Map((questionOptions(question) ?? []).map((o) => [o.code, o.label])));
    labelIndexes.set(definition, index);
  }
  return index;
}

/** Labels of an answer under the definition it was given in (a code no longer defined stands for itself). */
export function answerLabels(definition: SurveyDefinition | undefined, answer: ExportAnswer): string[] | null {
  const value = answer.value;
  if (value.kind === "unit") return [value.name];
  if (value.kind !== "options") return null;
  const options = definition ? labelIndex(definition).get(answer.questionId) : undefined;
  return value.codes.map((code) => options?.get(code) ?? code);
}

function answerCode(value: AnswerValue): string | number {
  switch (value.kind) {
    case "options":
      return value.codes.join(CODE_SEPARATOR);
    case "unit":
      return value.code;
    default:
      return value.value;
  }
}

export const hasQuiz = (plan: ExportPlan) =>
  plan.versions.some((v) => v.definition.questions.some((q) => q.type === "quiz"));

/** Columns and a row maker for the layout. Rows are arrays in column order. */
export interface RowShape {
  columns: Column[];
  rows(response: ExportResponse): Cell[][];
}

export function rowShape(plan: ExportPlan, layout: ExportLayout): RowShape {
  return layout === "wide" ? wideShape(plan) : longShape(plan);
}

function definitionsOf(plan: ExportPlan): Map<number, SurveyDefinition> {
  return new Map(plan.versions.map((v) => [v.version, v.definition]));
}

function wideShape(plan: ExportPlan): RowShape {
  const definitions = definitionsOf(plan);
  type Part = Column & { value: (answer: ExportAnswer, labels: string[] | null) => Cell };
  const parts: Array<{ questionId: string; cells: Part[]; offset: number }> = [];
  for (const question of mergedQuestions(plan)) {
    const id = question.id;
    // Likert codes are the numbers 1–5: written as numbers, a spreadsheet can average them directly.
    const code =
      question.type === "likert5"
        ? (a: ExportAnswer) =>
            a.value.kind === "options" && a.value.codes.length === 1 ? Number(a.value.codes[0]) : null
        : (a: ExportAnswer) => answerCode(a.value);
    const cells: Part[] = [{ key: id, description: question.text, value: code }];
    const labelled = questionOptions(question) !== null || question.type === "unit";
    if (labelled)
      cells.push({
        key: `${id}_label`,
        description: `Nhãn của ${id}`,
        value: (_a, labels) => labels?.join(LABEL_SEPARATOR) ?? null,
      });
    if (question.type === "quiz")
      cells.push({
        key: `${id}_correct`,
        description: `${id} trả lời đúng (1) hay sai (0)`,
        value: (a) => (a.correct === null ? null : Number(a.correct)),
      });
    if (question.type === "multi") {
      for (const code of multiCodes(plan, id)) {
        const label = question.options.find((o) => o.code === code)?.label ?? code;
        cells.push({
          key: `${id}__${code}`,
          description: `${id}: đã chọn "${label}" (1) hay không (0)`,
          value: (a) => (a.value.kind === "options" ? Number(a.value.codes.includes(code)) : null),
        });
      }
    }
    parts.push({ questionId: id, cells, offset: 0 });
  }
  const quiz = hasQuiz(plan);
  const columns: Column[] = [
    ...metaColumns,
    ...parts.flatMap((p) => p.cells),
    ...(quiz ? [{ key: "score", description: "Số câu đố trả lời đúng" }] : []),
  ];
  const width = columns.length;
  // Where each question's cells start in a row, so an answer goes straight to its place.
  const partOf = new Map<string, (typeof parts)[number]>();
  let offset = metaColumns.length;
  for (const part of parts) {
    part.offset = offset;
    offset += part.cells.length;
    partOf.set(part.questionId, part);
  }
  return {
    columns: columns.map(({ key, description }) => ({ key, description })),
    rows(response) {
      const row: Cell[] = new Array(width).fill(null);
      for (let at = 0; at < metaColumns.length; at++) row[at] = metaColumns[at]!.value(response);
      const definition = definitions.get(response.surveyVersion);
      let score = 0;
      for (const answer of response.answers) {
        if (answer.correct === true) score++;
        const part = partOf.get(answer.questionId);
        if (!part) continue;
        const labels = answerLabels(definition, answer);
        for (let i = 0; i < part.cells.length; i++) row[part.offset + i] = part.cells[i]!.value(answer, labels);
      }
      if (quiz) row[width - 1] = score;
      return [row];
    },
  };
}

function longShape(plan: ExportPlan): RowShape {
  const definitions = definitionsOf(plan);
  const answerColumns: Column[] = [
    { key: "question_id", description: "Mã câu hỏi" },
    { key: "question_text", description: "Nội dung câu hỏi" },
    { key: "value", description: "Câu trả lời: mã lựa chọn (nhiều mã nối bằng ;), số, văn bản hoặc mã đơn vị" },
    { key: "label", description: "Nhãn của câu trả lời" },
    { key: "correct", description: "Câu đố: đúng (1) hay sai (0)" },
    { key: "answered_at", description: "Thời điểm trả lời (giờ Việt Nam)" },
  ];
  return {
    columns: [...metaColumns.map(({ key, description }) => ({ key, description })), ...answerColumns],
    rows(response) {
      const meta = metaColumns.map((c) => c.value(response));
      const definition = definitions.get(response.surveyVersion);
      return response.answers.map((answer) => {
        const question = definition?.questions.find((q) => q.id === answer.questionId);
        const labels = answerLabels(definition, answer);
        return [
          ...meta,
          answer.questionId,
          question?.text ?? null,
          answerCode(answer.value),
          labels?.join(LABEL_SEPARATOR) ?? null,
          answer.correct === null ? null : Number(answer.correct),
          new Date(answer.answeredAt),
        ];
      });
    },
  };
}

/** One JSONL line's object: the same facts as a wide row, with answers as stored plus their labels. */
export function jsonRecord(plan: ExportPlan, response: ExportResponse): Record<string, unknown> {
  const definition = plan.versions.find((v) => v.version === response.surveyVersion)?.definition;
  const answers: Record<string, unknown> = {};
  for (const answer of response.answers) {
    const labels = answerLabels(definition, answer);
    answers[answer.questionId] = {
      ...answer.value,
      ...(answer.value.kind === "options" ? { labels } : {}),
      ...(answer.correct === null ? {} : { correct: answer.correct }),
    };
  }
  return {
    respondent_id: response.respondentId,
    response_id: response.id,
    survey: plan.surveyKey,
    survey_version: response.surveyVersion,
    wave: { id: response.waveId, name: response.waveName, unit_code: response.waveUnitCode },
    unit: response.unitCode ? { code: response.unitCode, name: response.unitName } : null,
    channel: response.channel,
    status: response.status,
    started_at: response.startedAt.toISOString(),
    completed_at: response.completedAt?.toISOString() ?? null,
    ...(hasQuiz(plan) ? { score: response.answers.filter((a) => a.correct === true).length } : {}),
    answers,
  };
}

/** The codebook: one row per question and option, per version. */
export const codebookColumns: Column[] = [
  { key: "survey_version", description: "Phiên bản" },
  { key: "question_id", description: "Mã câu hỏi" },
  { key: "question_text", description: "Nội dung câu hỏi" },
  { key: "question_type", description: "Loại câu hỏi" },
  { key: "option_code", description: "Mã lựa chọn" },
  { key: "option_label", description: "Nhãn lựa chọn" },
  { key: "note", description: "Ghi chú (đáp án đúng, lựa chọn tích cực)" },
];

export function codebookRows(plan: ExportPlan): Cell[][] {
  const rows: Cell[][] = [];
  for (const { version, definition } of [...plan.versions].reverse()) {
    for (const question of definition.questions) {
      const options = questionOptions(question);
      const base = [version, question.id, question.text, question.type];
      if (!options) {
        const note =
          question.type === "number"
            ? `${question.min}–${question.max}${question.unit ? ` ${question.unit}` : ""}`
            : question.type === "unit"
              ? "mã đơn vị hành chính (nhãn: tên đơn vị)"
              : null;
        rows.push([...base, null, null, note]);
        continue;
      }
      for (const option of options) {
        const notes: string[] = [];
        if (question.type === "quiz" && question.correct.includes(option.code)) notes.push("đáp án đúng");
        if (question.positive?.includes(option.code)) notes.push("tích cực");
        rows.push([...base, option.code, option.label, notes.join(", ") || null]);
      }
    }
  }
  return rows;
}
