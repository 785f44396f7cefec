// Every officer route × every role × in scope / out of scope / no token: the exact status, and never a row from
// outside the caller's scope in any response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "../../../db/db";
import {
  approvedAnswers,
  campaigns,
  contacts,
  documentAmendments,
  type OfficerRole,
  officers,
  questionRoutes,
  questions,
  topics,
  units,
} from "../../../db/schema/index";
import { hashPassword } from "../../../src/officers/credentials";
import { roleRank } from "../../../src/officers/roles";
import {
  OUT_OF_SCOPE_MARKER,
  ROLES,
  unique,
  type OfficerWorld,
  openOfficerWorld,
} from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

interface RouteCase {
  name: string;
  least: OfficerRole;
  ok: number;
  inScope: (w: OfficerWorld, role: OfficerRole) => Call | Promise<Call>;
  /** The same request aimed outside the caller's scope, and what it must answer; absent for unscoped routes. */
  outOfScope?: { status: number; call: (w: OfficerWorld) => Call };
}

// The database of the world, for cases that need a fresh row per call (a question moves on once claimed).
let worldDb: Db;
let fresh = 0;

/** A question from a new contact in `unitCode`'s inbox; outside ones carry the marker, to catch leaks. */
async function freshQuestion(unitCode: string, answered = false): Promise<string> {
  const [unit] = await worldDb.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  const [contact] = await worldDb
    .insert(contacts)
    .values({ channel: "web", platformId: unique("hoi") })
    .returning({ id: contacts.id });
  const [row] = await worldDb
    .insert(questions)
    .values({
      contactId: contact!.id,
      channel: "web",
      text: unitCode === "00004" ? "Câu hỏi trong phạm vi" : `Câu hỏi ${OUT_OF_SCOPE_MARKER}`,
      unitId: unit!.id,
      dueAt: new Date(Date.now() + 86_400_000),
      ...(answered ? { status: "answered" as const, answerText: "Trả lời", answeredAt: new Date() } : {}),
    })
    .returning({ id: questions.id });
  return row!.id;
}

async function freshAnswer(unitCode: string): Promise<number> {
  const [unit] = await worldDb.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  const [row] = await worldDb
    .insert(approvedAnswers)
    .values({ question: `Câu hỏi mẫu ${++fresh}`, answer: "Trả lời mẫu", unitId: unit!.id })
    .returning({ id: approvedAnswers.id });
  return row!.id;
}

async function freshTopic(): Promise<number> {
  const [row] = await worldDb
    .insert(topics)
    .values({ slug: unique("linh-vuc"), name: `Lĩnh vực ${++fresh}` })
    .returning({ id: topics.id });
  return row!.id;
}

async function freshRule(fromUnitCode: string): Promise<number> {
  const [from] = await worldDb.select({ id: units.id }).from(units).where(eq(units.code, fromUnitCode));
  const [row] = await worldDb
    .insert(questionRoutes)
    .values({ fromUnitId: from!.id, topicId: await freshTopic(), toUnitId: from!.id })
    .returning({ id: questionRoutes.id });
  return row!.id;
}

/** A campaign of `unitCode` (audience: that unit) in the given state; outside ones carry the marker. */
async function freshCampaign(unitCode: string, state: "draft" | "scheduled" | "paused" = "draft"): Promise<number> {
  const [unit] = await worldDb.select({ id: units.id }).from(units).where(eq(units.code, unitCode));
  const [row] = await worldDb
    .insert(campaigns)
    .values({
      unitId: unit!.id,
      name: unitCode === "00004" ? `Chiến dịch ${++fresh}` : `Chiến dịch ${OUT_OF_SCOPE_MARKER}`,
      state,
      channels: ["web"],
      audience: { unitCodes: [unitCode] },
      messages: [{ text: "Tin chiến dịch" }],
      startAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: campaigns.id });
  return row!.id;
}

/** A web contact to receive a test send. */
async function freshWebContact(): Promise<string> {
  const platformId = unique("can-bo-web");
  await worldDb.insert(contacts).values({ channel: "web", platformId });
  return platformId;
}

const campaignBody = (unitCode: string) => ({
  name: "Chiến dịch thử quyền",
  unitCode,
  channels: ["web"],
  audience: { unitCodes: [unitCode] },
  messages: [{ text: "Tin chiến dịch" }],
  schedule: { startAt: new Date(Date.now() + 86_400_000).toISOString() },
});

