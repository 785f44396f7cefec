// The statutes of the officer's scope in the console: the list with publication and legal status, one statute with
// its fields, its legal facts and its articles, one article's editor, and the import of a law file. Pages read
// through the same services as GET /api/documents…; every change is a form posting to the officer API.
import { Hono } from "hono";
import {
  getArticleForOfficer,
  getDocumentForOfficer,
  listArticlesForOfficer,
  listDocumentsForOfficer,
} from "../content/document-admin";
import { documentLegalView } from "../content/document-law-status";
import { loadLawRegistry } from "../content/law-registry";
import { vietnamToday } from "../content/law-status";
import { listTopicsForOfficer } from "../content/topic-admin";
import { ApiError } from "../errors";
import type { ConsoleEnv } from "./console-env";
import {
  ContentTabs,
  contentRights,
  PublishStatusFilter,
  excerpt,
  idParam,
  LegalBadge,
  pageNumber,
  PublishBadge,
} from "./content-parts";
import { vnDate, vnDateTime, vnNumber } from "./format";
import { ListTable, Page, PageHeading, Pager } from "./layout";
import { renderPage } from "./render";

const DOCUMENTS_PER_PAGE = 25;
const ARTICLES_PER_PAGE = 30;
const SCRIPTS = ["/console/assets/content.js"];
const notFound = "Không có văn bản này trong phạm vi của bạn.";

