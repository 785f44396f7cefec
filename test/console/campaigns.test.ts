// The campaign pages through app.request() with a real session cookie: scope (another province's campaign is the
// 404 page, its progress fragment too), roles (a viewer reads but gets no create or move controls and no create
// form), the Law Day template prefill, escaped officer text, the moves offered per state, pagination, and the
// progress fragment saying when polling may stop, and the lessons offered per message (a draft's lesson unpublished
// since stays in view) and the article search of a message.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/db";
import { lessons } from "../../db/schema/index";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { apiCall, createTestApp, sessionCookie } from "../support/test-app";
import { createTestDb, testDriver } from "../support/test-db";

const body = (overrides: Record<string, unknown> = {}) => ({
  name: "Tuyên truyền Luật Cư trú",
  channels: ["web"],
  audience: { unitCodes: ["00004"] },
  messages: [{ text: "Đăng ký thường trú cần những gì?" }],
  schedule: { startAt: "2027-11-01T07:00:00+07:00", endAt: "2027-11-09T21:00:00+07:00" },
  ...overrides,
});

describe(`console campaign pages (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const login = async (key: string, role: "officer" | "viewer", unitCode: string) => {
    const created = await bootstrapOfficer(handle.db, {
      name: `Cán bộ ${key}`,
      email: `${key}@campaigns.loa.test`,
      role,
      unitCode,
    });
    tokens[key] = created.token;
    cookies[key] = await sessionCookie(app, created);
  };
  const page = (key: string, path: string) => app.request(path, { headers: { cookie: cookies[key]! } });
  const create = async (key: string, overrides: Record<string, unknown> = {}) => {
    const response = await apiCall(app, tokens[key]!, "POST", "/api/campaigns", body(overrides));
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { campaign: { id: number } }).campaign.id;
  };

  beforeAll(async () => {
    handle = await createTestDb();
    app = createTestApp(handle.db);
    await login("hanoi", "officer", "01");
    await login("hanoi-viewer", "viewer", "01");
    await login("hcm", "officer", "79");
  }, 120_000);
  afterAll(() => handle?.close());

  it("answers another province's campaign, and its progress fragment, with the 404 page", async () => {
    const id = await create("hanoi", { name: "Chiến dịch riêng của Hà Nội" });
    const own = await page("hanoi", `/console/campaigns/${id}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Chiến dịch riêng của Hà Nội");

    for (const path of [
      `/console/campaigns/${id}`,
      `/console/campaigns/${id}/progress`,
      `/console/campaigns/${id}/edit`,
    ]) {
      const response = await page("hcm", path);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("Không tìm thấy");
      expect(html).not.toContain("Chiến dịch riêng của Hà Nội");
    }
    expect(await (await page("hcm", "/console/campaigns")).text()).not.toContain("Chiến dịch riêng của Hà Nội");
    expect((await page("hanoi", "/console/campaigns/abc")).status).toBe(404);
    expect((await page("hanoi", "/console/campaigns/99999999999")).status).toBe(404);
  });

  it("lets a viewer read, without create or move controls, and refuses them the create form", async () => {
    const id = await create("hanoi", { name: "Chiến dịch để xem" });
    const list = await (await page("hanoi-viewer", "/console/campaigns")).text();
    expect(list).toContain("Chiến dịch để xem");
    expect(list).not.toContain("/console/campaigns/new");
    const detail = await (await page("hanoi-viewer", `/console/campaigns/${id}`)).text();
    expect(detail).not.toContain(`data-api="/api/campaigns/${id}/schedule"`);
    expect(detail).not.toContain("Gửi thử");
    expect((await page("hanoi-viewer", "/console/campaigns/new")).status).toBe(403);
    expect((await page("hanoi-viewer", `/console/campaigns/${id}/edit`)).status).toBe(403);

    const officerView = await (await page("hanoi", `/console/campaigns/${id}`)).text();
    expect(officerView).toContain(`data-api="/api/campaigns/${id}/schedule"`);
    expect(officerView).toContain(`data-api="/api/campaigns/${id}/test"`);
  });

  it("prefills the create form from the Law Day template for the officer's own unit only", async () => {
    const html = await (await page("hanoi", "/console/campaigns/new?template=law-day")).text();
    expect(html).toMatch(/value="Ngày Pháp luật Việt Nam 9\/11\/\d{4}"/);
    expect(html).toContain('data-unit-expand="01"');
    expect(html).toContain("Thành phố Hà Nội");
    expect(html).toMatch(/name="schedule.startAt" data-type="vn-datetime" value="\d{4}-11-0\dT07:00"/);
    expect(html).not.toContain("Thành phố Hồ Chí Minh");
    const blank = await (await page("hanoi", "/console/campaigns/new")).text();
    expect(blank).toContain('name="name" value=""');
  });

  it("escapes what officers wrote", async () => {
    const id = await create("hanoi", {
      name: "<script>alert(1)</script> chiến dịch",
      messages: [{ text: "<img src=x onerror=alert(2)>" }],
    });
    const html = await (await page("hanoi", `/console/campaigns/${id}`)).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; chiến dịch");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("offers the moves the state allows, and the fragment ends polling once the campaign is finished", async () => {
    const id = await create("hanoi", { name: "Chiến dịch để hủy" });
    const moves = async () => {
      const html = await (await page("hanoi", `/console/campaigns/${id}`)).text();
      return ["schedule", "pause", "resume", "cancel"].filter((a) =>
        html.includes(`data-api="/api/campaigns/${id}/${a}"`),
      );
    };
    expect(await moves()).toEqual(["schedule", "cancel"]);
    const edit = await page("hanoi", `/console/campaigns/${id}/edit`);
    expect(edit.status).toBe(200);
    const form = await edit.text();
    expect(form).toContain(`data-api="/api/campaigns/${id}" data-method="PATCH"`);
    // The picker is opened down to the chosen commune, ticked.
    expect(form).toMatch(/value="00004" data-unit-name="[^"]+" checked/);
    const live = await page("hanoi", `/console/campaigns/${id}/progress`);
    expect(live.status).toBe(200);
    expect(live.headers.get("x-poll-done")).toBeNull();
    expect(await live.text()).toContain('data-state="draft"');

    expect((await apiCall(app, tokens.hanoi!, "POST", `/api/campaigns/${id}/schedule`)).status).toBe(200);
    expect(await moves()).toEqual(["pause", "cancel"]);
    const late = await page("hanoi", `/console/campaigns/${id}/edit`);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("chỉ sửa được bản nháp");
    expect((await apiCall(app, tokens.hanoi!, "POST", `/api/campaigns/${id}/pause`)).status).toBe(200);
    expect(await moves()).toEqual(["resume", "cancel"]);
    expect((await apiCall(app, tokens.hanoi!, "POST", `/api/campaigns/${id}/cancel`)).status).toBe(200);
    expect(await moves()).toEqual([]);
    const done = await page("hanoi", `/console/campaigns/${id}/progress`);
    expect(done.headers.get("x-poll-done")).toBe("1");
    expect(await done.text()).toContain("Đã hủy");
    const detail = await (await page("hanoi", `/console/campaigns/${id}`)).text();
    expect(detail).not.toContain("data-poll=");
  });

  it("pages the list and filters it by state", async () => {
    for (let i = 0; i < 20; i++) await create("hanoi", { name: `Chiến dịch số ${i}` });
    const first = await (await page("hanoi", "/console/campaigns")).text();
    expect(first).toMatch(/Trang 1\/2 · 2\d mục/);
    const second = await (await page("hanoi", "/console/campaigns?page=2")).text();
    expect(second).toContain("Trang 2/2");
    const cancelled = await (await page("hanoi", "/console/campaigns?state=cancelled")).text();
    expect(cancelled).toContain("Chiến dịch để hủy");
    expect(cancelled).not.toContain("Chiến dịch số 1");
    const none = await (await page("hcm", "/console/campaigns?state=running")).text();
    expect(none).toContain("Chưa có chiến dịch nào ở trạng thái");
  });

  it("offers published lessons per message, and keeps a draft's lesson unpublished since in view", async () => {
    const [first, second] = await handle.db
      .select({ id: lessons.id, title: lessons.title })
      .from(lessons)
      .where(eq(lessons.status, "published"))
      .orderBy(asc(lessons.id))
      .limit(2);
    const id = await create("hanoi", {
      messages: [
        { text: "Tin có bài", lessonId: first!.id },
        { text: "Tin có bài khác", lessonId: second!.id },
      ],
    });
    const before = await (await page("hanoi", `/console/campaigns/${id}/edit`)).text();
    expect(before).toContain(`<option value="${first!.id}" selected="">`);
    expect(before).not.toContain("chưa đăng hoặc đã gỡ");
    // Five slots, each with the list of published lessons.
    expect(before.match(/data-message-lesson/g)).toHaveLength(5);

    // Its owner (the national office) takes it back to draft.
    await handle.db.update(lessons).set({ status: "draft" }).where(eq(lessons.id, second!.id));
    try {
      const after = await (await page("hanoi", `/console/campaigns/${id}/edit`)).text();
      expect(after).toContain(
        `<option value="${second!.id}" selected="">Bài số ${second!.id} (chưa đăng hoặc đã gỡ)</option>`,
      );
      // Saving it as it stands is refused naming the field, not saved without the link.
      const saved = await apiCall(app, tokens.hanoi!, "PATCH", `/api/campaigns/${id}`, {
        messages: [
          { text: "Tin có bài", lessonId: first!.id },
          { text: "Tin có bài khác", lessonId: second!.id },
        ],
      });
      expect(saved.status).toBe(400);
      const { error } = (await saved.json()) as { error: { issues: Array<{ field: string }> } };
      expect(error.issues.map((issue) => issue.field)).toEqual(["messages.1.lessonId"]);
    } finally {
      await handle.db.update(lessons).set({ status: "published" }).where(eq(lessons.id, second!.id));
    }
  });

  it("finds articles for a message by words, for officers only, as buttons carrying the article's id", async () => {
    const found = await page("hanoi", "/console/campaigns/article-choices?q=dang+ky+thuong+tru");
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toMatch(/data-article-choice="\d+"/);
    expect(html).toContain("Luật Cư trú");
    expect(await (await page("hanoi", "/console/campaigns/article-choices?q=")).text()).toContain("Gõ vài từ");
    const nothing = await page("hanoi", "/console/campaigns/article-choices?q=%3Cscript%3Exyzzy%3C%2Fscript%3E");
    const nothingHtml = await nothing.text();
    expect(nothingHtml).toContain("Không tìm thấy điều luật nào.");
    expect(nothingHtml).not.toContain("<script>");
    const viewer = await page("hanoi-viewer", "/console/campaigns/article-choices?q=thuong+tru");
    expect(viewer.status).toBe(403);
  });
});