const get = (path: string): Call => ({ method: "GET", path });
const post = (path: string, body?: unknown): Call => ({ method: "POST", path, body });
const patch = (path: string, body: unknown): Call => ({ method: "PATCH", path, body });

const routes: RouteCase[] = [
  { name: "GET /api/me", least: "viewer", ok: 200, inScope: () => get("/api/me") },
  { name: "GET /api/me/tokens", least: "viewer", ok: 200, inScope: () => get("/api/me/tokens") },
  {
    name: "POST /api/me/tokens",
    least: "viewer",
    ok: 201,
    inScope: () => post("/api/me/tokens", { name: unique("token") }),
  },
  {
    name: "DELETE /api/me/tokens/{id}",
    least: "viewer",
    ok: 204,
    // A token of the caller's own, made for the occasion; "outside" is somebody else's token.
    inScope: async () => ({ method: "DELETE", path: "/api/me/tokens/PLACEHOLDER" }),
    outOfScope: { status: 404, call: () => ({ method: "DELETE", path: "/api/me/tokens/PLACEHOLDER-OTHER" }) },
  },
  { name: "POST /api/auth/logout", least: "viewer", ok: 204, inScope: () => post("/api/auth/logout") },
  {
    name: "GET /api/units",
    least: "viewer",
    ok: 200,
    inScope: () => get("/api/units?parent=01"),
    outOfScope: { status: 404, call: (w) => get(`/api/units?parent=${w.outside.provinceCode}`) },
  },
  {
    name: "GET /api/units/{code}",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/units/${w.inside.communeCode}`),
    outOfScope: { status: 404, call: (w) => get(`/api/units/${w.outside.communeCode}`) },
  },
  {
    name: "GET /api/units/search",
    least: "viewer",
    ok: 200,
    inScope: () => get(`/api/units/search?q=${encodeURIComponent("Bến Thành")}`),
  },
  {
    name: "GET /api/contacts/stats",
    least: "viewer",
    ok: 200,
    inScope: () => get("/api/contacts/stats?unit=00004&by=channel"),
    outOfScope: { status: 404, call: (w) => get(`/api/contacts/stats?unit=${w.outside.provinceCode}`) },
  },
  {
    name: "GET /api/subscriptions/summary",
    least: "viewer",
    ok: 200,
    inScope: () => get("/api/subscriptions/summary?unit=00004"),
    outOfScope: { status: 404, call: (w) => get(`/api/subscriptions/summary?unit=${w.outside.provinceCode}`) },
  },
  { name: "GET /api/topics", least: "viewer", ok: 200, inScope: () => get("/api/topics") },
  // The synonym list is national content, like topics: everyone reads it, admins change it.
  { name: "GET /api/search/synonyms", least: "viewer", ok: 200, inScope: () => get("/api/search/synonyms") },
  {
    name: "POST /api/search/synonyms",
    least: "admin",
    ok: 201,
    inScope: () => post("/api/search/synonyms", { phrase: unique("cụm từ"), means: "thuật ngữ pháp luật" }),
  },
  {
    name: "DELETE /api/search/synonyms/{id}",
    least: "admin",
    ok: 204,
    // A synonym made for the occasion by the national admin.
    inScope: async () => ({ method: "DELETE", path: "/api/search/synonyms/SYNONYM" }),
  },
  {
    name: "POST /api/topics",
    least: "admin",
    ok: 201,
    inScope: () => post("/api/topics", { name: unique("Lĩnh vực") }),
  },
  {
    name: "PATCH /api/topics/{id}",
    least: "admin",
    ok: 200,
    inScope: () => patch("/api/topics/1", { description: unique("Mô tả") }),
  },
  { name: "GET /api/documents", least: "viewer", ok: 200, inScope: () => get("/api/documents?pageSize=200") },
  {
    name: "POST /api/documents",
    least: "officer",
    ok: 201,
    inScope: (w) => post("/api/documents", { title: unique("Văn bản mới"), unitCode: w.inside.communeCode }),
    outOfScope: {
      status: 400,
      call: (w) => post("/api/documents", { title: unique("Văn bản"), unitCode: w.outside.communeCode }),
    },
  },
  {
    name: "GET /api/documents/{id}",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/documents/${w.inside.documentId}`),
    outOfScope: { status: 404, call: (w) => get(`/api/documents/${w.outside.documentId}`) },
  },
  {
    name: "PATCH /api/documents/{id}",
    least: "officer",
    ok: 200,
    inScope: (w) => patch(`/api/documents/${w.inside.documentId}`, { source: unique("Nguồn") }),
    outOfScope: { status: 404, call: (w) => patch(`/api/documents/${w.outside.documentId}`, { source: "x" }) },
  },
  ...(["publish", "unpublish"] as const).map(
    (action): RouteCase => ({
      name: `POST /api/documents/{id}/${action}`,
      least: "officer",
      ok: 200,
      inScope: (w) => post(`/api/documents/${w.inside.documentId}/${action}`),
      outOfScope: { status: 404, call: (w) => post(`/api/documents/${w.outside.documentId}/${action}`) },
    }),
  ),
  {
    name: "GET /api/documents/{id}/articles",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/documents/${w.inside.documentId}/articles`),
    outOfScope: { status: 404, call: (w) => get(`/api/documents/${w.outside.documentId}/articles`) },
  },
  {
    name: "POST /api/documents/{id}/articles",
    least: "officer",
    ok: 201,
    inScope: (w) =>
      post(`/api/documents/${w.inside.documentId}/articles`, {
        number: String(100 + Math.floor(Math.random() * 1e6)),
        body: "Nội dung.",
      }),
    outOfScope: {
      status: 404,
      call: (w) => post(`/api/documents/${w.outside.documentId}/articles`, { number: "2", body: "Nội dung." }),
    },
  },
  {
    name: "PATCH /api/articles/{id}",
    least: "officer",
    ok: 200,
    inScope: (w) => patch(`/api/articles/${w.inside.articleId}`, { body: unique("Nội dung sửa") }),
    outOfScope: { status: 404, call: (w) => patch(`/api/articles/${w.outside.articleId}`, { body: "x" }) },
  },
  { name: "GET /api/lessons", least: "viewer", ok: 200, inScope: () => get("/api/lessons?pageSize=200") },
  {
    name: "POST /api/lessons",
    least: "officer",
    ok: 201,
    inScope: (w) =>
      post("/api/lessons", {
        title: unique("Bài"),
        summary: "Tóm tắt",
        body: "Nội dung",
        unitCode: w.inside.communeCode,
      }),
    outOfScope: {
      status: 400,
      call: (w) =>
        post("/api/lessons", { title: unique("Bài"), summary: "T", body: "N", unitCode: w.outside.provinceCode }),
    },
  },
  {
    name: "GET /api/lessons/{id}",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/lessons/${w.inside.lessonId}`),
    outOfScope: { status: 404, call: (w) => get(`/api/lessons/${w.outside.lessonId}`) },
  },
  {
    name: "PATCH /api/lessons/{id}",
    least: "officer",
    ok: 200,
    inScope: (w) => patch(`/api/lessons/${w.inside.lessonId}`, { summary: unique("Tóm tắt") }),
    outOfScope: { status: 404, call: (w) => patch(`/api/lessons/${w.outside.lessonId}`, { summary: "x" }) },
  },
  ...(["publish", "unpublish"] as const).map(
    (action): RouteCase => ({
      name: `POST /api/lessons/{id}/${action}`,
      least: "officer",
      ok: 200,
      inScope: (w) => post(`/api/lessons/${w.inside.lessonId}/${action}`),
      outOfScope: { status: 404, call: (w) => post(`/api/lessons/${w.outside.lessonId}/${action}`) },
    }),
  ),
  { name: "GET /api/officers", least: "manager", ok: 200, inScope: () => get("/api/officers?pageSize=200") },
  {
    name: "POST /api/officers",
    least: "manager",
    ok: 201,
    inScope: (w) =>
      post("/api/officers", {
        name: "Cán bộ mới",
        email: `${unique("moi")}@loa.test`,
        role: "viewer",
        unitCode: w.inside.communeCode,
      }),
    outOfScope: {
      status: 400,
      call: (w) =>
        post("/api/officers", {
          name: "X",
          email: `${unique("x")}@loa.test`,
          role: "viewer",
          unitCode: w.outside.provinceCode,
        }),
    },
  },
  {
    name: "GET /api/officers/{id}",
    least: "manager",
    ok: 200,
    inScope: (w) => get(`/api/officers/${w.inside.officerId}`),
    outOfScope: { status: 404, call: (w) => get(`/api/officers/${w.outside.officerId}`) },
  },
  {
    name: "PATCH /api/officers/{id}",
    least: "manager",
    ok: 200,
    inScope: (w) => patch(`/api/officers/${w.inside.officerId}`, { name: unique("Tên mới") }),
    outOfScope: { status: 404, call: (w) => patch(`/api/officers/${w.outside.officerId}`, { name: "x" }) },
  },
  {
    name: "POST /api/officers/{id}/reset-password",
    least: "manager",
    ok: 200,
    inScope: (w) => post(`/api/officers/${w.inside.officerId}/reset-password`),
    outOfScope: { status: 404, call: (w) => post(`/api/officers/${w.outside.officerId}/reset-password`) },
  },
  { name: "GET /api/audit", least: "viewer", ok: 200, inScope: () => get("/api/audit?limit=200") },
  { name: "GET /api/surveys", least: "viewer", ok: 200, inScope: () => get("/api/surveys") },
  {
    name: "GET /api/surveys/{key}/waves",
    least: "viewer",
    ok: 200,
    inScope: () => get("/api/surveys/answer_feedback/waves"),
  },
  {
    name: "POST /api/surveys/{key}/waves",
    least: "officer",
    ok: 201,
    inScope: (w) =>
      post("/api/surveys/answer_feedback/waves", {
        name: unique("Đợt"),
        unitCode: w.inside.communeCode,
        controller: "UBND phường Ba Đình",
        startsAt: "2026-11-01T00:00:00+07:00",
      }),
    outOfScope: {
      status: 400,
      call: (w) =>
        post("/api/surveys/answer_feedback/waves", {
          name: unique("Đợt"),
          unitCode: w.outside.communeCode,
          controller: "X",
          startsAt: "2026-11-01T00:00:00+07:00",
        }),
    },
  },
  {
    name: "GET /api/surveys/{key}/responses",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/surveys/answer_feedback/responses?wave=${w.inside.waveId}`),
    // A wave outside the scope simply has no visible responses: the list is empty, not an error.
    outOfScope: { status: 200, call: (w) => get(`/api/surveys/answer_feedback/responses?wave=${w.outside.waveId}`) },
  },
  { name: "GET /api/frameworks", least: "viewer", ok: 200, inScope: () => get("/api/frameworks") },
  {
    name: "GET /api/indicators",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/indicators?framework=qd27_2025_legal_access&unit=${w.inside.communeCode}`),
    outOfScope: {
      status: 404,
      call: (w) => get(`/api/indicators?framework=qd27_2025_legal_access&unit=${w.outside.communeCode}`),
    },
  },
  {
    name: "GET /api/exports/responses",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/exports/responses?survey=answer_feedback&format=csv&unit=${w.inside.communeCode}`),
    outOfScope: {
      status: 404,
      call: (w) => get(`/api/exports/responses?survey=answer_feedback&format=csv&unit=${w.outside.communeCode}`),
    },
  },
  { name: "GET /api/questions", least: "viewer", ok: 200, inScope: () => get("/api/questions") },
  {
    name: "GET /api/questions/{id}",
    least: "viewer",
    ok: 200,
    inScope: async (w) => get(`/api/questions/${await freshQuestion(w.inside.communeCode)}`),
    outOfScope: { status: 404, call: () => get("/api/questions/QUESTION-OUTSIDE") },
  },
  ...(["claim", "close"] as const).map(
    (action): RouteCase => ({
      name: `POST /api/questions/{id}/${action}`,
      least: "officer",
      ok: 200,
      inScope: async (w) => post(`/api/questions/${await freshQuestion(w.inside.communeCode)}/${action}`),
      outOfScope: { status: 404, call: () => post(`/api/questions/QUESTION-OUTSIDE/${action}`) },
    }),
  ),
  {
    name: "POST /api/questions/{id}/answer",
    least: "officer",
    ok: 200,
    inScope: async (w) =>
      post(`/api/questions/${await freshQuestion(w.inside.communeCode)}/answer`, { text: "Trả lời", citations: [] }),
    outOfScope: {
      status: 404,
      call: () => post("/api/questions/QUESTION-OUTSIDE/answer", { text: "Trả lời", citations: [] }),
    },
  },
  {
    name: "POST /api/questions/{id}/promote",
    least: "officer",
    ok: 201,
    inScope: async (w) => post(`/api/questions/${await freshQuestion(w.inside.communeCode, true)}/promote`, {}),
    outOfScope: { status: 404, call: () => post("/api/questions/QUESTION-OUTSIDE-ANSWERED/promote", {}) },
  },
  { name: "GET /api/question-routes", least: "viewer", ok: 200, inScope: () => get("/api/question-routes") },
  {
    name: "POST /api/question-routes",
    least: "manager",
    ok: 201,
    inScope: async (w) =>
      post("/api/question-routes", {
        fromUnitCode: w.inside.communeCode,
        topicId: await freshTopic(),
        toUnitCode: "01",
      }),
    // A unit outside the caller's scope is a bad field, named.
    outOfScope: {
      status: 400,
      call: (w) => post("/api/question-routes", { fromUnitCode: w.outside.communeCode, topicId: 1, toUnitCode: "01" }),
    },
  },
  {
    name: "DELETE /api/question-routes/{id}",
    least: "manager",
    ok: 204,
    inScope: async (w) => ({ method: "DELETE", path: `/api/question-routes/${await freshRule(w.inside.communeCode)}` }),
    outOfScope: { status: 404, call: () => ({ method: "DELETE", path: "/api/question-routes/RULE-OUTSIDE" }) },
  },
  // Approved answers are what the bot tells everyone: every officer may read them all.
  { name: "GET /api/answers", least: "viewer", ok: 200, inScope: () => get("/api/answers") },
  {
    name: "POST /api/answers/{id}/retire",
    least: "officer",
    ok: 200,
    inScope: async (w) => post(`/api/answers/${await freshAnswer(w.inside.communeCode)}/retire`),
    outOfScope: { status: 404, call: () => post("/api/answers/ANSWER-OUTSIDE/retire") },
  },
  { name: "GET /api/campaigns", least: "viewer", ok: 200, inScope: () => get("/api/campaigns") },
  {
    name: "POST /api/campaigns",
    least: "officer",
    ok: 201,
    inScope: (w) => post("/api/campaigns", campaignBody(w.inside.communeCode)),
    // Campaigns answer 404 for a unit outside the scope (owning or audience), like a campaign outside it.
    outOfScope: { status: 404, call: (w) => post("/api/campaigns", campaignBody(w.outside.communeCode)) },
  },
  {
    name: "GET /api/campaigns/templates/law-day",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/campaigns/templates/law-day?unit=${w.inside.communeCode}`),
    outOfScope: { status: 404, call: (w) => get(`/api/campaigns/templates/law-day?unit=${w.outside.communeCode}`) },
  },
  {
    name: "GET /api/campaigns/{id}",
    least: "viewer",
    ok: 200,
    inScope: async (w) => get(`/api/campaigns/${await freshCampaign(w.inside.communeCode)}`),
    outOfScope: { status: 404, call: () => get("/api/campaigns/CAMPAIGN-OUTSIDE") },
  },
  {
    name: "PATCH /api/campaigns/{id}",
    least: "officer",
    ok: 200,
    inScope: async (w) => patch(`/api/campaigns/${await freshCampaign(w.inside.communeCode)}`, { name: "Tên mới" }),
    outOfScope: { status: 404, call: () => patch("/api/campaigns/CAMPAIGN-OUTSIDE", { name: "x" }) },
  },
  {
    name: "GET /api/campaigns/{id}/preview",
    least: "viewer",
    ok: 200,
    inScope: async (w) => get(`/api/campaigns/${await freshCampaign(w.inside.communeCode)}/preview`),
    outOfScope: { status: 404, call: () => get("/api/campaigns/CAMPAIGN-OUTSIDE/preview") },
  },
  {
    name: "POST /api/campaigns/{id}/test",
    least: "officer",
    ok: 202,
    inScope: async (w) =>
      post(`/api/campaigns/${await freshCampaign(w.inside.communeCode)}/test`, {
        channel: "web",
        platformId: await freshWebContact(),
      }),
    outOfScope: {
      status: 404,
      call: () => post("/api/campaigns/CAMPAIGN-OUTSIDE/test", { channel: "web", platformId: "khong-co" }),
    },
  },
  ...(
    [
      ["schedule", "draft"],
      ["pause", "scheduled"],
      ["resume", "paused"],
      ["cancel", "scheduled"],
    ] as const
  ).map(
    ([action, from]): RouteCase => ({
      name: `POST /api/campaigns/{id}/${action}`,
      least: "officer",
      ok: 200,
      inScope: async (w) => post(`/api/campaigns/${await freshCampaign(w.inside.communeCode, from)}/${action}`),
      outOfScope: { status: 404, call: () => post(`/api/campaigns/CAMPAIGN-OUTSIDE-${from}/${action}`) },
    }),
  ),
  // Law versions (issue 13): the content-health report is scoped by what the caller's units own.
  { name: "GET /api/content-health", least: "viewer", ok: 200, inScope: () => get("/api/content-health") },
  {
    name: "POST /api/documents/{id}/status",
    least: "officer",
    ok: 200,
    inScope: (w) => post(`/api/documents/${w.inside.documentId}/status`, { year: 2026 }),
    outOfScope: { status: 404, call: (w) => post(`/api/documents/${w.outside.documentId}/status`, { year: 2026 }) },
  },
  {
    name: "POST /api/documents/{id}/amendments",
    least: "officer",
    ok: 200,
    inScope: (w) =>
      post(`/api/documents/${w.inside.documentId}/amendments`, { number: unique("SD"), name: "Luật sửa đổi" }),
    outOfScope: {
      status: 404,
      call: (w) => post(`/api/documents/${w.outside.documentId}/amendments`, { number: "SD", name: "Luật sửa đổi" }),
    },
  },
  {
    name: "DELETE /api/documents/{id}/amendments",
    least: "officer",
    ok: 200,
    inScope: async (w) => {
      const number = unique("SD");
      await worldDb
        .insert(documentAmendments)
        .values({ documentId: w.inside.documentId, amendingNumber: number, amendingName: "Luật sửa đổi" });
      return { method: "DELETE", path: `/api/documents/${w.inside.documentId}/amendments?number=${number}` };
    },
    outOfScope: {
      status: 404,
      call: (w) => ({ method: "DELETE", path: `/api/documents/${w.outside.documentId}/amendments?number=SD` }),
    },
  },
  {
    name: "POST /api/answers/{id}/review",
    least: "officer",
    ok: 200,
    inScope: async (w) => post(`/api/answers/${await freshAnswer(w.inside.communeCode)}/review`, {}),
    outOfScope: { status: 404, call: () => post("/api/answers/ANSWER-OUTSIDE/review", {}) },
  },
  {
    name: "POST /api/documents/import",
    least: "officer",
    ok: 201,
    inScope: (w) =>
      post("/api/documents/import", {
        text: JSON.stringify([{ id: unique("Quy chế nhập"), articles: [{ id: "1", text: "Nội dung." }] }]),
        unitCode: w.inside.communeCode,
      }),
    // A file naming a statute of another unit would overwrite it.
    outOfScope: {
      status: 403,
      call: () =>
        post("/api/documents/import", {
          text: JSON.stringify([{ id: `Văn bản ${OUT_OF_SCOPE_MARKER}`, articles: [{ id: "1", text: "Nội dung." }] }]),
        }),
    },
  },
  // Console insights: a survey's results, scoped and filtered like the exports.
  {
    name: "GET /api/surveys/{key}/results",
    least: "viewer",
    ok: 200,
    inScope: (w) => get(`/api/surveys/answer_feedback/results?unitCode=${w.inside.communeCode}`),
    outOfScope: {
      status: 404,
      call: (w) => get(`/api/surveys/answer_feedback/results?unitCode=${w.outside.communeCode}`),
    },
  },
  {
    name: "POST /api/me/password",
    least: "viewer",
    ok: 200,
    // The caller's password is set to a known one first: the world keeps only tokens.
    inScope: async (w, role) => {
      await worldDb
        .update(officers)
        .set({ passwordHash: await hashPassword("mat-khau-cu-2026") })
        .where(eq(officers.id, w.principals[role].officerId));
      return post("/api/me/password", { currentPassword: "mat-khau-cu-2026", newPassword: unique("mat-khau-moi") });
    },
  },
];

