// Content through the officer API reaches citizens only once published, and every change is audited.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { auditLog } from "../../../db/schema/index";
import { type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp, say } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

describe(`content through the officer API (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
  });
  afterAll(async () => handle?.close());

  const call = (method: string, path: string, body?: unknown) => apiCall(app, world.tokens.officer, method, path, body);
  const audited = async (action: string, targetId: number) =>
    (
      await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    ).length;

  it("creates a draft statute that citizens cannot find until it is published", async () => {
    const created = await call("POST", "/api/documents", {
      title: "Quy chế hoà giải ở cơ sở phường Ba Đình",
      unitCode: "00004",
    });
    expect(created.status).toBe(201);
    const document = (await created.json()) as { id: number; status: string; docType: string };
    expect(document.status).toBe("draft");
    expect(await audited("content.create", document.id)).toBe(1);

    expect((await call("POST", `/api/documents/${document.id}/publish`)).status).toBe(400); // no article yet
    const article = await call("POST", `/api/documents/${document.id}/articles`, {
      number: "1",
      title: "Tổ hoà giải",
      body: "Mỗi tổ dân phố có một tổ hoà giải ở cơ sở gồm từ ba hoà giải viên trở lên.",
    });
    expect(article.status).toBe(201);
    expect((await call("POST", `/api/documents/${document.id}/articles`, { number: "1", body: "Trùng" })).status).toBe(
      409,
    );

    const before = await say(app, "citizen", "hoà giải viên tổ dân phố");
    expect(JSON.stringify(before[0])).not.toContain("Quy chế hoà giải");

    const published = await call("POST", `/api/documents/${document.id}/publish`);
    expect(((await published.json()) as { status: string }).status).toBe("published");
    expect(await audited("content.publish", document.id)).toBe(1);
    const after = await say(app, "citizen", "hoa giai vien to dan pho");
    expect(JSON.stringify(after[0])).toContain("Quy chế hoà giải ở cơ sở phường Ba Đình");

    await call("POST", `/api/documents/${document.id}/unpublish`);
    expect(await audited("content.unpublish", document.id)).toBe(1);
    const hidden = await say(app, "citizen", "hoa giai vien to dan pho");
    expect(JSON.stringify(hidden[0])).not.toContain("Quy chế hoà giải ở cơ sở phường Ba Đình");
  });

  it("edits an article and search follows the new text", async () => {
    const edited = await call("PATCH", `/api/articles/${world.inside.articleId}`, {
      body: "Quy định mới về chăm sóc cây xanh đô thị.",
    });
    expect(edited.status).toBe(200);
    await call("POST", `/api/documents/${world.inside.documentId}/publish`);
    const results = await say(app, "citizen-2", "cay xanh do thi");
    expect(JSON.stringify(results[0])).toContain("Văn bản trong phạm vi");
  });

  it("publishes a lesson for the chat", async () => {
    const created = (await (
      await call("POST", "/api/lessons", {
        title: "Hoà giải ở cơ sở là gì?",
        summary: "Giải quyết mâu thuẫn nhỏ trong khu dân cư.",
        body: "Hoà giải ở cơ sở giúp các bên tự thoả thuận.",
        unitCode: "00004",
      })
    ).json()) as { id: number };
    await call("POST", `/api/lessons/${created.id}/publish`);
    const lessons = await say(app, "citizen-3", "lessons");
    expect(lessons[0]!.options.map((o) => o.label)).toContain("Hoà giải ở cơ sở là gì?");
  });

  it("answers 400 for a bad topic or article number", async () => {
    expect((await call("POST", "/api/documents", { title: "X", topicId: 99_999 })).status).toBe(400);
    expect(
      (await call("POST", `/api/documents/${world.inside.documentId}/articles`, { number: "Điều một", body: "x" }))
        .status,
    ).toBe(400);
  });
});
