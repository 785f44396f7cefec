// Surveys at /console/surveys: the catalog's definitions with their published versions, the questions of a version
// as officers read them (/console/surveys/:key?version=N), the waves of each survey in the officer's scope, and the
// form that opens a wave for a unit (POST /api/surveys/{key}/waves, so validation, scope and audit stay in the API).
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { type Condition, type Question, questionOptions, type SurveyDefinition } from "../../surveys/schema";
import { may } from "../officers/roles";
import { getSurveyVersion, listSurveysForOfficer, listWaves } from "../surveys/survey-admin";
import { surveyCatalog } from "../surveys/survey-repository";
import type { ConsoleEnv } from "./console-env";
import { datetimeLocalValue, vnDate, vnDateTime } from "./format";
import { Page, PageHeading } from "./layout";
import { loadUnitChoices, UnitSelect } from "./officer-unit-select";
import { notFoundPage, renderPage } from "./render";

const typeLabels: Record<Question["type"], string> = {
  single: "Chọn một",
  multi: "Chọn nhiều",
  likert5: "Thang 5 mức",
  yes_no_dk: "Có / Không / Không rõ",
  number: "Số",
  text: "Trả lời tự do",
  unit: "Đơn vị hành chính",
  quiz: "Trắc nghiệm",
};

const indicatorLabels: Record<string, string> = {
  self_learning: "Tự tìm hiểu pháp luật",
  knows_law: "Hiểu biết pháp luật",
  understands_law: "Hiểu nội dung pháp luật",
  satisfaction: "Mức độ hài lòng",
  helpful: "Thông tin hữu ích",
  legal_access: "Tiếp cận pháp luật",
};

type Wave = Awaited<ReturnType<typeof listWaves>>[number];

function waveState(wave: Wave, now: Date) {
  if (wave.startsAt > now) return <span class="badge warn">Sắp mở</span>;
  if (wave.endsAt && wave.endsAt <= now) return <span class="badge">Đã kết thúc</span>;
  return <span class="badge ok">Đang mở</span>;
}

function conditionText(condition: Condition): string {
  if ("question" in condition) return `câu "${condition.question}" là ${condition.in.join(" hoặc ")}`;
  if ("all" in condition) return condition.all.map(conditionText).join(" và ");
  return condition.any.map(conditionText).join(" hoặc ");
}