describe(`authorization matrix (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
    worldDb = handle.db;
  });
  afterAll(async () => handle?.close());

  const send = (call: Call, token: string | null) => apiCall(app, token, call.method, call.path, call.body);

  /** Fills token placeholders: a fresh token of the caller, or one of somebody outside. */
  async function resolve(call: Call, role: OfficerRole): Promise<Call> {
    if (call.path.endsWith("PLACEHOLDER")) {
      const created = await send(post("/api/me/tokens", { name: unique("xoá") }), world.tokens[role]);
      const { id } = (await created.json()) as { id: string };
      return { ...call, path: call.path.replace("PLACEHOLDER", id) };
    }
    if (call.path.endsWith("PLACEHOLDER-OTHER")) {
      const created = await send(post("/api/me/tokens", { name: unique("của người khác") }), world.national.token);
      const { id } = (await created.json()) as { id: string };
      return { ...call, path: call.path.replace("PLACEHOLDER-OTHER", id) };
    }
    if (call.path.endsWith("SYNONYM")) {
      const body = { phrase: unique("từ thường ngày"), means: "thuật ngữ" };
      const created = await send(post("/api/search/synonyms", body), world.national.token);
      const { id } = (await created.json()) as { id: number };
      return { ...call, path: call.path.replace("SYNONYM", String(id)) };
    }
    // Rows outside the caller's scope, made fresh for each call.
    const outside = world.outside.communeCode;
    const fills: Array<[string, () => Promise<string | number>]> = [
      ["QUESTION-OUTSIDE-ANSWERED", () => freshQuestion(outside, true)],
      ["QUESTION-OUTSIDE", () => freshQuestion(outside)],
      ["RULE-OUTSIDE", () => freshRule(outside)],
      ["ANSWER-OUTSIDE", () => freshAnswer(outside)],
      ["CAMPAIGN-OUTSIDE-draft", () => freshCampaign(outside, "draft")],
      ["CAMPAIGN-OUTSIDE-scheduled", () => freshCampaign(outside, "scheduled")],
      ["CAMPAIGN-OUTSIDE-paused", () => freshCampaign(outside, "paused")],
      ["CAMPAIGN-OUTSIDE", () => freshCampaign(outside)],
    ];
    for (const [placeholder, make] of fills) {
      if (call.path.includes(placeholder))
        return { ...call, path: call.path.replace(placeholder, String(await make())) };
    }
    return call;
  }

  async function expectNoLeak(response: Response) {
    const text = (await response.clone().text()).toLowerCase();
    expect(text).not.toContain(OUT_OF_SCOPE_MARKER.toLowerCase());
  }

  for (const route of routes) {
    describe(route.name, () => {
      it("answers 401 without a token", async () => {
        const call = await resolve(await route.inScope(world, "admin"), "admin");
        expect((await send(call, null)).status).toBe(401);
        expect((await send(call, "loa_not-a-real-token")).status).toBe(401);
      });

      for (const role of ROLES) {
        const allowed = roleRank[role] >= roleRank[route.least];
        it(`${role}: ${allowed ? route.ok : 403} in scope`, async () => {
          const call = await resolve(await route.inScope(world, role), role);
          // Logging out would end nothing for a token, but keep the caller's token usable for later cases.
          const response = await send(call, world.tokens[role]);
          expect(response.status, await response.clone().text()).toBe(allowed ? route.ok : 403);
          await expectNoLeak(response);
        });
        if (route.outOfScope) {
          const outOfScope = route.outOfScope;
          it(`${role}: ${allowed ? outOfScope.status : 403} out of scope`, async () => {
            const call = await resolve(outOfScope.call(world), role);
            const response = await send(call, world.tokens[role]);
            expect(response.status, await response.clone().text()).toBe(allowed ? outOfScope.status : 403);
            await expectNoLeak(response);
          });
        }
      }
    });
  }

  it("declares in the OpenAPI document the least role of every route, as tested here", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-required-role"?: string }>>;
    };
    const declared = (name: string) => {
      const [method, path] = name.split(" ") as [string, string];
      return doc.paths[path]?.[method.toLowerCase()]?.["x-required-role"];
    };
    const wrong = routes
      .filter((route) => declared(route.name) !== route.least)
      .map((route) => `${route.name}: tested ${route.least}, declared ${declared(route.name) ?? "nothing"}`);
    expect(wrong).toEqual([]);
  });

  it("covers every route of the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const tested = new Set(routes.map((r) => r.name));
    const publicRoutes = new Set(["POST /api/auth/login", "GET /api/search"]);
    expect(documented.filter((r) => !tested.has(r) && !publicRoutes.has(r))).toEqual([]);
  });
});
