// The console's survey results: the surveys of the catalog with the waves and completed responses the officer sees,
// then one survey's results per question as bar charts (counts and shares with the definition's labels, quiz right
// answers, the latest free-text answers), filtered by wave, unit and period, with the same filters' CSV and XLSX
// downloads. The numbers are GET /api/surveys/{key}/results' (surveyResults, same scope as the exports).
import { Hono } from "hono";
import { surveyCatalog } from "../surveys/survey-repository";
import { listChildUnits } from "../units/unit-service";
import { type QuestionResult, surveyResults, surveyResultsOverview } from "../scoring/survey-results";
import { BarChart, type BarItem } from "./charts";
import type { ConsoleEnv } from "./console-env";
import { vnDate, vnDateTime, vnNumber, vnPercent } from "./format";
import { Page, PageHeading } from "./layout";
import { notFoundPage, renderPage } from "./render";

/** Units offered by name in the unit filter: the officer's own and those directly below it (a province's communes). */
const UNIT_CHOICES = 500;

/** Waves listed per survey on the overview; the rest are in the survey page's wave picker. */
const WAVES_SHOWN = 5;

const typeLabels: Record<QuestionResult["type"], string> = {
  single: "Một lựa chọn",
  multi: "Nhiều lựa chọn",
  likert5: "Thang 5 mức",
  yes_no_dk: "Có / Không / Không rõ",
  number: "Số",
  text: "Trả lời tự do",
  unit: "Xã, phường",
  quiz: "Câu đố",
};

const percentOf = (share: number | null) => (share === null ? "—" : vnPercent(share, 1));