function QuestionCard(props: { question: Question; index: number }): Child {
  const q = props.question;
  const options = questionOptions(q);
  const correct = q.type === "quiz" ? new Set(q.correct) : null;
  return (
    <li>
      <p>
        <strong>{q.text}</strong>
      </p>
      <p class="muted">
        <code>{q.id}</code> · {typeLabels[q.type]}
        {q.required ? "" : " · không bắt buộc"}
        {q.indicator ? ` · chỉ số: ${indicatorLabels[q.indicator] ?? q.indicator}` : ""}
        {q.type === "number" ? ` · từ ${q.min} đến ${q.max}${q.unit ? ` ${q.unit}` : ""}` : ""}
        {q.type === "multi" && q.maxSelected ? ` · chọn tối đa ${q.maxSelected}` : ""}
        {q.type === "unit" ? ` · cấp ${q.level === "commune" ? "xã" : "tỉnh"}` : ""}
        {q.sensitive ? " · dữ liệu nhạy cảm" : ""}
      </p>
      {q.showIf ? <p class="muted">Chỉ hỏi khi {conditionText(q.showIf)}.</p> : null}
      {options ? (
        <ul>
          {options.map((option) => (
            <li>
              {option.label} <code class="muted">{option.code}</code>
              {correct?.has(option.code) ? <span class="badge ok">Đáp án đúng</span> : null}
              {q.positive?.includes(option.code) ? <span class="badge">tích cực</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {q.type === "quiz" ? (
        <p class="muted">
          Giải thích: {q.explanation} (Điều {q.citation.article}, {q.citation.document})
        </p>
      ) : null}
    </li>
  );
}

function Questions(props: { definition: SurveyDefinition }) {
  const d = props.definition;
  return (
    <>
      <p>
        <strong>Mục đích:</strong> {d.purpose}
      </p>
      <p>
        <strong>Thông tin thu thập:</strong> {d.collects.join("; ")}
      </p>
      <p>
        <strong>Người dưới 16 tuổi:</strong>{" "}
        {d.minors === "anonymous" ? "trả lời ẩn danh, không hỏi câu định danh" : "không tham gia"}
      </p>
      <p>
        <strong>Lời giới thiệu:</strong> {d.intro}
      </p>
      <ol>
        {d.questions.map((question, index) => (
          <QuestionCard question={question} index={index} />
        ))}
      </ol>
      <p>
        <strong>Lời kết:</strong> {d.outro}
      </p>
    </>
  );
}

export function surveyPages() {
  const app = new Hono<ConsoleEnv>();

  app.get("/console/surveys", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const surveys = await listSurveysForOfficer(db);
    const waves = await Promise.all(surveys.map((s) => listWaves(db, principal, s.key)));
    const now = new Date();
    return renderPage(
      c,
      <Page title="Khảo sát" active="surveys" principal={principal} unitName={c.get("unitName")}>
        <PageHeading
          title="Khảo sát"
          subtitle="Bộ câu hỏi, các phiên bản đã công bố và các đợt trong phạm vi của bạn"
        />
        {surveys.length === 0 ? (
          <section class="card">
            <p>Chưa có khảo sát nào.</p>
          </section>
        ) : (
          <section class="card">
            <table>
              <thead>
                <tr>
                  <th>Khảo sát</th>
                  <th>Phiên bản</th>
                  <th class="num">Số câu</th>
                  <th class="num">Đợt đang mở</th>
                  <th class="num">Tổng số đợt</th>
                </tr>
              </thead>
              <tbody>
                {surveys.map((survey, i) => {
                  const open = (waves[i] ?? []).filter((w) => w.startsAt <= now && (!w.endsAt || w.endsAt > now));
                  return (
                    <tr>
                      <td>
                        <a href={`/console/surveys/${survey.key}`}>{survey.title}</a>
                        <br />
                        <code class="muted">{survey.key}</code>
                      </td>
                      <td>
                        {survey.versions.length === 0 ? (
                          <span class="badge warn">v{survey.currentVersion} chưa công bố</span>
                        ) : (
                          survey.versions.map((v) => (
                            <>
                              <a href={`/console/surveys/${survey.key}?version=${v.version}`}>v{v.version}</a>{" "}
                              <span class="muted">({vnDate(v.publishedAt)})</span>{" "}
                            </>
                          ))
                        )}
                      </td>
                      <td class="num">{survey.questionCount}</td>
                      <td class="num">{open.length}</td>
                      <td class="num">{(waves[i] ?? []).length}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )}
      </Page>,
    );
  });

  app.get("/console/surveys/:key", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const key = c.req.param("key");
    const current = surveyCatalog().get(key);
    if (!current) return notFoundPage(c, "Không có khảo sát này.");
    const survey = (await listSurveysForOfficer(db)).find((s) => s.key === key)!;
    const requested = Number.parseInt(c.req.query("version") ?? "", 10);
    const versionNumber = Number.isInteger(requested) && requested > 0 ? requested : current.version;
    const version = await getSurveyVersion(db, key, versionNumber);
    if (!version) return notFoundPage(c, `Khảo sát này không có phiên bản ${versionNumber}.`);
    const waves = await listWaves(db, principal, key);
    const mayOpen = may(principal.role, "editContent");
    const choices = mayOpen ? await loadUnitChoices(db, principal) : null;
    const now = new Date();
    const knownVersions = new Set(survey.versions.map((v) => v.version));
    return renderPage(
      c,
      <Page title={current.title} active="surveys" principal={principal} unitName={c.get("unitName")}>
        <p>
          <a href="/console/surveys">← Các khảo sát</a>
        </p>
        <PageHeading title={current.title} subtitle={`Mã ${key} · phiên bản mới nhất ${current.version}`}>
          <a class="button secondary" href={`/console/results/${key}`}>
            Xem kết quả
          </a>
        </PageHeading>

        <section class="card">
          <h2>Các đợt khảo sát trong phạm vi của bạn</h2>
          {waves.length === 0 ? (
            <p>Chưa có đợt nào trong phạm vi của bạn.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Đợt</th>
                  <th>Đơn vị</th>
                  <th>Bên kiểm soát dữ liệu</th>
                  <th>Bắt đầu</th>
                  <th>Kết thúc</th>
                  <th>Trạng thái</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {waves.map((wave) => (
                  <tr>
                    <td>{wave.name}</td>
                    <td>{wave.unitName}</td>
                    <td>{wave.controller}</td>
                    <td>{vnDateTime(wave.startsAt)}</td>
                    <td>{wave.endsAt ? vnDateTime(wave.endsAt) : "Không hạn"}</td>
                    <td>{waveState(wave, now)}</td>
                    <td>
                      <a href={`/console/results/${key}?wave=${wave.id}`}>Kết quả</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        {mayOpen && choices ? (
          <section class="card">
            <h2>Mở đợt khảo sát</h2>
            <form
              class="stack"
              data-api={`/api/surveys/${key}/waves`}
              data-method="POST"
              data-success="Đã mở đợt khảo sát."
            >
              <div class="grid">
                <label>
                  Tên đợt
                  <input name="name" required maxlength={200} placeholder="VD: Trước Ngày Pháp luật 2026" />
                </label>
                <div class="stack">
                  <UnitSelect name="unitCode" label="Đơn vị" choices={choices} />
                </div>
                <label>
                  Bên kiểm soát dữ liệu
                  <input name="controller" required maxlength={200} value={c.get("unitName")} />
                </label>
                <label>
                  Bắt đầu
                  <input
                    name="startsAt"
                    type="datetime-local"
                    data-type="vn-datetime"
                    required
                    value={datetimeLocalValue(now)}
                  />
                </label>
                <label>
                  Kết thúc (để trống nếu không hạn)
                  <input name="endsAt" type="datetime-local" data-type="vn-datetime" data-empty="null" />
                </label>
              </div>
              <p class="muted">
                Người dân trong đơn vị được mời trả lời từ lúc bắt đầu; bên kiểm soát dữ liệu được nêu trong lời xin
                đồng ý. Giờ theo giờ Việt Nam.
              </p>
              <div class="actions">
                <button type="submit">Mở đợt khảo sát</button>
              </div>
            </form>
          </section>
        ) : null}

        <section class="card">
          <h2>Câu hỏi — phiên bản {versionNumber}</h2>
          <nav class="actions" aria-label="Phiên bản">
            {[...new Set([...knownVersions, current.version])]
              .sort((a, b) => a - b)
              .map((v) =>
                v === versionNumber ? (
                  <span class="badge ok">v{v} (đang xem)</span>
                ) : (
                  <a href={`/console/surveys/${key}?version=${v}`}>v{v}</a>
                ),
              )}
          </nav>
          <p class="muted">
            {version.publishedAt
              ? `Công bố ngày ${vnDate(version.publishedAt)}. Một phiên bản đã công bố không thay đổi; ` +
                "mỗi phiếu trả lời gắn với phiên bản nó đã trả lời."
              : "Phiên bản này chưa được công bố (sẽ công bố khi dịch vụ khởi động)."}
          </p>
          <Questions definition={version.definition} />
        </section>
      </Page>,
    );
  });

  return app;
}
