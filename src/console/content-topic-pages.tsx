// National content every unit shares: topics (the shelves statutes and lessons sit on) and the search synonyms
// ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"). Every officer reads them; only admins get the forms, and the
// API refuses anyone else who forces a change.
import { Hono } from "hono";
import { listSynonyms } from "../content/search-synonyms";
import { listTopicsForOfficer } from "../content/topic-admin";
import type { ConsoleEnv } from "./console-env";
import { ContentTabs, contentRights, pageNumber } from "./content-parts";
import { vnDate } from "./format";
import { foldText } from "../text/vietnamese";
import { Page, PageHeading, Pager } from "./layout";
import { renderPage } from "./render";

const SYNONYMS_PER_PAGE = 50;

export function contentTopicPages() {
  return new Hono<ConsoleEnv>()
    .get("/console/content/topics", async (c) => {
      const principal = c.get("principal");
      const rights = contentRights(c);
      const topics = await listTopicsForOfficer(c.get("services").db);
      return renderPage(
        c,
        <Page title="Chủ đề" active="content" principal={principal} unitName={c.get("unitName")}>
          <PageHeading
            title="Chủ đề"
            subtitle="Lĩnh vực pháp luật dùng chung cho mọi đơn vị; quản trị viên thêm và sửa"
          />
          <ContentTabs active="topics" canEdit={rights.canEdit} />
          <section class="card">
            {topics.length === 0 ? (
              <p class="muted">Chưa có chủ đề nào.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th class="num">Thứ tự</th>
                    <th>Chủ đề</th>
                    <th>Mô tả</th>
                    {rights.canManageTopics ? <th>Sửa</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {topics.map((t) => (
                    <tr>
                      <td class="num">{t.ordinal}</td>
                      <td>
                        {t.name}
                        <div class="muted">{t.slug}</div>
                      </td>
                      <td>{t.description ?? "—"}</td>
                      {rights.canManageTopics ? (
                        <td>
                          <details>
                            <summary>Sửa</summary>
                            <form
                              class="stack"
                              data-api={`/api/topics/${t.id}`}
                              data-method="PATCH"
                              data-success="Đã sửa chủ đề."
                            >
                              <label>
                                Tên
                                <input name="name" value={t.name} required />
                              </label>
                              <label>
                                Mô tả
                                <input name="description" value={t.description ?? ""} data-empty="null" />
                              </label>
                              <label>
                                Thứ tự
                                <input
                                  name="ordinal"
                                  type="number"
                                  min={0}
                                  value={String(t.ordinal)}
                                  data-type="number"
                                />
                              </label>
                              <button type="submit">Lưu</button>
                            </form>
                          </details>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {rights.canManageTopics ? (
            <section class="card">
              <h2>Thêm chủ đề</h2>
              <form class="stack" data-api="/api/topics" data-success="Đã thêm chủ đề.">
                <label>
                  Tên chủ đề
                  <input name="name" required maxlength={200} />
                </label>
                <label>
                  Mô tả
                  <input name="description" maxlength={1000} />
                </label>
                <label>
                  Thứ tự
                  <input name="ordinal" type="number" min={0} data-type="number" placeholder="100" />
                </label>
                <div class="actions">
                  <button type="submit">Thêm chủ đề</button>
                </div>
              </form>
            </section>
          ) : null}
        </Page>,
      );
    })
    .get("/console/content/synonyms", async (c) => {
      const principal = c.get("principal");
      const rights = contentRights(c);
      const query = (c.req.query("q") ?? "").trim();
      const wanted = foldText(query);
      const all = (await listSynonyms(c.get("services").db)).filter(
        (s) => !wanted || foldText(`${s.phrase} ${s.means}`).includes(wanted),
      );
      const page = pageNumber(c);
      const shown = all.slice((page - 1) * SYNONYMS_PER_PAGE, page * SYNONYMS_PER_PAGE);
      return renderPage(
        c,
        <Page title="Từ đồng nghĩa" active="content" principal={principal} unitName={c.get("unitName")}>
          <PageHeading
            title="Từ đồng nghĩa"
            subtitle="Cách nói thường ngày của người dân và thuật ngữ pháp luật nó có nghĩa, dùng khi tìm kiếm"
          />
          <ContentTabs active="synonyms" canEdit={rights.canEdit} />
          {rights.canManageTopics ? (
            <section class="card">
              <h2>Thêm từ đồng nghĩa</h2>
              <form class="stack" data-api="/api/search/synonyms" data-success="Đã thêm từ đồng nghĩa.">
                <div class="grid">
                  <label>
                    Người dân nói
                    <input name="phrase" required maxlength={200} placeholder="sổ đỏ" />
                  </label>
                  <label>
                    Nghĩa là
                    <input name="means" required maxlength={200} placeholder="giấy chứng nhận quyền sử dụng đất" />
                  </label>
                </div>
                <div class="actions">
                  <button type="submit">Thêm</button>
                </div>
              </form>
            </section>
          ) : null}
          <form class="filters" method="get" action="/console/content/synonyms">
            <label>
              Tìm
              <input name="q" value={query} placeholder="sổ đỏ" />
            </label>
            <button type="submit" class="secondary">
              Tìm
            </button>
          </form>
          <section class="card">
            {all.length === 0 ? (
              <p class="muted">
                {query ? `Không có từ đồng nghĩa nào chứa "${query}".` : "Chưa có từ đồng nghĩa nào."}
              </p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Người dân nói</th>
                    <th>Nghĩa là</th>
                    <th>Thêm ngày</th>
                    {rights.canManageTopics ? <th /> : null}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((s) => (
                    <tr>
                      <td>{s.phrase}</td>
                      <td>{s.means}</td>
                      <td>{vnDate(s.createdAt)}</td>
                      {rights.canManageTopics ? (
                        <td>
                          <button
                            type="button"
                            class="link"
                            data-api={`/api/search/synonyms/${s.id}`}
                            data-method="DELETE"
                            data-confirm={`Xóa "${s.phrase}" → "${s.means}"?`}
                            data-success="Đã xóa từ đồng nghĩa."
                            aria-label={`Xóa ${s.phrase}`}
                          >
                            Xóa
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager page={page} pageSize={SYNONYMS_PER_PAGE} total={all.length} url={new URL(c.req.url)} />
          </section>
        </Page>,
      );
    });
}
