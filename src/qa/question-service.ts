// Escalated questions as officers handle them: the inbox of their scope, claim, answer (citations checked against the
// statutes), close, and promote an answered question to an approved answer the bot then gives itself. Every change
// is a conditional update (a question moves only from the state the officer saw), audited in the same transaction.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/db";
import {
  type AnswerCitation,
  approvedAnswers,
  articles,
  legalDocuments,
  officers,
  questions,
  type QuestionStatus,
  units,
} from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "../officers/audit";
import { inScope, type Principal } from "../officers/principal";
import { foldText, normalizeText } from "../text/vietnamese";
import { unitLabel } from "./unit-label";

export type QuestionFilter = QuestionStatus | "overdue";

const parents = alias(units, "parent_units");
const claimers = alias(officers, "claimers");
const answerers = alias(officers, "answerers");

const columns = {
  id: questions.id,
  text: questions.text,
  channel: questions.channel,
  contactId: questions.contactId,
  unitId: questions.unitId,
  unitCode: units.code,
  unitKind: units.kind,
  unitFullName: units.fullName,
  parentFullName: parents.fullName,
  topicId: questions.topicId,
  status: questions.status,
  articles: questions.articles,
  createdAt: questions.createdAt,
  dueAt: questions.dueAt,
  overdueAt: questions.overdueAt,
  claimedAt: questions.claimedAt,
  claimedBy: claimers.name,
  claimedByOfficerId: questions.claimedByOfficerId,
  answeredAt: questions.answeredAt,
  answeredBy: answerers.name,
  answerText: questions.answerText,
  answerCitations: questions.answerCitations,
  closedAt: questions.closedAt,
  promotedAnswerId: questions.promotedAnswerId,
};

type Row = {
  [K in keyof typeof columns]: (typeof columns)[K]["_"]["notNull"] extends true
    ? (typeof columns)[K]["_"]["data"]
    : (typeof columns)[K]["_"]["data"] | null;
};

export type QuestionRecord = ReturnType<typeof toRecord>;

function toRecord(row: Row) {
  const { unitKind, unitFullName, parentFullName, contactId: _contact, claimedByOfficerId: _claimer, ...rest } = row;
  return {
    ...rest,
    unitName: unitLabel({ kind: unitKind!, fullName: unitFullName!, parentFullName }),
    unitCode: row.unitCode!,
    answerCitations: row.answerCitations ?? [],
    overdue: row.overdueAt !== null && (row.status === "open" || row.status === "claimed"),
  };
}

function selectQuestions(db: Db) {
  return db
    .select(columns)
    .from(questions)
    .innerJoin(units, eq(units.id, questions.unitId))
    .leftJoin(parents, eq(parents.id, units.parentId))
    .leftJoin(claimers, eq(claimers.id, questions.claimedByOfficerId))
    .leftJoin(answerers, eq(answerers.id, questions.answeredByOfficerId));
}

function filterCondition(filter: QuestionFilter): SQL {
  if (filter === "overdue") return and(isNotNull(questions.overdueAt), inArray(questions.status, ["open", "claimed"]))!;
  return eq(questions.status, filter);
}

// Folding in SQL: every Vietnamese letter with a diacritic (either case) and the plain lower-case letter foldText
// gives it, for translate(). Questions are stored NFC (normalizeText), so precomposed letters are all there is.
const FOLD_PAIRS = (() => {
  const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  const letters = [..."aăâeêioôơuưy"].flatMap((base) => tones.map((tone) => `${base}${tone}`.normalize("NFC")));
  const all = [...letters, ..."đ"].flatMap((letter) => [letter, letter.toUpperCase()]);
  return all.filter((letter) => foldText(letter) !== letter.toLowerCase() || letter !== letter.toLowerCase());
})();
const FOLD_FROM = FOLD_PAIRS.join("");
const FOLD_TO = FOLD_PAIRS.map((letter) => foldText(letter)).join("");

/** Escapes LIKE's wildcards so a searched "50%" means those characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface QuestionListQuery {
  status?: QuestionFilter;
  /** Only open or claimed questions past due, whatever the status filter says besides (the console's checkbox). */
  overdueOnly?: boolean;
  /** Only questions of this unit and the units below it (still within the principal's scope). */
  unitCode?: string;
  /** Words the question's text contains, compared folded ("ly hon" finds "Ly hôn"). */
  q?: string;
  page: number;
  pageSize: number;
}

