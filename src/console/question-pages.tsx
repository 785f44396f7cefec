// The Q&A inbox of the console: the escalated questions of the officer's scope (filtered by status, overdue, unit
// and words, overdue ones highlighted), and one question with what the bot had shown the citizen, where an officer
// claims it, answers it citing articles chosen with the article picker (question-script.ts), closes it, or promotes
// the answer so the bot gives it itself. Pages read through the same services as GET /api/questions; every change
// goes through the officer API, so its scope checks, state rules (409) and audit apply unchanged.
import { Hono } from "hono";
import { z } from "zod";
import { type QuestionStatus, questionStatuses } from "../../db/schema/questions";
import type { Principal } from "../officers/principal";
import { may } from "../officers/roles";
import { getQuestion, listQuestions, type QuestionRecord, questionUnits } from "../qa/question-service";
import { listRouteRules } from "../qa/route-rules";
import type { ConsoleEnv } from "./console-env";
import { vnDateTime, vnNumber } from "./format";
import { Page, PageHeading, Pager } from "./layout";
import { questionScript } from "./question-script";
import { notFoundPage, renderPage, serveAsset } from "./render";

const PAGE_SIZE = 25;
const SCRIPT = "/console/assets/questions.js";

const statusLabels: Record<QuestionStatus, string> = {
  open: "Đang chờ",
  claimed: "Đã nhận",
  answered: "Đã trả lời",
  closed: "Đã đóng",
};
const statusBadges: Record<QuestionStatus, string> = {
  open: "badge warn",
  claimed: "badge",
  answered: "badge ok",
  closed: "badge",
};

const channelLabels: Record<string, string> = {
  web: "Trang web",
  telegram: "Telegram",
  zalo: "Zalo cá nhân",
  zalo_oa: "Zalo OA",
};

// A bad query string is read as no filter rather than refused: these are links officers bookmark and share.
const inboxQuerySchema = z.object({
  status: z.enum(questionStatuses).optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  unit: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,20}$/)
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const idSchema = z.uuid();

function StatusBadges(props: { question: QuestionRecord }) {
  const q = props.question;
  return (
    <>
      <span class={statusBadges[q.status]}>{unbroken(statusLabels[q.status])}</span>
      {q.overdue ? (
        <>
          {" "}
          <span class="badge bad">{unbroken("Quá hạn")}</span>
        </>
      ) : null}
    </>
  );
}

/** A badge's words kept on one line (a narrow table column would otherwise break "Đang chờ" in two). */
function unbroken(label: string): string {
  return label.replace(/ /g, "\u00a0");
}

