// The content section in Chromium: an officer writes a lesson in the editor (citations as rows, not JSON),
// publishes it and finds it listed; imports a small law file and sees its articles; edits an article; unpublishes
// the statute. An admin adds and deletes a synonym. A viewer sees no edit buttons and the API refuses a forced
// change; a statute of another province is a 404 page. Screenshots of every page, one at phone width.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { legalDocuments, lessons, searchSynonyms, units } from "../../db/schema/index";
import { haveChromium, openConsoleWorld, type ConsoleOfficer, type ConsoleWorld } from "../support/console-browser";
import { testDriver } from "../support/test-db";

const PHONE = { width: 390, height: 844 };

const lawFile = JSON.stringify(
  [
    {
      id: "Quy chế hòa giải ở cơ sở thành phố thử",
      number: "07/2026/QĐ-UBND",
      effectiveFrom: "2026-01-01",
      articles: [
        { id: "1", text: "Phạm vi điều chỉnh\nQuy chế này quy định việc tổ chức hòa giải ở tổ dân phố." },
        { id: "2", text: "Tổ hòa giải\nMỗi tổ dân phố có một tổ hòa giải gồm từ ba hòa giải viên trở lên." },
        { id: "3", text: "Kinh phí\nKinh phí hoạt động hòa giải do ngân sách phường bảo đảm." },
      ],
    },
  ],
  null,
  2,
);