export async function listQuestions(db: Db, principal: Principal, query: QuestionListQuery) {
  const conditions: SQL[] = [inScope(principal, questions.unitId)];
  if (query.status) conditions.push(filterCondition(query.status));
  if (query.overdueOnly) conditions.push(filterCondition("overdue"));
  if (query.unitCode) {
    // Every period of the code (a unit row is one code over one validity period), with what lies below it.
    conditions.push(
      sql`${questions.unitId} in (select c.id from ${units} c join ${units} u on c.path like u.path || '%'
        where u.code = ${query.unitCode})`,
    );
  }
  const words = query.q ? foldText(normalizeText(query.q)).trim() : "";
  if (words) {
    conditions.push(sql`translate(lower(${questions.text}), ${FOLD_FROM}, ${FOLD_TO}) like ${likePattern(words)}`);
  }
  const where = and(...conditions);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(questions).where(where);
  // The unanswered ones are worked on by due date; the rest are looked up, newest first.
  const order =
    query.status === "open" || query.status === "claimed" || query.status === "overdue" || query.overdueOnly
      ? [asc(questions.dueAt), asc(questions.id)]
      : [desc(questions.createdAt), asc(questions.id)];
  const rows = await selectQuestions(db)
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((r) => toRecord(r as Row)), page: query.page, pageSize: query.pageSize, total };
}

/** The units in the principal's scope that have questions, for the inbox's unit filter (most questions first). */
export async function questionUnits(db: Db, principal: Principal) {
  const rows = await db
    .select({
      code: units.code,
      kind: units.kind,
      fullName: units.fullName,
      parentFullName: parents.fullName,
      total: count(),
    })
    .from(questions)
    .innerJoin(units, eq(units.id, questions.unitId))
    .leftJoin(parents, eq(parents.id, units.parentId))
    .where(inScope(principal, questions.unitId))
    .groupBy(units.code, units.kind, units.fullName, parents.fullName)
    .orderBy(desc(count()), asc(units.code));
  return rows.map((r) => ({ code: r.code, name: unitLabel(r), total: r.total }));
}

/** One question in the principal's scope, or null (absent and out of scope look the same). */
export async function getQuestion(db: Db, principal: Principal, id: string) {
  const [row] = await selectQuestions(db).where(and(eq(questions.id, id), inScope(principal, questions.unitId)));
  return row ? { ...toRecord(row as Row), contactId: row.contactId, claimedByOfficerId: row.claimedByOfficerId } : null;
}

const statusWords: Record<QuestionStatus, string> = {
  open: "đang chờ",
  claimed: "đã có cán bộ nhận",
  answered: "đã được trả lời",
  closed: "đã đóng",
};

function notFound(): never {
  throw new ApiError("not_found", "Không có câu hỏi này trong phạm vi của bạn");
}

function conflict(message: string): never {
  throw new ApiError("conflict", message);
}

export async function claimQuestion(db: Db, principal: Principal, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const current = (await getQuestion(tx, principal, id)) ?? notFound();
    if (current.status === "claimed" && current.claimedByOfficerId === principal.officerId) return current;
    if (current.status !== "open") conflict(`Câu hỏi ${statusWords[current.status]}, không thể nhận nữa`);
    const updated = await tx
      .update(questions)
      .set({ status: "claimed", claimedAt: now, claimedByOfficerId: principal.officerId })
      .where(and(eq(questions.id, id), eq(questions.status, "open")))
      .returning({ id: questions.id });
    if (updated.length === 0) conflict("Câu hỏi vừa được cán bộ khác nhận");
    await recordAudit(tx, principal, {
      action: "question.claim",
      targetType: "question",
      targetId: id,
      unitId: current.unitId,
    });
    return (await getQuestion(tx, principal, id))!;
  });
}

export interface CitationInput {
  document: string;
  article: string;
}

/** Each citation must name a published statute (its title as imported) and one of its articles: 400 otherwise. */
export async function resolveCitations(db: Db, citations: CitationInput[]): Promise<AnswerCitation[]> {
  const resolved: AnswerCitation[] = [];
  for (const [index, citation] of citations.entries()) {
    const document = normalizeText(citation.document).trim();
    const number = normalizeText(citation.article)
      .trim()
      .replace(/^điều\s+/i, "");
    const [statute] = await db
      .select({ id: legalDocuments.id, title: legalDocuments.title })
      .from(legalDocuments)
      .where(and(sql`lower(${legalDocuments.title}) = lower(${document})`, eq(legalDocuments.status, "published")))
      .limit(1);
    if (!statute)
      throw new ApiError(
        "invalid_request",
        `Không có văn bản "${citation.document}" trong kho văn bản`,
        `citations.${index}.document`,
      );
    const [article] = await db
      .select({ id: articles.id, number: articles.number })
      .from(articles)
      .where(and(eq(articles.documentId, statute.id), eq(articles.number, number)));
    if (!article)
      throw new ApiError(
        "invalid_request",
        `${statute.title} không có Điều ${citation.article}`,
        `citations.${index}.article`,
      );
    resolved.push({ document: statute.title, article: article.number, articleId: article.id });
  }
  return resolved;
}

