// The console's dashboard (GET /console) for the officer's scope: headline numbers (responses this period, questions
// waiting and overdue, subscribers), the scoring framework's indicators for their unit with points and below-minimum
// flags and the sub-units' table, communes ranked within a province on one indicator, completed responses per day
// over the last 30 days, and the progress of recent campaigns. Everything is read through the services the officer
// API uses (computeIndicators, listQuestions, subscriptionSummary, listCampaigns, campaignProgress), with the
// officer's principal, so the page never shows more than the API would.
import { Hono } from "hono";
import { campaignProgress } from "../campaigns/campaign-progress";
import { campaignStateLabels, listCampaigns } from "../campaigns/campaign-service";
import { findUnitById } from "../officers/officer-service";
import { listQuestions } from "../qa/question-service";
import { frameworkCatalog } from "../scoring/framework-catalog";
import { type ChildIndicators, computeIndicators, type IndicatorReport } from "../scoring/indicators";
import { periodInstants } from "../scoring/period";
import { subscriptionSummary } from "../subscriptions/subscription-summary";
import { completedResponses, dayStart, responsesPerDay, vietnamDay } from "../surveys/response-activity";
import { BarChart, ColumnChart, ProgressBar } from "./charts";
import type { ConsoleEnv } from "./console-env";
import { vnDate, vnNumber, vnPercent } from "./format";
import { Page, PageHeading, Pager } from "./layout";
import { renderPage } from "./render";