describe.runIf(haveChromium)(`console content in Chromium (${testDriver})`, () => {
  let world: ConsoleWorld;
  let officer: ConsoleOfficer;
  let page: Page;
  let importedId = 0;

  beforeAll(async () => {
    world = await openConsoleWorld();
    officer = await world.officer("officer", "01", "Trần Văn Bình");
    page = await world.loggedIn(officer);
    page.on("dialog", (dialog) => dialog.accept());
  }, 120_000);
  afterAll(() => world?.close());

  const go = async (p: Page, path: string) => {
    const response = await p.goto(`${world.baseUrl}${path}`);
    return response!.status();
  };

  it("shows the overview with its tabs", async () => {
    expect(await go(page, "/console/content")).toBe(200);
    for (const tab of ["Văn bản", "Bài học", "Chủ đề", "Từ đồng nghĩa", "Nhập văn bản"])
      await expect
        .poll(() =>
          page.getByRole("navigation", { name: "Nội dung" }).getByRole("link", { name: tab, exact: true }).count(),
        )
        .toBe(1);
    await world.shot(page, "content-overview");
  });

  it("writes a lesson in the editor, publishes it and lists it", async () => {
    await go(page, "/console/content/lessons");
    await world.shot(page, "content-lessons-empty");
    await page.getByRole("link", { name: "Viết bài mới" }).first().click();
    await page.waitForURL(/\/console\/content\/lessons\/new$/);
    await page.getByLabel("Tiêu đề").fill("Hòa giải ở cơ sở: người dân cần biết gì?");
    await page.getByLabel(/Tóm tắt/).fill("Tổ hòa giải giúp bà con giải quyết mâu thuẫn nhỏ mà không phải ra tòa.");
    await page
      .getByLabel("Nội dung")
      .fill("Hòa giải ở cơ sở là việc hòa giải viên giúp các bên thỏa thuận.\n\nKhông mất phí.");
    await page.getByLabel("Chủ đề").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Thêm căn cứ" }).click();
    await page.getByLabel("Văn bản").last().fill("Luật Hòa giải ở cơ sở");
    await page.getByLabel("Điều").last().fill("2");
    await page.getByRole("button", { name: "Thêm căn cứ" }).click();
    await page.getByLabel("Văn bản").last().fill("Luật Hòa giải ở cơ sở");
    await page.getByLabel("Điều").last().fill("7");
    await world.shot(page, "content-lesson-new");
    await Promise.all([
      page.waitForURL(/\/console\/content\/lessons\/\d+$/),
      page.getByRole("button", { name: "Lưu bản nháp" }).click(),
    ]);
    const lessonId = Number(new URL(page.url()).pathname.split("/").pop());
    const [stored] = await world.database.db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(stored).toMatchObject({ status: "draft", title: "Hòa giải ở cơ sở: người dân cần biết gì?" });
    expect(stored!.citations).toEqual([
      { document: "Luật Hòa giải ở cơ sở", article: "2" },
      { document: "Luật Hòa giải ở cơ sở", article: "7" },
    ]);
    expect(await page.getByText("Bản nháp").count()).toBeGreaterThan(0);

    // The editor shows the rows back; removing one and saving keeps the other.
    await page.getByRole("button", { name: "Bỏ căn cứ này" }).last().click();
    await page.getByRole("button", { name: "Lưu bài" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toContain("Đã lưu bài");
    const [edited] = await world.database.db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(edited!.citations).toEqual([{ document: "Luật Hòa giải ở cơ sở", article: "2" }]);

    await page.getByRole("button", { name: "Đăng cho người dân" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toContain("Đã đăng bài");
    await world.shot(page, "content-lesson-edit");

    await go(page, "/console/content/lessons?status=published");
    const row = page.getByRole("row", { name: /Hòa giải ở cơ sở: người dân cần biết gì\?/ });
    await expect.poll(() => row.textContent()).toContain("Đã đăng");
    await world.shot(page, "content-lessons");
  });

  it("refuses a broken law file with its line, then imports one and shows its articles", async () => {
    await go(page, "/console/content/import");
    await page
      .getByLabel("Nội dung tệp")
      .fill('[\n  { "id": "Luật hỏng",\n    "articles": [ { "id": "1" "text": "x" } ] }\n]');
    await page.getByRole("button", { name: "Nhập", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("dòng 3");
    await world.shot(page, "content-import-error");

    await page.locator("input[type=file]").setInputFiles({
      name: "quy-che.json",
      mimeType: "application/json",
      buffer: Buffer.from(lawFile),
    });
    await expect.poll(() => page.getByLabel("Nội dung tệp").inputValue()).toContain("07/2026/QĐ-UBND");
    await page.getByLabel(/Mã đơn vị/).fill("00004");
    await Promise.all([
      page.waitForURL(/\/console\/content\/documents\/\d+$/),
      page.getByRole("button", { name: "Nhập", exact: true }).click(),
    ]);
    importedId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await page.locator("h1").textContent()).toBe("Quy chế hòa giải ở cơ sở thành phố thử");
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain("Tổ hòa giải");
    expect(await page.getByText("Đang có hiệu lực").count()).toBeGreaterThan(0);
    await world.shot(page, "content-document");
  });

  it("edits an article and unpublishes the statute", async () => {
    await page.getByRole("link", { name: "Sửa Điều 2" }).click();
    await page.waitForURL(/\/console\/content\/articles\/\d+$/);
    await world.shot(page, "content-article-edit");
    await page.getByLabel("Nội dung").fill("Mỗi tổ dân phố có một tổ hòa giải gồm từ năm hòa giải viên trở lên.");
    await Promise.all([
      page.waitForURL(new RegExp(`/console/content/documents/${importedId}$`)),
      page.getByRole("button", { name: "Lưu điều" }).click(),
    ]);
    await expect.poll(() => page.locator("table tbody tr").nth(1).textContent()).toContain("từ năm hòa giải viên");

    await page.getByText("Ghi văn bản sửa đổi, bổ sung").click();
    await page.getByLabel("Số hiệu văn bản sửa đổi").fill("09/2026/QĐ-UBND");
    await page.getByLabel("Tên văn bản sửa đổi").fill("Quyết định sửa đổi quy chế hòa giải");
    await page.getByLabel(/Các điều bị sửa/).fill("2, 3");
    await page.getByRole("button", { name: "Ghi sửa đổi" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toContain("Đã ghi văn bản sửa đổi");
    expect(await page.getByRole("listitem").filter({ hasText: "09/2026/QĐ-UBND" }).textContent()).toContain(
      "Điều 2, 3",
    );
    expect(await page.getByText("Có hiệu lực, đã sửa đổi").count()).toBeGreaterThan(0);
    await world.shot(page, "content-document-amended");

    await page.getByRole("button", { name: "Gỡ xuống" }).click();
    await expect.poll(() => page.locator("#flash").textContent()).toContain("Đã gỡ văn bản");
    const [document] = await world.database.db
      .select({ status: legalDocuments.status })
      .from(legalDocuments)
      .where(eq(legalDocuments.id, importedId));
    expect(document!.status).toBe("draft");

    await go(page, "/console/content/documents");
    const row = page.getByRole("row", { name: /Quy chế hòa giải ở cơ sở thành phố thử/ });
    await expect.poll(() => row.textContent()).toContain("Bản nháp");
    await world.shot(page, "content-documents");
    expect(world.pageErrors).toEqual([]);
  });

  it("lets an admin add and delete a synonym and edit topics", async () => {
    const admin = await world.loggedIn(await world.officer("admin", "VN", "Lê Thị Quản Trị"));
    admin.on("dialog", (dialog) => dialog.accept());
    await go(admin, "/console/content/synonyms");
    await admin.getByLabel("Người dân nói").fill("bìa hồng");
    await admin.getByLabel("Nghĩa là").fill("giấy chứng nhận quyền sở hữu nhà ở");
    await admin.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect.poll(() => admin.locator("#flash").textContent()).toContain("Đã thêm từ đồng nghĩa");
    const row = admin.getByRole("row", { name: /bìa hồng/ });
    expect(await row.textContent()).toContain("giấy chứng nhận quyền sở hữu nhà ở");
    await world.shot(admin, "content-synonyms");
    await row.getByRole("button", { name: "Xóa bìa hồng" }).click();
    await expect.poll(() => admin.locator("#flash").textContent()).toContain("Đã xóa");
    expect(await world.database.db.select().from(searchSynonyms).where(eq(searchSynonyms.phrase, "bìa hồng"))).toEqual(
      [],
    );

    await go(admin, "/console/content/topics");
    await admin.getByLabel("Tên chủ đề").fill("Hòa giải ở cơ sở thử");
    await admin.getByRole("button", { name: "Thêm chủ đề" }).click();
    await expect.poll(() => admin.locator("#flash").textContent()).toContain("Đã thêm chủ đề");
    expect(await admin.getByRole("cell", { name: /Hòa giải ở cơ sở thử/ }).count()).toBe(1);
    await world.shot(admin, "content-topics");
    expect(world.pageErrors).toEqual([]);
  });

  it("shows a viewer no edit buttons, and the API refuses a forced change", async () => {
    const viewer = await world.loggedIn(await world.officer("viewer", "01", "Phạm Xem"));
    expect(await go(viewer, `/console/content/documents/${importedId}`)).toBe(200);
    expect(await viewer.getByRole("button", { name: /Đăng cho|Gỡ xuống|Lưu|Ghi hiệu lực|Thêm/ }).count()).toBe(0);
    expect(await viewer.locator("form[data-api]").count()).toBe(0);
    expect(await viewer.getByRole("link", { name: /Sửa Điều/ }).count()).toBe(0);
    await world.shot(viewer, "content-document-viewer");
    const status = await viewer.evaluate(async (id) => {
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const response = await fetch(`/api/documents/${id}/publish`, {
        method: "POST",
        headers: { "x-csrf-token": csrf },
      });
      return response.status;
    }, importedId);
    expect(status).toBe(403);
    expect(await go(viewer, "/console/content/import")).toBe(403);
    expect(await go(viewer, "/console/content/lessons/new")).toBe(403);
    await go(viewer, "/console/content/synonyms");
    expect(await viewer.locator("form[data-api]").count()).toBe(0);
  });

  it("answers a statute of another province with a 404 page", async () => {
    const [hcm] = await world.database.db.select({ id: units.id }).from(units).where(eq(units.code, "79"));
    const [outside] = await world.database.db
      .insert(legalDocuments)
      .values({
        slug: "quy-che-ngoai-pham-vi",
        title: "Quy chế ngoài phạm vi",
        docType: "Văn bản",
        ownerUnitId: hcm!.id,
      })
      .returning({ id: legalDocuments.id });
    expect(await go(page, `/console/content/documents/${outside!.id}`)).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Không tìm thấy");
    expect(await page.content()).not.toContain("Quy chế ngoài phạm vi");
    await world.shot(page, "content-document-out-of-scope");
    expect(await go(page, "/console/content/documents/abc")).toBe(404);
  });

  it("works at phone width", async () => {
    const phone = await world.loggedIn(officer, PHONE);
    await go(phone, `/console/content/documents/${importedId}`);
    await world.shot(phone, "content-document-phone");
    await go(phone, "/console/content/lessons/new");
    await world.shot(phone, "content-lesson-new-phone");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(world.pageErrors).toEqual([]);
  });
});