export function contentDocumentPages() {
  return new Hono<ConsoleEnv>()
    .get("/console/content/documents", async (c) => {
      const principal = c.get("principal");
      const db = c.get("services").db;
      const rights = contentRights(c);
      const status = c.req.query("status");
      const filter = status === "draft" || status === "published" ? status : undefined;
      const page = pageNumber(c);
      const today = vietnamToday();
      const inForce = c.req.query("inForce") === "1";
      const result = await listDocumentsForOfficer(
        db,
        principal,
        filter,
        page,
        DOCUMENTS_PER_PAGE,
        inForce ? today : undefined,
      );
      const laws = await loadLawRegistry(db);
      return renderPage(
        c,
        <Page title="Văn bản" active="content" principal={principal} unitName={c.get("unitName")}>
          <PageHeading title="Văn bản" subtitle="Văn bản pháp luật do phạm vi của bạn quản lý">
            {rights.canEdit ? (
              <a class="button" href="/console/content/import">
                Nhập văn bản từ tệp
              </a>
            ) : null}
          </PageHeading>
          <ContentTabs active="documents" canEdit={rights.canEdit} />
          <form class="filters" method="get" action="/console/content/documents">
            <PublishStatusFilter value={filter} />
            <label class="check">
              <input type="checkbox" name="inForce" value="1" checked={inForce} />
              Chỉ văn bản đang có hiệu lực
            </label>
            <button type="submit" class="secondary">
              Lọc
            </button>
          </form>
          {rights.canEdit ? (
            <details class="card">
              <summary>Tạo văn bản mới (gõ từng điều)</summary>
              <form
                class="stack"
                data-api="/api/documents"
                data-next="/console/content/documents/{id}"
                data-success="Đã tạo văn bản."
              >
                <div class="grid">
                  <label>
                    Tên văn bản
                    <input name="title" required maxlength={300} placeholder="Quy chế hòa giải ở cơ sở phường …" />
                  </label>
                  <label>
                    Số hiệu
                    <input name="officialNumber" maxlength={50} />
                  </label>
                  <label>
                    Mã đơn vị quản lý
                    <input name="unitCode" placeholder={`Mặc định: đơn vị của bạn (${c.get("unitName")})`} />
                  </label>
                </div>
                <div class="actions">
                  <button type="submit">Tạo bản nháp</button>
                </div>
              </form>
            </details>
          ) : null}
          <section class="card">
            <ListTable
              items={result.items}
              headings={["Văn bản", "Số hiệu", "Hiệu lực", "Đăng", "Đơn vị", "Cập nhật"]}
              empty={`Chưa có văn bản nào${filter || inForce ? " khớp bộ lọc" : ""}.`}
              row={(d) => {
                const facts = laws.byId(d.id);
                const legal = facts ? documentLegalView(facts, today) : null;
                return (
                  <tr>
                    <td>
                      <a href={`/console/content/documents/${d.id}`}>{d.title}</a>
                      {legal?.replacedBy ? (
                        <div class="muted">
                          Thay bởi {legal.replacedBy.number ?? legal.replacedBy.name ?? "văn bản khác"}
                        </div>
                      ) : null}
                    </td>
                    <td>{d.officialNumber ?? "—"}</td>
                    <td>
                      <LegalBadge status={legal?.status} />
                    </td>
                    <td>
                      <PublishBadge status={d.status} />
                    </td>
                    <td>{d.unitCode}</td>
                    <td>{vnDateTime(d.updatedAt)}</td>
                  </tr>
                );
              }}
            />
            <Pager page={page} pageSize={DOCUMENTS_PER_PAGE} total={result.total} url={new URL(c.req.url)} />
          </section>
        </Page>,
      );
    })
    .get("/console/content/documents/:id", async (c) => {
      const principal = c.get("principal");
      const db = c.get("services").db;
      const rights = contentRights(c);
      const id = idParam(c);
      const document = await getDocumentForOfficer(db, principal, id);
      if (!document) throw new ApiError("not_found", notFound);
      const page = pageNumber(c);
      const articles = (await listArticlesForOfficer(db, principal, id, page, ARTICLES_PER_PAGE))!;
      const facts = (await loadLawRegistry(db)).byId(id);
      const legal = facts ? documentLegalView(facts, vietnamToday()) : null;
      const topics = await listTopicsForOfficer(db);
      const topicName = topics.find((t) => t.id === document.topicId)?.name;
      return renderPage(
        c,
        <Page title={document.title} active="content" principal={principal} unitName={c.get("unitName")}>
          <p>
            <a href="/console/content/documents">← Văn bản</a> <PublishBadge status={document.status} />{" "}
            <LegalBadge status={legal?.status} />
          </p>
          <PageHeading title={document.title} subtitle={legal?.citation ?? document.docType}>
            {rights.canPublish ? (
              document.status === "published" ? (
                <button
                  type="button"
                  class="secondary"
                  data-api={`/api/documents/${id}/unpublish`}
                  data-confirm="Gỡ văn bản này về bản nháp? Người dân sẽ không tìm thấy nó nữa."
                  data-success="Đã gỡ văn bản về bản nháp."
                >
                  Gỡ xuống
                </button>
              ) : (
                <button type="button" data-api={`/api/documents/${id}/publish`} data-success="Đã đăng văn bản.">
                  Đăng cho người dân
                </button>
              )
            ) : null}
          </PageHeading>

          <div class="grid">
            <section class="card">
              <h2>Thông tin văn bản</h2>
              {rights.canEdit ? (
                <form
                  class="stack"
                  data-api={`/api/documents/${id}`}
                  data-method="PATCH"
                  data-success="Đã lưu văn bản."
                >
                  <label>
                    Tên văn bản
                    <input name="title" value={document.title} required maxlength={300} />
                  </label>
                  <label>
                    Số hiệu
                    <input name="officialNumber" value={document.officialNumber ?? ""} data-empty="null" />
                  </label>
                  <label>
                    Chủ đề
                    <select name="topicId" data-type="number" data-empty="null">
                      <option value="">Không có chủ đề</option>
                      {topics.map((t) => (
                        <option value={String(t.id)} selected={t.id === document.topicId}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Nguồn
                    <input name="source" value={document.source ?? ""} data-empty="null" />
                  </label>
                  <div class="actions">
                    <button type="submit">Lưu thông tin</button>
                  </div>
                </form>
              ) : (
                <dl>
                  <dt class="muted">Số hiệu</dt>
                  <dd>{document.officialNumber ?? "—"}</dd>
                  <dt class="muted">Chủ đề</dt>
                  <dd>{topicName ?? "—"}</dd>
                  <dt class="muted">Nguồn</dt>
                  <dd>{document.source ?? "—"}</dd>
                </dl>
              )}
              <p class="muted">
                Loại: {document.docType} · Đơn vị: {document.unitCode} · Cập nhật {vnDateTime(document.updatedAt)}
                {document.publishedAt ? ` · Đăng ${vnDateTime(document.publishedAt)}` : ""}
              </p>
            </section>

            <section class="card">
              <h2>Hiệu lực</h2>
              <p>
                <LegalBadge status={legal?.status} />{" "}
                {legal?.effectiveFrom ? `Có hiệu lực từ ${vnDate(legal.effectiveFrom)}. ` : ""}
                {legal?.endsOn ? `Hết hiệu lực từ ${vnDate(legal.endsOn)}. ` : ""}
                {legal?.replacedBy
                  ? `Bị thay thế bởi ${[legal.replacedBy.number, legal.replacedBy.name].filter(Boolean).join(" ")}.`
                  : ""}
              </p>
              {rights.canPublish ? (
                <form class="stack" data-api={`/api/documents/${id}/status`} data-success="Đã ghi hiệu lực.">
                  <div class="grid">
                    <label>
                      Có hiệu lực từ
                      <input type="date" name="effectiveFrom" value={legal?.effectiveFrom ?? ""} data-empty="null" />
                    </label>
                    <label>
                      Hết hiệu lực từ
                      <input type="date" name="endsOn" value={legal?.endsOn ?? ""} data-empty="null" />
                    </label>
                  </div>
                  <label>
                    Lý do hết hiệu lực
                    <select name="endReason" data-empty="null">
                      <option value="">—</option>
                      <option value="replaced" selected={legal?.endReason === "replaced"}>
                        Bị thay thế
                      </option>
                      <option value="expired" selected={legal?.endReason === "expired"}>
                        Hết hiệu lực
                      </option>
                    </select>
                  </label>
                  <div class="grid">
                    <label>
                      Số hiệu văn bản thay thế
                      <input name="replacedBy.number" value={legal?.replacedBy?.number ?? ""} />
                    </label>
                    <label>
                      Tên văn bản thay thế
                      <input name="replacedBy.name" value={legal?.replacedBy?.name ?? ""} />
                    </label>
                  </div>
                  <label>
                    Cơ quan ban hành
                    <input name="issuingBody" value={legal?.issuingBody ?? ""} data-empty="null" />
                  </label>
                  <label>
                    Ghi chú
                    <input name="note" value={legal?.note ?? ""} data-empty="null" />
                  </label>
                  <div class="actions">
                    <button type="submit">Ghi hiệu lực</button>
                  </div>
                </form>
              ) : null}
              {legal && legal.amendments.length > 0 ? (
                <>
                  <h3>Văn bản sửa đổi, bổ sung</h3>
                  <ul>
                    {legal.amendments.map((a) => (
                      <li>
                        {a.number} · {a.name}
                        {a.effectiveFrom ? ` · từ ${vnDate(a.effectiveFrom)}` : ""}
                        {a.articles.length > 0 ? ` · Điều ${a.articles.join(", ")}` : ""}{" "}
                        {rights.canPublish ? (
                          <button
                            type="button"
                            class="link"
                            data-api={`/api/documents/${id}/amendments?number=${encodeURIComponent(a.number)}`}
                            data-method="DELETE"
                            data-confirm={`Xóa văn bản sửa đổi ${a.number} đã ghi?`}
                            data-success="Đã xóa văn bản sửa đổi."
                            aria-label={`Xóa sửa đổi ${a.number}`}
                          >
                            Xóa
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {rights.canPublish ? (
                <details>
                  <summary>Ghi văn bản sửa đổi, bổ sung</summary>
                  <form
                    class="stack"
                    data-api={`/api/documents/${id}/amendments`}
                    data-success="Đã ghi văn bản sửa đổi."
                  >
                    <div class="grid">
                      <label>
                        Số hiệu văn bản sửa đổi
                        <input name="number" required placeholder="118/2025/QH15" />
                      </label>
                      <label>
                        Có hiệu lực từ
                        <input type="date" name="effectiveFrom" />
                      </label>
                    </div>
                    <label>
                      Tên văn bản sửa đổi
                      <input name="name" required />
                    </label>
                    <label>
                      Các điều bị sửa (cách nhau bằng dấu phẩy)
                      <input name="articles" data-type="list" placeholder="9, 84" />
                    </label>
                    <label class="check">
                      <input type="checkbox" name="articlesComplete" />
                      Đây là đủ các điều bị sửa
                    </label>
                    <div class="actions">
                      <button type="submit">Ghi sửa đổi</button>
                    </div>
                  </form>
                </details>
              ) : null}
            </section>
          </div>

          <section class="card">
            <h2>Các điều ({vnNumber(articles.total)})</h2>
            {articles.items.length === 0 ? (
              <p class="muted">Chưa có điều nào.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Điều</th>
                    <th>Tên điều</th>
                    <th>Nội dung</th>
                    {rights.canEdit ? <th /> : null}
                  </tr>
                </thead>
                <tbody>
                  {articles.items.map((a) => (
                    <tr>
                      <td>{a.number}</td>
                      <td>{a.title ?? "—"}</td>
                      <td>{excerpt(a.body)}</td>
                      {rights.canEdit ? (
                        <td>
                          <a href={`/console/content/articles/${a.id}`} aria-label={`Sửa Điều ${a.number}`}>
                            Sửa
                          </a>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager page={page} pageSize={ARTICLES_PER_PAGE} total={articles.total} url={new URL(c.req.url)} />
            {rights.canEdit ? (
              <details>
                <summary>Thêm điều</summary>
                <form class="stack" data-api={`/api/documents/${id}/articles`} data-success="Đã thêm điều.">
                  <label>
                    Số điều
                    <input name="number" required placeholder="12" />
                  </label>
                  <label>
                    Tên điều
                    <input name="title" />
                  </label>
                  <label>
                    Nội dung
                    <textarea name="body" required />
                  </label>
                  <div class="actions">
                    <button type="submit">Thêm điều</button>
                  </div>
                </form>
              </details>
            ) : null}
          </section>
        </Page>,
      );
    })
    .get("/console/content/articles/:id", async (c) => {
      const principal = c.get("principal");
      const rights = contentRights(c);
      const article = await getArticleForOfficer(c.get("services").db, principal, idParam(c));
      if (!article) throw new ApiError("not_found", "Không có điều này trong phạm vi của bạn.");
      const back = `/console/content/documents/${article.documentId}`;
      return renderPage(
        c,
        <Page title={`Điều ${article.number}`} active="content" principal={principal} unitName={c.get("unitName")}>
          <p>
            <a href={back}>← {article.documentTitle}</a>
          </p>
          <PageHeading title={`Điều ${article.number}${article.title ? `. ${article.title}` : ""}`} />
          <section class="card">
            {rights.canEdit ? (
              <form
                class="stack"
                data-api={`/api/articles/${article.id}`}
                data-method="PATCH"
                data-next={back}
                data-success="Đã lưu điều."
              >
                <label>
                  Số điều
                  <input name="number" value={article.number} required />
                </label>
                <label>
                  Tên điều
                  <input name="title" value={article.title ?? ""} data-empty="null" />
                </label>
                <label>
                  Nội dung
                  <textarea name="body" rows={16} required>
                    {article.body}
                  </textarea>
                </label>
                <div class="actions">
                  <button type="submit">Lưu điều</button>
                  <a class="button secondary" href={back}>
                    Hủy
                  </a>
                </div>
              </form>
            ) : (
              <pre class="text">{article.body}</pre>
            )}
          </section>
        </Page>,
      );
    })
    .get("/console/content/import", async (c) => {
      const principal = c.get("principal");
      const rights = contentRights(c);
      if (!rights.canEdit) throw new ApiError("forbidden", 'Nhập văn bản cần vai trò "Cán bộ" trở lên.');
      const example = JSON.stringify(
        [
          {
            id: "Luật Hòa giải ở cơ sở",
            number: "35/2013/QH13",
            effectiveFrom: "2014-01-01",
            articles: [{ id: "1", text: "Phạm vi điều chỉnh\nLuật này quy định về hòa giải ở cơ sở…" }],
          },
        ],
        null,
        2,
      );
      return renderPage(
        c,
        <Page
          title="Nhập văn bản"
          active="content"
          principal={principal}
          unitName={c.get("unitName")}
          scripts={SCRIPTS}
        >
          <PageHeading title="Nhập văn bản" subtitle="Từ tệp luật JSON (cùng định dạng với npm run import:laws)" />
          <ContentTabs active="import" canEdit={rights.canEdit} />
          <section class="card">
            <form
              class="stack"
              data-api="/api/documents/import"
              data-next="/console/content/documents/{documentId}"
              data-success="Đã nhập văn bản."
            >
              <label>
                Chọn tệp (.json)
                <input type="file" accept=".json,application/json" data-law-file data-target="text" data-skip />
                <span class="muted" data-law-file-note />
              </label>
              <label>
                Nội dung tệp
                <textarea name="text" rows={14} required spellcheck={false} placeholder={example} />
              </label>
              <div class="grid">
                <label>
                  Nguồn (người dân đọc)
                  <input name="source" placeholder="Công báo, cơ sở dữ liệu quốc gia về văn bản pháp luật…" />
                </label>
                <label>
                  Mã đơn vị quản lý văn bản mới
                  <input name="unitCode" placeholder={`Mặc định: đơn vị của bạn (${c.get("unitName")})`} />
                </label>
              </div>
              <p class="muted">
                Nhập tất cả hoặc không gì cả. Văn bản trùng tên được cập nhật các điều; văn bản mới được đăng ngay. Tệp
                lỗi được báo dòng và cột, hoặc bản ghi và trường bị lỗi.
              </p>
              <div class="actions">
                <button type="submit">Nhập</button>
              </div>
            </form>
          </section>
          <section class="card">
            <h2>Ví dụ</h2>
            <pre class="text">{example}</pre>
          </section>
        </Page>,
      );
    });
}
