// What the citizen receives when an officer answers: the question it answers (so a reply days later makes sense),
// the officer's unit, the answer and its legal basis, then "was this helpful?" naming the question it rates.
import { questionOptions } from "../../surveys/schema";
import { homeOption } from "../engine/menu";
import { messages } from "../engine/messages";
import { optionLabel } from "../engine/option-label";
import { qaValues } from "../engine/qa-dialogue";
import type { Reply } from "../engine/replies";
import { cutToLength } from "../text/graphemes";
import { surveyCatalog } from "../surveys/survey-repository";

export function officerAnswerReplies(question: {
  id: string;
  text: string;
  unitName: string;
  answerText: string | null;
  answerCitations: Array<{ document: string; article: string }>;
}): Reply[] {
  const m = messages.qa;
  const basis = question.answerCitations.map((c) => m.citation(c.article, c.document));
  const text = [
    m.officerAnswer(question.unitName, cutToLength(question.text, 300)),
    "",
    question.answerText ?? "",
    ...(basis.length > 0 ? ["", m.basis(basis)] : []),
  ].join("\n");
  const helpful = surveyCatalog()
    .get("answer_feedback")
    ?.questions.find((q) => q.id === "helpful");
  const ratings = (helpful ? (questionOptions(helpful) ?? []) : []).map((o) => ({
    label: optionLabel(o.label),
    value: qaValues.rateOfficer(question.id, o.code),
  }));
  return [{ text }, { text: m.helpful, options: [...ratings, homeOption] }];
}
