// Lessons (bài học, bài phổ biến) in the console: the list of the officer's scope, and the editor, one form for a new
// lesson and an existing one: title, summary, body, topic, owning unit and citations as repeated rows (statute +
// article), never as JSON to type. Saving and publishing go through the officer API.
import { Hono } from "hono";
import type { Citation } from "../../db/schema/index";
import { getLessonForOfficer, listLessonsForOfficer } from "../content/lesson-admin";
import { listTopicsForOfficer } from "../content/topic-admin";
import { ApiError } from "../errors";
import type { ConsoleEnv } from "./console-env";
import {
  ContentTabs,
  contentRights,
  PublishStatusFilter,
  excerpt,
  idParam,
  pageNumber,
  PublishBadge,
} from "./content-parts";
import { vnDateTime } from "./format";
import { ListTable, Page, PageHeading, Pager } from "./layout";
import { renderPage } from "./render";

const LESSONS_PER_PAGE = 25;
const SCRIPTS = ["/console/assets/content.js"];

type Topic = Awaited<ReturnType<typeof listTopicsForOfficer>>[number];
type Lesson = NonNullable<Awaited<ReturnType<typeof getLessonForOfficer>>>;

export function contentLessonPages() {
  return new Hono<ConsoleEnv>()
    .get("/console/content/lessons", async (c) => {
      const principal = c.get("principal");
      const db = c.get("services").db;
      const rights = contentRights(c);
      const status = c.req.query("status");
      const filter = status === "draft" || status === "published" ? status : undefined;
      const page = pageNumber(c);
      const result = await listLessonsForOfficer(db, principal, filter, page, LESSONS_PER_PAGE);
      const topics = new Map((await listTopicsForOfficer(db)).map((t) => [t.id, t.name]));
      return renderPage(
        c,
        <Page title="Bài học" active="content" principal={principal} unitName={c.get("unitName")}>
          <PageHeading title="Bài học" subtitle="Bài phổ biến pháp luật người dân đọc trong chat">
            {rights.canEdit ? (
              <a class="button" href="/console/content/lessons/new">
                Viết bài mới
              </a>
            ) : null}
          </PageHeading>
          <ContentTabs active="lessons" canEdit={rights.canEdit} />
          <form class="filters" method="get" action="/console/content/lessons">
            <PublishStatusFilter value={filter} />
            <button type="submit" class="secondary">
              Lọc
            </button>
          </form>
          <section class="card">
            <ListTable
              items={result.items}
              headings={["Bài", "Chủ đề", "Đăng", "Đơn vị", "Cập nhật"]}
              empty={`Chưa có bài học nào${filter ? " ở trạng thái này" : ""}.`}
              row={(l) => (
                <tr>
                  <td>
                    <a href={`/console/content/lessons/${l.id}`}>{l.title}</a>
                    <div class="muted">{excerpt(l.summary, 120)}</div>
                  </td>
                  <td>{l.topicId ? (topics.get(l.topicId) ?? "—") : "—"}</td>
                  <td>
                    <PublishBadge status={l.status} />
                  </td>
                  <td>{l.unitCode}</td>
                  <td>{vnDateTime(l.updatedAt)}</td>
                </tr>
              )}
            />
            <Pager page={page} pageSize={LESSONS_PER_PAGE} total={result.total} url={new URL(c.req.url)} />
          </section>
        </Page>,
      );
    })
    .get("/console/content/lessons/new", async (c) => {
      const principal = c.get("principal");
      const rights = contentRights(c);
      if (!rights.canEdit) throw new ApiError("forbidden", 'Viết bài cần vai trò "Cán bộ" trở lên.');
      const topics = await listTopicsForOfficer(c.get("services").db);
      return renderPage(
        c,
        <Page title="Bài mới" active="content" principal={principal} unitName={c.get("unitName")} scripts={SCRIPTS}>
          <p>
            <a href="/console/content/lessons">← Bài học</a>
          </p>
          <PageHeading title="Bài mới" subtitle="Lưu thành bản nháp; đăng khi đã sẵn sàng" />
          <LessonEditor topics={topics} lesson={null} unitName={c.get("unitName")} />
        </Page>,
      );
    })
    .get("/console/content/lessons/:id", async (c) => {
      const principal = c.get("principal");
      const db = c.get("services").db;
      const rights = contentRights(c);
      const lesson = await getLessonForOfficer(db, principal, idParam(c));
      if (!lesson) throw new ApiError("not_found", "Không có bài này trong phạm vi của bạn.");
      const topics = await listTopicsForOfficer(db);
      return renderPage(
        c,
        <Page
          title={lesson.title}
          active="content"
          principal={principal}
          unitName={c.get("unitName")}
          scripts={SCRIPTS}
        >
          <p>
            <a href="/console/content/lessons">← Bài học</a> <PublishBadge status={lesson.status} />
          </p>
          <PageHeading
            title={lesson.title}
            subtitle={`Đơn vị ${lesson.unitCode} · Cập nhật ${vnDateTime(lesson.updatedAt)}${
              lesson.publishedAt ? ` · Đăng ${vnDateTime(lesson.publishedAt)}` : ""
            }`}
          >
            {rights.canPublish ? (
              lesson.status === "published" ? (
                <button
                  type="button"
                  class="secondary"
                  data-api={`/api/lessons/${lesson.id}/unpublish`}
                  data-confirm="Gỡ bài này về bản nháp? Người dân sẽ không đọc được nữa."
                  data-success="Đã gỡ bài về bản nháp."
                >
                  Gỡ xuống
                </button>
              ) : (
                <button type="button" data-api={`/api/lessons/${lesson.id}/publish`} data-success="Đã đăng bài.">
                  Đăng cho người dân
                </button>
              )
            ) : null}
          </PageHeading>
          {rights.canEdit ? (
            <LessonEditor topics={topics} lesson={lesson} unitName={c.get("unitName")} />
          ) : (
            <LessonView lesson={lesson} topics={topics} />
          )}
        </Page>,
      );
    });
}