/** The first line of a question, cut to a table cell's worth. */
function preview(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function questionPages() {
  return new Hono<ConsoleEnv>()
    .get(SCRIPT, (c) => serveAsset(c, questionScript, "js"))
    .get("/console/questions", async (c) => {
      const principal = c.get("principal");
      const { db } = c.get("services");
      const query = inboxQuerySchema.parse(c.req.query());
      const [result, units, rules] = await Promise.all([
        listQuestions(db, principal, {
          status: query.status,
          overdueOnly: query.overdue,
          unitCode: query.unit,
          q: query.q,
          page: query.page,
          pageSize: PAGE_SIZE,
        }),
        questionUnits(db, principal),
        listRouteRules(db, principal),
      ]);
      const filtered = query.status !== undefined || query.overdue || query.unit !== undefined || query.q !== undefined;
      return renderPage(
        c,
        <Page title="Hỏi đáp" active="questions" principal={principal} unitName={c.get("unitName")}>
          <PageHeading
            title="Hỏi đáp"
            subtitle="Câu hỏi người dân gửi cán bộ tư pháp qua Loa, trong phạm vi đơn vị của bạn."
          />
          <form method="get" action="/console/questions" class="filters" role="search">
            <label>
              Trạng thái
              <select name="status">
                <option value="">Tất cả</option>
                {questionStatuses.map((s) => (
                  <option value={s} selected={query.status === s}>
                    {statusLabels[s]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Đơn vị
              <select name="unit">
                <option value="">Tất cả đơn vị</option>
                {units.map((u) => (
                  <option value={u.code} selected={query.unit === u.code}>
                    {`${u.name} (${vnNumber(u.total)})`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tìm trong câu hỏi
              <input type="search" name="q" value={query.q ?? ""} placeholder="ví dụ: ly hôn" />
            </label>
            <label class="check">
              <input type="checkbox" name="overdue" value="1" checked={query.overdue} /> Chỉ câu hỏi quá hạn
            </label>
            <button type="submit">Lọc</button>
            {filtered ? (
              <a href="/console/questions" class="button secondary">
                Bỏ lọc
              </a>
            ) : null}
          </form>
          <section class="card">
            {result.items.length === 0 ? (
              <p class="muted">{filtered ? "Chưa có câu hỏi nào khớp bộ lọc." : "Chưa có câu hỏi nào."}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Câu hỏi</th>
                    <th>Hạn trả lời</th>
                    <th>Trạng thái</th>
                    <th>Người nhận</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((q) => (
                    <tr class={q.overdue ? "overdue" : undefined} data-question={q.id}>
                      <td>
                        <a href={`/console/questions/${q.id}`}>{preview(q.text)}</a>
                        <div class="muted">
                          {`${q.unitName} · ${channelLabels[q.channel] ?? q.channel} · gửi ${vnDateTime(q.createdAt)}`}
                        </div>
                      </td>
                      <td>{vnDateTime(q.dueAt)}</td>
                      <td>
                        <StatusBadges question={q} />
                      </td>
                      <td>{q.claimedBy ?? <span class="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Pager page={result.page} pageSize={PAGE_SIZE} total={result.total} url={new URL(c.req.url)} />
          </section>
          {rules.length > 0 ? (
            <details class="card">
              <summary>Quy tắc chuyển câu hỏi theo lĩnh vực ({rules.length})</summary>
              <table>
                <thead>
                  <tr>
                    <th>Câu hỏi từ đơn vị</th>
                    <th>Lĩnh vực</th>
                    <th>Chuyển tới đơn vị</th>
                  </tr>
                </thead>
                <tbody>
                  {rules.map((r) => (
                    <tr>
                      <td>{r.fromUnitCode}</td>
                      <td>{r.topicName}</td>
                      <td>{r.toUnitCode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
        </Page>,
      );
    })
    .get("/console/questions/:id", async (c) => {
      const principal = c.get("principal");
      const id = idSchema.safeParse(c.req.param("id"));
      const question = id.success ? await getQuestion(c.get("services").db, principal, id.data) : null;
      if (!question) return notFoundPage(c, "Không có câu hỏi này trong phạm vi của bạn.");
      return renderPage(
        c,
        <Page title="Câu hỏi" active="questions" principal={principal} unitName={c.get("unitName")} scripts={[SCRIPT]}>
          <QuestionDetail question={question} principal={principal} />
        </Page>,
      );
    });
}

type FullQuestion = NonNullable<Awaited<ReturnType<typeof getQuestion>>>;

function QuestionDetail(props: { question: FullQuestion; principal: Principal }) {
  const { question: q, principal } = props;
  const api = `/api/questions/${q.id}`;
  const handles = may(principal.role, "editContent");
  const claimedByOther = q.status === "claimed" && q.claimedByOfficerId !== principal.officerId;
  return (
    <>
      <p>
        <a href="/console/questions">← Hộp thư hỏi đáp</a>
      </p>
      <PageHeading title="Câu hỏi của người dân">
        <StatusBadges question={q} />
      </PageHeading>
      <section class="card">
        <pre class="text" data-question-text>
          {q.text}
        </pre>
      </section>
      <div class="grid">
        <section class="card">
          <h2>Thông tin</h2>
          <table>
            <tbody>
              <tr>
                <th>Kênh</th>
                <td>{channelLabels[q.channel] ?? q.channel}</td>
              </tr>
              <tr>
                <th>Đơn vị</th>
                <td>{q.unitName}</td>
              </tr>
              <tr>
                <th>Gửi lúc</th>
                <td>{vnDateTime(q.createdAt)}</td>
              </tr>
              <tr class={q.overdue ? "overdue" : undefined}>
                <th>Hạn trả lời</th>
                <td>
                  {vnDateTime(q.dueAt)}
                  {q.overdue ? (
                    <>
                      {" "}
                      <span class="badge bad">{unbroken("Quá hạn")}</span>
                    </>
                  ) : null}
                </td>
              </tr>
              <tr>
                <th>Người nhận</th>
                <td>{q.claimedBy ? `${q.claimedBy} · ${vnDateTime(q.claimedAt)}` : "Chưa có ai nhận"}</td>
              </tr>
              {q.closedAt ? (
                <tr>
                  <th>Đóng lúc</th>
                  <td>{vnDateTime(q.closedAt)}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
        <section class="card">
          <h2>Điều luật Loa đã gợi ý</h2>
          {q.articles.length === 0 ? (
            <p class="muted">Loa chưa tìm thấy điều luật nào cho câu hỏi này.</p>
          ) : (
            <ul>
              {q.articles.map((a) => (
                <li>
                  {`Điều ${a.article} ${a.document}`}
                  {a.title ? <span class="muted">{` — ${a.title}`}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {q.answerText !== null ? <AnswerCard question={q} /> : null}
      {handles ? (
        <Actions question={q} api={api} claimedByOther={claimedByOther} />
      ) : (
        <p class="muted">Vai trò của bạn chỉ được xem câu hỏi.</p>
      )}
    </>
  );
}

function AnswerCard(props: { question: FullQuestion }) {
  const q = props.question;
  return (
    <section class="card" data-answer>
      <h2>Câu trả lời đã gửi</h2>
      <p class="muted">
        {q.answeredBy ?? "Cán bộ"} · {vnDateTime(q.answeredAt)}
      </p>
      <pre class="text">{q.answerText}</pre>
      {q.answerCitations.length > 0 ? (
        <p data-citations>
          <strong>Căn cứ:</strong> {q.answerCitations.map((c) => `Điều ${c.article} ${c.document}`).join("; ")}
        </p>
      ) : (
        <p class="muted">Không trích dẫn điều luật.</p>
      )}
      {q.promotedAnswerId !== null ? (
        <p>
          <span class="badge ok">Đã là câu trả lời mẫu #{q.promotedAnswerId}</span>
        </p>
      ) : null}
    </section>
  );
}

function Actions(props: { question: FullQuestion; api: string; claimedByOther: boolean }) {
  const { question: q, api, claimedByOther } = props;
  const answerable = q.status === "open" || q.status === "claimed";
  const promotable = q.answerText !== null && q.promotedAnswerId === null;
  return (
    <>
      {answerable ? (
        <section class="card">
          <h2>Trả lời</h2>
          {q.status === "open" ? (
            <div data-error-scope>
              <p class="form-error" role="alert" />
              <p>
                <button
                  type="button"
                  data-api={`${api}/claim`}
                  data-method="POST"
                  data-success="Bạn đã nhận trả lời câu hỏi này."
                >
                  Nhận trả lời
                </button>{" "}
                <span class="muted">để cán bộ khác biết bạn đang xử lý.</span>
              </p>
            </div>
          ) : claimedByOther ? (
            <p class="muted">
              {`Câu hỏi đã được ${q.claimedBy ?? "cán bộ khác"} nhận; chỉ người nhận mới trả lời được.`}
            </p>
          ) : null}
          <form
            class="stack"
            data-api={`${api}/answer`}
            data-method="POST"
            data-success="Đã gửi câu trả lời tới người hỏi."
          >
            <label>
              Câu trả lời (văn bản thuần, gửi nguyên văn tới người hỏi)
              <textarea name="text" required maxlength={8000} />
            </label>
            <fieldset class="picker" data-picker>
              <legend>Căn cứ pháp lý</legend>
              <p class="muted" data-picked-empty>
                Chưa chọn điều luật nào.
              </p>
              <ul data-picked />
              <input type="hidden" name="citations" data-type="json" data-picked-json />
              {q.articles.length > 0 ? (
                <>
                  <p class="muted">Điều luật Loa đã gợi ý cho người hỏi:</p>
                  <ul>
                    {q.articles.map((a) => (
                      <li>
                        <button
                          type="button"
                          class="link"
                          data-pick-document={a.document}
                          data-pick-article={a.article}
                          data-pick-label={`Điều ${a.article} ${a.document}`}
                        >
                          {`+ Điều ${a.article} ${a.document}`}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <label>
                Tìm điều luật để trích dẫn
                <input type="search" data-picker-query placeholder="ví dụ: ly hôn, quyền nuôi con" />
              </label>
              <p>
                <button type="button" class="secondary" data-picker-search>
                  Tìm điều luật
                </button>
              </p>
              <p class="muted" role="status" data-picker-status />
              <ul data-picker-results />
            </fieldset>
            <div>
              <button type="submit">Gửi câu trả lời</button>
            </div>
          </form>
        </section>
      ) : null}
      {promotable ? (
        <section class="card">
          <h2>Đưa vào câu trả lời mẫu</h2>
          <p class="muted">
            Loa sẽ tự trả lời người hỏi sau bằng câu trả lời này (kèm căn cứ). Có thể biên tập cho gọn và bỏ thông tin
            riêng trước khi đưa vào.
          </p>
          <form class="stack" data-api={`${api}/promote`} data-method="POST" data-success="Đã đưa vào câu trả lời mẫu.">
            <label>
              Câu hỏi mẫu
              <textarea name="question" maxlength={2000}>
                {q.text}
              </textarea>
            </label>
            <label>
              Câu trả lời mẫu
              <textarea name="answer" maxlength={8000}>
                {q.answerText ?? ""}
              </textarea>
            </label>
            <div>
              <button type="submit">Đưa vào câu trả lời mẫu</button>
            </div>
          </form>
        </section>
      ) : null}
      {q.status !== "closed" ? (
        <section class="card" data-error-scope>
          <h2>Đóng câu hỏi</h2>
          <p class="muted">Khi câu hỏi đã xong, trùng, hoặc không cần trả lời.</p>
          <p class="form-error" role="alert" />
          <button
            type="button"
            class="danger"
            data-api={`${api}/close`}
            data-method="POST"
            data-confirm="Đóng câu hỏi này?"
            data-success="Đã đóng câu hỏi."
          >
            Đóng câu hỏi
          </button>
        </section>
      ) : null}
    </>
  );
}