export async function answerQuestion(
  db: Db,
  principal: Principal,
  id: string,
  input: { text: string; citations: CitationInput[] },
  now: Date,
) {
  const current = (await getQuestion(db, principal, id)) ?? notFound();
  if (current.status === "answered" || current.status === "closed")
    conflict(`Câu hỏi ${statusWords[current.status]}; không thể trả lời lại`);
  if (current.status === "claimed" && current.claimedByOfficerId !== principal.officerId)
    conflict(`Câu hỏi đã được ${current.claimedBy ?? "cán bộ khác"} nhận; chỉ người nhận mới trả lời được`);
  const citations = await resolveCitations(db, input.citations);
  const updated = await db
    .update(questions)
    .set({
      status: "answered",
      answeredAt: now,
      answeredByOfficerId: principal.officerId,
      answerText: normalizeText(input.text).trim(),
      answerCitations: citations,
      // Answering an open question takes it as well.
      claimedAt: current.claimedAt ?? now,
      claimedByOfficerId: current.claimedByOfficerId ?? principal.officerId,
    })
    .where(and(eq(questions.id, id), eq(questions.status, current.status)))
    .returning({ id: questions.id });
  if (updated.length === 0) conflict("Câu hỏi vừa được thay đổi bởi cán bộ khác; hãy tải lại");
  await recordAudit(db, principal, {
    action: "question.answer",
    targetType: "question",
    targetId: id,
    unitId: current.unitId,
    details: { citations: citations.map((c) => `${c.document} ${c.article}`) },
  });
  return {
    question: (await getQuestion(db, principal, id))!,
    contactId: current.contactId,
    channel: current.channel,
  };
}

export async function closeQuestion(db: Db, principal: Principal, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const current = (await getQuestion(tx, principal, id)) ?? notFound();
    if (current.status === "closed") conflict("Câu hỏi đã đóng");
    const updated = await tx
      .update(questions)
      .set({ status: "closed", closedAt: now })
      .where(and(eq(questions.id, id), eq(questions.status, current.status)))
      .returning({ id: questions.id });
    if (updated.length === 0) conflict("Câu hỏi vừa được thay đổi bởi cán bộ khác; hãy tải lại");
    await recordAudit(tx, principal, {
      action: "question.close",
      targetType: "question",
      targetId: id,
      unitId: current.unitId,
      details: { from: current.status },
    });
    return (await getQuestion(tx, principal, id))!;
  });
}

/** An answered question (optionally reworded) becomes an approved answer; once per question. */
export async function promoteQuestion(
  db: Db,
  principal: Principal,
  id: string,
  edits: { question?: string; answer?: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const current = (await getQuestion(tx, principal, id)) ?? notFound();
    if (current.answerText === null) conflict(`Câu hỏi ${statusWords[current.status]} và chưa có câu trả lời`);
    if (current.promotedAnswerId !== null) conflict("Câu hỏi này đã được đưa vào câu trả lời mẫu");
    const [answer] = await tx
      .insert(approvedAnswers)
      .values({
        question: normalizeText(edits.question ?? current.text).trim(),
        answer: normalizeText(edits.answer ?? current.answerText).trim(),
        citations: current.answerCitations,
        unitId: current.unitId,
        sourceQuestionId: id,
        status: "published",
        approvedByOfficerId: principal.officerId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const updated = await tx
      .update(questions)
      .set({ promotedAnswerId: answer!.id })
      .where(and(eq(questions.id, id), isNull(questions.promotedAnswerId)))
      .returning({ id: questions.id });
    if (updated.length === 0) conflict("Câu hỏi này đã được đưa vào câu trả lời mẫu");
    await recordAudit(tx, principal, {
      action: "question.promote",
      targetType: "question",
      targetId: id,
      unitId: current.unitId,
      details: { approvedAnswerId: answer!.id, edited: edits.question !== undefined || edits.answer !== undefined },
    });
    return { ...answer!, unitCode: current.unitCode };
  });
}

/** Marks open or claimed questions past due, once each; returns how many. */
export async function flagOverdueQuestions(db: Db, now: Date): Promise<number> {
  const flagged = await db
    .update(questions)
    .set({ overdueAt: now })
    .where(
      and(
        inArray(questions.status, ["open", "claimed"]),
        isNull(questions.overdueAt),
        sql`${questions.dueAt} < ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: questions.id });
  return flagged.length;
}