function LessonView(props: { lesson: Lesson; topics: Topic[] }) {
  const { lesson } = props;
  return (
    <section class="card">
      <p>
        <strong>{lesson.summary}</strong>
      </p>
      <p class="muted">Chủ đề: {props.topics.find((t) => t.id === lesson.topicId)?.name ?? "—"}</p>
      <pre class="text">{lesson.body}</pre>
      {lesson.citations.length > 0 ? (
        <>
          <h3>Căn cứ</h3>
          <ul>
            {lesson.citations.map((cite) => (
              <li>
                Điều {cite.article} {cite.document}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function CitationRow(props: { citation?: Citation }) {
  return (
    <div class="grid" data-citation-row>
      <label>
        Văn bản
        <input
          data-skip
          data-citation-document
          value={props.citation?.document ?? ""}
          placeholder="Luật Hôn nhân và gia đình"
        />
      </label>
      <label>
        Điều
        <input data-skip data-citation-article value={props.citation?.article ?? ""} placeholder="8" />
      </label>
      <div class="actions">
        <button type="button" class="link" data-citation-remove>
          Bỏ căn cứ này
        </button>
      </div>
    </div>
  );
}

function LessonEditor(props: { topics: Topic[]; lesson: Lesson | null; unitName: string }) {
  const { lesson } = props;
  const citations = lesson?.citations ?? [];
  return (
    <section class="card">
      <form
        class="stack"
        data-api={lesson ? `/api/lessons/${lesson.id}` : "/api/lessons"}
        data-method={lesson ? "PATCH" : "POST"}
        data-next={lesson ? undefined : "/console/content/lessons/{id}"}
        data-success="Đã lưu bài."
      >
        <label>
          Tiêu đề
          <input name="title" value={lesson?.title ?? ""} required maxlength={300} />
        </label>
        <label>
          Tóm tắt (một hai câu, hiện trong danh sách bài)
          <textarea name="summary" rows={3} required maxlength={1000}>
            {lesson?.summary ?? ""}
          </textarea>
        </label>
        <label>
          Nội dung
          <textarea name="body" rows={14} required>
            {lesson?.body ?? ""}
          </textarea>
        </label>
        <div class="grid">
          <label>
            Chủ đề
            <select name="topicId" data-type="number" data-empty="null">
              <option value="">Không có chủ đề</option>
              {props.topics.map((t) => (
                <option value={String(t.id)} selected={t.id === lesson?.topicId}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Mã đơn vị sở hữu
            <input
              name="unitCode"
              value={lesson?.unitCode ?? ""}
              placeholder={`Mặc định: đơn vị của bạn (${props.unitName})`}
            />
          </label>
        </div>
        <fieldset data-citations>
          <legend>Căn cứ pháp lý (điều luật bài dẫn)</legend>
          <input type="hidden" name="citations" data-type="json" value={JSON.stringify(citations)} />
          <div data-citation-list>
            {citations.map((citation) => (
              <CitationRow citation={citation} />
            ))}
          </div>
          <template>
            <CitationRow />
          </template>
          <button type="button" class="secondary" data-citation-add>
            Thêm căn cứ
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit">{lesson ? "Lưu bài" : "Lưu bản nháp"}</button>
        </div>
      </form>
    </section>
  );
}