/** The framework shown when none is chosen: the yearly commune framework, which ranks communes. */
const DEFAULT_FRAMEWORK = "qd27_2025_legal_access";
const ACTIVITY_DAYS = 30;
/** A chosen period this short is charted day by day instead of the last 30 days. */
const PERIOD_DAYS_CHARTED = 92;
const CAMPAIGNS_SHOWN = 5;
/** Sub-units per page of the indicators table. */
const TABLE_PAGE = 15;
/** Communes drawn in the ranking chart (a province has up to a few hundred). */
const RANKED_SHOWN = 30;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const shareText = (share: number | null) => (share === null ? "—" : vnPercent(share, 1));
const pointsText = (points: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(points);

export function dashboardPages() {
  const app = new Hono<ConsoleEnv>();
  return app.get("/console", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const query = c.req.query();
    const frameworks = frameworkCatalog();
    const frameworkKey = frameworks.has(query.framework ?? "")
      ? query.framework!
      : frameworks.has(DEFAULT_FRAMEWORK)
        ? DEFAULT_FRAMEWORK
        : [...frameworks.keys()][0]!;
    const framework = frameworks.get(frameworkKey)!;
    const from = dayPattern.test(query.from ?? "") ? query.from : undefined;
    const to = dayPattern.test(query.to ?? "") ? query.to : undefined;
    const unit = (await findUnitById(db, principal.unitId))!;

    const report = await computeIndicators(db, principal, { framework: frameworkKey, unit: unit.code, from, to });
    // Communes ranked within a province: the officer's own province, or (national scope) the one chosen.
    let provinceReport: IndicatorReport | null = null;
    const provinces = report.level === "province" ? report.children : [];
    if (report.level === "commune") provinceReport = report;
    else if (provinces.length > 0) {
      const chosen =
        provinces.find((p) => p.code === query.province) ??
        [...provinces].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.code.localeCompare(b.code))[0]!;
      provinceReport = await computeIndicators(db, principal, {
        framework: frameworkKey,
        unit: chosen.code,
        from: report.period.from,
        to: report.period.to,
        level: "commune",
      });
    }
    const indicatorKey = framework.indicators.some((i) => i.key === query.indicator)
      ? query.indicator!
      : framework.indicators[0]!.key;

    const { start, end } = periodInstants(report.period);
    // Responses per day: the chosen period when it is a few weeks (up to today), else the last 30 days.
    const periodDays = Math.round((end.getTime() - start.getTime()) / 86_400_000);
    const today = vietnamDay(new Date());
    const activity =
      periodDays <= PERIOD_DAYS_CHARTED && report.period.from <= today
        ? (() => {
            const last = report.period.to < today ? report.period.to : today;
            const days = Math.round((dayStart(last).getTime() - dayStart(report.period.from).getTime()) / 86_400_000);
            return { days: days + 1, last, title: `từ ${vnDate(start)} đến ${vnDate(dayStart(last))}` };
          })()
        : { days: ACTIVITY_DAYS, last: today, title: `${ACTIVITY_DAYS} ngày qua` };
    const [periodResponses, perDay, waiting, claimed, overdue, subscribers, campaigns] = await Promise.all([
      completedResponses(db, principal, start, end),
      responsesPerDay(db, principal, { days: activity.days, last: activity.last }),
      listQuestions(db, principal, { status: "open", page: 1, pageSize: 1 }),
      listQuestions(db, principal, { status: "claimed", page: 1, pageSize: 1 }),
      listQuestions(db, principal, { status: "overdue", page: 1, pageSize: 1 }),
      subscriptionSummary(db, principal, unit),
      listCampaigns(db, principal, { page: 1, pageSize: CAMPAIGNS_SHOWN }),
    ]);
    const progress = await Promise.all(campaigns.items.map((campaign) => campaignProgress(db, campaign)));

    const url = new URL(c.req.url);
    const tablePage = Math.max(1, Math.floor(Number(query.page)) || 1);
    const childrenWithData = report.children.filter((child) => child.indicators.some((i) => i.n > 0));
    const ranked = [...childrenWithData].sort(
      (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, "vi"),
    );

    return renderPage(
      c,
      <Page title="Tổng quan" active="dashboard" principal={principal} unitName={c.get("unitName")}>
        <PageHeading
          title="Tổng quan"
          subtitle={`${unit.name} · ${framework.name} · kỳ ${vnDate(start)} – ${vnDate(new Date(end.getTime() - 1))}`}
        />
        <form method="get" action="/console" class="filters card">
          <label>
            Bộ tiêu chí
            <select name="framework">
              {[...frameworks.values()].map((f) => (
                <option value={f.key} selected={f.key === frameworkKey}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Từ ngày
            <input type="date" name="from" value={report.period.from} />
          </label>
          <label>
            Đến ngày
            <input type="date" name="to" value={report.period.to} />
          </label>
          {provinces.length > 0 ? (
            <label>
              Tỉnh, thành phố (xếp hạng xã)
              <select name="province">
                {[...provinces]
                  .sort((a, b) => a.name.localeCompare(b.name, "vi"))
                  .map((p) => (
                    <option value={p.code} selected={p.code === provinceReport?.unit.code}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </label>
          ) : null}
          <label>
            Chỉ số để xếp hạng
            <select name="indicator">
              {framework.indicators.map((i) => (
                <option value={i.key} selected={i.key === indicatorKey}>
                  {i.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Xem</button>
        </form>

        <div class="grid">
          <section class="card">
            <h2>Phiếu khảo sát trong kỳ</h2>
            <p class="stat" data-stat="responses">
              {vnNumber(periodResponses)}
            </p>
            <p class="muted">
              Phiếu đã hoàn thành trong phạm vi của bạn. <a href="/console/results">Xem kết quả</a>
            </p>
          </section>
          <section class="card">
            <h2>Câu hỏi chờ trả lời</h2>
            <p class="stat" data-stat="questions">
              <a href="/console/questions?status=open">{vnNumber(waiting.total + claimed.total)}</a>
            </p>
            <p>
              {overdue.total > 0 ? (
                <a class="badge bad" href="/console/questions?status=overdue">
                  {vnNumber(overdue.total)} quá hạn
                </a>
              ) : (
                <span class="badge ok">Không có câu quá hạn</span>
              )}
            </p>
          </section>
          <section class="card">
            <h2>Người đang nhận tin</h2>
            <p class="stat" data-stat="subscribers">
              {vnNumber(subscribers.total)}
            </p>
            <p class="muted">Trong {subscribers.unit.name}</p>
          </section>
        </div>

        <section class="card" id="indicators">
          <h2>Chỉ số của {report.unit.name}</h2>
          <p class="muted">
            Tỷ lệ tích cực của từng chỉ số, số người trả lời (n) và điểm (đ); màu cam: chưa đủ cỡ mẫu tối thiểu (
            {vnNumber(framework.minimumSample.value)} người). Tổng điểm: {pointsText(report.totalPoints)}
            {report.maxPoints !== null ? `/${pointsText(report.maxPoints)}` : ""}
            {report.pointsComplete ? "" : " (một số chỉ số chưa có điểm)"}.
          </p>
          <BarChart
            title={`Chỉ số của ${report.unit.name}`}
            max={100}
            items={report.indicators.map((i, index) => ({
              label: `(${index + 1}) ${i.label}`,
              value: i.share === null ? 0 : Math.round(i.share * 1000) / 10,
              warn: i.belowMinimum,
              note: indicatorNote(i),
            }))}
          />
          {report.level ? (
            <ChildrenTable
              report={report}
              rows={ranked}
              page={tablePage}
              url={url}
              levelLabel={report.level === "province" ? "Tỉnh, thành phố" : "Xã, phường"}
            />
          ) : null}
        </section>

        <section class="card" id="ranking">
          <h2>Xếp hạng xã, phường{provinceReport ? ` · ${provinceReport.unit.name}` : ""}</h2>
          {provinceReport ? (
            <CommuneRanking report={provinceReport} indicatorKey={indicatorKey} />
          ) : (
            <p class="muted">Xếp hạng các xã, phường dành cho cán bộ cấp tỉnh hoặc trung ương.</p>
          )}
        </section>

        <section class="card" id="activity">
          <h2>Phiếu hoàn thành {activity.title}</h2>
          {perDay.every((d) => d.count === 0) ? <p class="muted">Chưa có phiếu nào trong thời gian này.</p> : null}
          <ColumnChart
            title={`Phiếu hoàn thành mỗi ngày, ${activity.title}`}
            unit="phiếu"
            points={perDay.map((d) => ({ label: `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`, value: d.count }))}
          />
        </section>

        <section class="card" id="campaigns">
          <h2>Chiến dịch gần đây</h2>
          {campaigns.items.length === 0 ? (
            <p class="muted">Chưa có chiến dịch nào trong phạm vi của bạn.</p>
          ) : (
            campaigns.items.map((campaign, index) => <CampaignRow campaign={campaign} progress={progress[index]!} />)
          )}
          <p>
            <a href="/console/campaigns">Tất cả chiến dịch ({vnNumber(campaigns.total)})</a>
          </p>
        </section>
      </Page>,
    );
  });
}

type IndicatorValue = IndicatorReport["indicators"][number];

/** The text beside a bar: short, as the chart leaves it little room (the table and the colour say the rest). */
function indicatorNote(i: IndicatorValue): string {
  if (i.n === 0) return "chưa có phiếu";
  return `${shareText(i.share)} · n=${vnNumber(i.n)}${i.points === null ? "" : ` · ${pointsText(i.points)}đ`}`;
}

function ChildrenTable(props: {
  report: IndicatorReport;
  rows: ChildIndicators[];
  page: number;
  url: URL;
  levelLabel: string;
}) {
  const { report, rows } = props;
  if (rows.length === 0) return <p class="muted">Chưa có phiếu của đơn vị cấp dưới nào trong kỳ này.</p>;
  const shown = rows.slice((props.page - 1) * TABLE_PAGE, props.page * TABLE_PAGE);
  return (
    <>
      <h3>Theo đơn vị cấp dưới</h3>
      <ol class="muted">
        {report.indicators.map((i) => (
          <li>{i.label}</li>
        ))}
      </ol>
      <table class="children">
        <thead>
          <tr>
            <th class="num">Hạng</th>
            <th>{props.levelLabel}</th>
            {report.indicators.map((i, index) => (
              <th class="num" title={i.label}>
                ({index + 1})
              </th>
            ))}
            <th class="num">Tổng điểm</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((child) => (
            <tr>
              <td class="num">{child.rank ?? "—"}</td>
              <td>{child.name}</td>
              {child.indicators.map((i) => (
                <td class="num">
                  {i.n === 0 ? (
                    "—"
                  ) : (
                    <span class={i.belowMinimum ? "badge warn" : ""} title={`n=${i.n}`}>
                      {shareText(i.share)}
                      {i.points === null ? "" : ` · ${pointsText(i.points)}đ`}
                    </span>
                  )}
                </td>
              ))}
              <td class="num">{pointsText(child.totalPoints)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={props.page} pageSize={TABLE_PAGE} total={rows.length} url={props.url} />
    </>
  );
}

function CommuneRanking(props: { report: IndicatorReport; indicatorKey: string }) {
  const label = props.report.indicators.find((i) => i.key === props.indicatorKey)?.label ?? props.indicatorKey;
  const values = props.report.children
    .map((child) => ({ child, value: child.indicators.find((i) => i.key === props.indicatorKey)! }))
    .filter((entry) => entry.value && entry.value.n > 0)
    .sort(
      (a, b) =>
        Number(a.value.belowMinimum) - Number(b.value.belowMinimum) ||
        (b.value.share ?? 0) - (a.value.share ?? 0) ||
        b.value.n - a.value.n,
    );
  if (values.length === 0) return <p class="muted">Chưa có xã, phường nào có phiếu cho chỉ số này trong kỳ.</p>;
  return (
    <>
      <p class="muted">
        {label}: tỷ lệ tích cực của từng xã, phường có phiếu; đủ cỡ mẫu xếp trước, màu cam là chưa đủ mẫu.
        {values.length > RANKED_SHOWN ? ` Hiện ${RANKED_SHOWN}/${values.length} xã, phường đầu bảng.` : ""}
      </p>
      <BarChart
        title={`Xếp hạng xã, phường theo ${label}`}
        max={100}
        items={values.slice(0, RANKED_SHOWN).map(({ child, value }) => ({
          label: child.name,
          value: value.share === null ? 0 : Math.round(value.share * 1000) / 10,
          warn: value.belowMinimum,
          note: indicatorNote(value),
        }))}
      />
    </>
  );
}

type CampaignItem = Awaited<ReturnType<typeof listCampaigns>>["items"][number];

function CampaignRow(props: { campaign: CampaignItem; progress: Awaited<ReturnType<typeof campaignProgress>> }) {
  const { campaign, progress: p } = props;
  const badge =
    campaign.state === "running"
      ? "badge ok"
      : campaign.state === "paused" || campaign.state === "cancelled"
        ? "badge warn"
        : "badge";
  return (
    <div class="campaign-progress">
      <h3>
        <a href={`/console/campaigns/${campaign.id}`}>{campaign.name}</a>{" "}
        <span class={badge}>{campaignStateLabels[campaign.state]}</span>
      </h3>
      <p class="muted">
        {campaign.unitName} · bắt đầu {vnDate(campaign.startAt)}
      </p>
      {p.targeted === 0 ? (
        <p class="muted">Chưa lập danh sách gửi.</p>
      ) : (
        <ProgressBar
          title={`Tiến độ gửi: ${campaign.name}`}
          total={p.targeted}
          parts={[
            { label: "Đã gửi", value: p.sent, kind: "done" },
            { label: "Lỗi, bị chặn", value: p.failed + p.blocked, kind: "failed" },
            { label: "Bỏ qua", value: p.skipped, kind: "skipped" },
            { label: "Chờ gửi", value: p.queued + p.sending + p.waiting, kind: "pending" },
          ]}
        />
      )}
    </div>
  );
}