export function resultsPages() {
  const app = new Hono<ConsoleEnv>();

  app.get("/console/results", async (c) => {
    const principal = c.get("principal");
    const surveys = await surveyResultsOverview(c.get("services").db, principal);
    return renderPage(
      c,
      <Page title="Kết quả khảo sát" active="results" principal={principal} unitName={c.get("unitName")}>
        <PageHeading
          title="Kết quả khảo sát"
          subtitle={
            "Phiếu đã hoàn thành trong phạm vi của bạn: của các đợt thuộc đơn vị bạn, " +
            "hoặc của người trả lời ở đơn vị bạn."
          }
        />
        <div class="grid">
          {surveys.map((survey) => (
            <section class="card">
              <h2>
                <a href={`/console/results/${survey.key}`}>{survey.title}</a>
              </h2>
              <p>
                <span class="stat">{vnNumber(survey.responses)}</span> <span class="muted">phiếu đã hoàn thành</span>
              </p>
              {survey.waves.length === 0 ? (
                <p class="muted">Chưa có phiếu nào trong phạm vi của bạn.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>Đợt</th>
                      <th class="num">Phiếu</th>
                    </tr>
                  </thead>
                  <tbody>
                    {survey.waves.slice(0, WAVES_SHOWN).map((wave) => (
                      <tr>
                        <td>
                          <a href={`/console/results/${survey.key}?wave=${wave.id}`}>{wave.name}</a>
                          <div class="muted">
                            {wave.unitName} · từ {vnDate(wave.startsAt)}
                            {wave.endsAt ? ` đến ${vnDate(wave.endsAt)}` : ""}
                          </div>
                        </td>
                        <td class="num">{vnNumber(wave.responses)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {survey.waves.length > WAVES_SHOWN ? (
                <p class="muted">
                  Và {survey.waves.length - WAVES_SHOWN} đợt khác:{" "}
                  <a href={`/console/results/${survey.key}`}>chọn ở trang kết quả</a>.
                </p>
              ) : null}
            </section>
          ))}
        </div>
      </Page>,
    );
  });

  app.get("/console/results/:surveyKey", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const key = c.req.param("surveyKey");
    if (!surveyCatalog().has(key)) return notFoundPage(c, "Không có khảo sát này.");
    const query = c.req.query();
    const wave = query.wave?.trim() || undefined;
    const unit = query.unit?.trim() || undefined;
    const from = query.from?.trim() || undefined;
    const to = query.to?.trim() || undefined;
    const waveId = wave === undefined ? undefined : Number(wave);
    if (waveId !== undefined && !(Number.isInteger(waveId) && waveId > 0))
      return notFoundPage(c, "Không có đợt khảo sát này.");
    const results = await surveyResults(db, principal, { surveyKey: key, waveId, unitCode: unit, from, to });
    if (!results) return notFoundPage(c, "Không có khảo sát này.");
    const overview = (await surveyResultsOverview(db, principal)).find((s) => s.key === key);
    // Officers know their communes by name, not by code: the box suggests them (the browser filters as they type).
    const below = await listChildUnits(db, principal, undefined, 1, UNIT_CHOICES);
    const unitChoices = below ? [below.parent, ...below.items] : [];

    const download = new URLSearchParams({ survey: key });
    if (waveId !== undefined) download.set("wave", String(waveId));
    if (unit) download.set("unit", unit);
    if (from) download.set("from", from);
    if (to) download.set("to", to);
    download.set("status", "completed");
    const link = (format: string, layout = "wide") =>
      `/api/exports/responses?${download}&format=${format}${layout === "wide" ? "" : `&layout=${layout}`}`;

    const scopeText = [
      results.wave ? `Đợt: ${results.wave.name}` : "Mọi đợt",
      results.unit ? `Đơn vị: ${results.unit.name}` : null,
      from || to ? `Bắt đầu trả lời ${from ? `từ ${from}` : ""}${to ? ` đến hết ${to}` : ""}` : null,
    ]
      .filter(Boolean)
      .join(" · ");

    return renderPage(
      c,
      <Page title={results.survey.title} active="results" principal={principal} unitName={c.get("unitName")}>
        <p>
          <a href="/console/results">← Các khảo sát</a>
        </p>
        <PageHeading title={results.survey.title} subtitle={scopeText} />
        <section class="card">
          <form method="get" action={`/console/results/${key}`} class="filters">
            <label>
              Đợt khảo sát
              <select name="wave">
                <option value="">Mọi đợt</option>
                {(overview?.waves ?? []).map((w) => (
                  <option value={String(w.id)} selected={w.id === waveId}>
                    {`${w.name} (${vnNumber(w.responses)} phiếu)`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Đơn vị
              <input
                name="unit"
                list="unit-choices"
                value={unit ?? ""}
                placeholder="Gõ tên hoặc mã đơn vị"
                autocomplete="off"
              />
              <datalist id="unit-choices">
                {unitChoices.map((u) => (
                  <option value={u.code}>{u.fullName}</option>
                ))}
              </datalist>
            </label>
            <label>
              Từ ngày
              <input type="date" name="from" value={from ?? ""} />
            </label>
            <label>
              Đến ngày
              <input type="date" name="to" value={to ?? ""} />
            </label>
            <button type="submit">Xem</button>
          </form>
          <p class="results-n">
            <span class="stat">{vnNumber(results.n)}</span> <span class="muted">phiếu đã hoàn thành (n)</span>
          </p>
          <p class="actions downloads">
            <a class="button secondary" data-download href={link("xlsx")}>
              Tải Excel (XLSX)
            </a>
            <a class="button secondary" data-download href={link("csv")}>
              Tải CSV
            </a>
            <a class="button secondary" data-download href={link("csv", "long")}>
              CSV mỗi câu trả lời một dòng
            </a>
          </p>
        </section>
        {results.n === 0 ? (
          <section class="card">
            <p>Chưa có phiếu nào đã hoàn thành khớp bộ lọc này trong phạm vi của bạn.</p>
          </section>
        ) : (
          results.questions.map((question, index) => (
            <QuestionCard question={question} index={index + 1} n={results.n} />
          ))
        )}
      </Page>,
    );
  });

  return app;
}

function QuestionCard(props: { question: QuestionResult; index: number; n: number }) {
  const { question } = props;
  const title = `Câu ${props.index}. ${question.text}`;
  return (
    <section class="card question-result" id={`q-${question.id}`}>
      <h3>{title}</h3>
      <p class="muted">
        {typeLabels[question.type]} · {vnNumber(question.answered)}/{vnNumber(props.n)} người trả lời
        {question.type === "multi" ? " · mỗi người chọn được nhiều ý, tỷ lệ tính trên số người trả lời" : ""}
      </p>
      {question.correct ? (
        <p>
          Trả lời đúng:{" "}
          <strong>
            {vnNumber(question.correct.count)}/{vnNumber(question.answered)} ({percentOf(question.correct.share)})
          </strong>
        </p>
      ) : null}
      {question.answered === 0 ? <p class="muted">Chưa có ai trả lời câu này.</p> : null}
      {question.answered > 0 && question.options && question.options.length > 0 ? (
        <BarChart
          title={title}
          // Bars measure shares of the people who answered, not of the most chosen option.
          max={Math.max(1, question.answered)}
          items={question.options.map(
            (option): BarItem => ({
              label: option.correct ? `✓ ${option.label}` : option.label,
              value: option.count,
              note: `${vnNumber(option.count)} (${percentOf(option.share)})`,
            }),
          )}
        />
      ) : null}
      {question.number ? (
        <p>
          Trung bình:{" "}
          <strong>
            {question.number.mean === null
              ? "—"
              : new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(question.number.mean)}
          </strong>
        </p>
      ) : null}
      {question.latest && question.latest.length > 0 ? (
        <>
          <h4>Ý kiến mới nhất</h4>
          <ul class="latest-answers">
            {question.latest.map((answer) => (
              <li>
                <pre class="text">{answer.text}</pre>
                <span class="muted">{vnDateTime(answer.answeredAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
