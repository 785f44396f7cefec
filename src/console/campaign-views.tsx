// The parts of the campaign pages: a campaign's page (facts, preview per channel, audience, test send, state moves)
// and its live progress fragment, which the page polls and the list reuses as a bar.
import type { CampaignState } from "../../db/schema/campaigns";
import type { AudienceSize } from "../campaigns/campaign-audience";
import type { CampaignForecast, CampaignProgress } from "../campaigns/campaign-progress";
import { type CampaignRecord, campaignStateLabels } from "../campaigns/campaign-service";
import type { Reply } from "../engine/replies";
import { BarChart, type ProgressPart, ProgressBar } from "./charts";
import { vnDateTime, vnNumber } from "./format";
import { PageHeading } from "./layout";

export const channelLabels: Record<string, string> = {
  web: "Trang chat web",
  telegram: "Telegram",
  zalo_oa: "Zalo OA",
  zalo: "Zalo cá nhân",
};

/** Channels that show options as a numbered list the person answers with a number (no buttons). */
const NUMBERED_CHANNELS = new Set(["zalo"]);
const NUMBERED_HINT = "Trả lời bằng số thứ tự (ví dụ: 1).";

const badgeKinds: Record<CampaignState, string> = {
  draft: "",
  scheduled: "warn",
  running: "ok",
  paused: "warn",
  completed: "ok",
  cancelled: "bad",
};

export function stateBadge(state: CampaignState) {
  return <span class={`badge ${badgeKinds[state]}`.trim()}>{campaignStateLabels[state]}</span>;
}

export function progressParts(progress: CampaignProgress): ProgressPart[] {
  return [
    { label: "Đã gửi", value: progress.sent, kind: "done" },
    { label: "Đang gửi", value: progress.sending, kind: "sending" },
    { label: "Chờ gửi", value: progress.queued + progress.waiting, kind: "pending" },
    { label: "Lỗi / bị chặn", value: progress.failed + progress.blocked, kind: "failed" },
    { label: "Bỏ qua", value: progress.skipped, kind: "skipped" },
  ];
}

const finished = (state: CampaignState) => state === "completed" || state === "cancelled";

/** The live part of a campaign's page: state, ledger progress and the finish forecast. */
export function CampaignProgressView(props: {
  campaign: CampaignRecord;
  progress: CampaignProgress;
  forecast: CampaignForecast;
}) {
  const { campaign, progress, forecast } = props;
  return (
    <div class="campaign-progress" data-state={campaign.state}>
      <p>
        Trạng thái: {stateBadge(campaign.state)}
        {campaign.finishedAt ? <span class="muted"> · kết thúc lúc {vnDateTime(campaign.finishedAt)}</span> : null}
      </p>
      {progress.targeted > 0 ? (
        <>
          <ProgressBar title="Tiến độ gửi" parts={progressParts(progress)} total={progress.targeted} />
          <p>
            Đã gửi <strong>{vnNumber(progress.sent)}</strong>/{vnNumber(progress.targeted)} người nhận
            {campaign.surveyKey ? (
              <span>
                {" "}
                · bắt đầu khảo sát: <strong>{vnNumber(progress.surveyStarted)}</strong>, hoàn thành:{" "}
                <strong>{vnNumber(progress.surveyCompleted)}</strong>
              </span>
            ) : null}
          </p>
        </>
      ) : (
        <p class="muted">
          {campaign.state === "draft"
            ? "Chưa lập danh sách người nhận: danh sách được ghi khi lên lịch."
            : "Danh sách người nhận trống."}
        </p>
      )}
      {finished(campaign.state) ? null : <ForecastLine campaign={campaign} forecast={forecast} />}
    </div>
  );
}

function ForecastLine(props: { campaign: CampaignRecord; forecast: CampaignForecast }) {
  const { forecast } = props;
  if (forecast.remaining === 0) {
    return (
      <p class="muted">
        {forecast.basis === "audience" ? "Hiện chưa có người nhận nào phù hợp." : "Không còn tin chờ gửi."}
      </p>
    );
  }
  return (
    <p>
      {forecast.basis === "audience" ? "Nếu lên lịch bây giờ: " : "Còn "}
      <strong>{vnNumber(forecast.remaining)}</strong> người nhận, dự kiến gửi xong{" "}
      <strong>{vnDateTime(forecast.finishAt)}</strong>
      {forecast.overrunsEnd ? (
        <>
          {" "}
          <span class="badge bad">Quá thời điểm kết thúc: phần còn lại sẽ không được gửi</span>
        </>
      ) : null}
    </p>
  );
}

const moves: Array<{
  action: "schedule" | "pause" | "resume" | "cancel";
  label: string;
  from: CampaignState[];
  confirm?: string;
  kind?: string;
  success: string;
}> = [
  {
    action: "schedule",
    label: "Lên lịch gửi",
    from: ["draft"],
    confirm: "Lên lịch chiến dịch? Danh sách người nhận được ghi ngay và tin sẽ gửi theo lịch; không sửa được nữa.",
    success: "Đã lên lịch.",
  },
  { action: "pause", label: "Tạm dừng", from: ["scheduled", "running"], kind: "secondary", success: "Đã tạm dừng." },
  { action: "resume", label: "Tiếp tục gửi", from: ["paused"], success: "Đã cho gửi tiếp." },
  {
    action: "cancel",
    label: "Hủy chiến dịch",
    from: ["draft", "scheduled", "running", "paused"],
    confirm: "Hủy chiến dịch? Tin chưa gửi sẽ không gửi nữa; không thể hoàn tác.",
    kind: "danger",
    success: "Đã hủy chiến dịch.",
  },
];

function Facts(props: {
  campaign: CampaignRecord;
  audienceUnits: Array<{ code: string; name: string }>;
  topicNames: string[];
  surveyTitle: string | null;
}) {
  const { campaign } = props;
  const window =
    campaign.windowFromMinute === 0 && campaign.windowToMinute === 1440
      ? "cả ngày"
      : `${minutes(campaign.windowFromMinute)}–${minutes(campaign.windowToMinute)}`;
  const rows: Array<[string, string]> = [
    ["Đơn vị chủ trì", campaign.unitName],
    ["Kênh", campaign.channels.map((ch) => channelLabels[ch] ?? ch).join(", ")],
    ["Đơn vị nhận", props.audienceUnits.map((u) => u.name).join(", ")],
    ["Lĩnh vực thêm", props.topicNames.length > 0 ? props.topicNames.join(", ") : "Không (chỉ người nhận tin chung)"],
    ["Mời khảo sát", props.surveyTitle ?? "Không"],
    ["Bắt đầu", vnDateTime(campaign.startAt)],
    ["Kết thúc", campaign.endAt ? vnDateTime(campaign.endAt) : "Không đặt"],
    ["Khung giờ gửi", `${window} (giờ Việt Nam)`],
    ["Dàn trải", campaign.spreadHours ? `${vnNumber(campaign.spreadHours)} giờ trong khung giờ gửi` : "Không"],
    ["Tạo lúc", vnDateTime(campaign.createdAt)],
    ["Lên lịch lúc", vnDateTime(campaign.scheduledAt)],
    ["Bắt đầu gửi lúc", vnDateTime(campaign.startedAt)],
  ];
  if (campaign.pausedAt) rows.push(["Tạm dừng lúc", vnDateTime(campaign.pausedAt)]);
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function minutes(value: number): string {
  return `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}`;
}

/** The messages as one channel shows them: buttons where it has them, a numbered list where it has not. */
function ChannelPreview(props: { channel: string; replies: Reply[] }) {
  const numbered = NUMBERED_CHANNELS.has(props.channel);
  return (
    <section class="channel-preview">
      <h3>{channelLabels[props.channel] ?? props.channel}</h3>
      {props.replies.map((reply) => {
        const options = reply.options ?? [];
        if (numbered && options.length > 0) {
          const text = [reply.text, options.map((o, i) => `${i + 1}. ${o.label}`).join("\n"), NUMBERED_HINT].join(
            "\n\n",
          );
          return (
            <div class="bubble">
              <pre class="text">{text}</pre>
            </div>
          );
        }
        return (
          <div class="bubble">
            <pre class="text">{reply.text}</pre>
            {options.map((o) => (
              <span class="option">{o.label}</span>
            ))}
          </div>
        );
      })}
    </section>
  );
}

export function CampaignDetail(props: {
  campaign: CampaignRecord;
  canEdit: boolean;
  created: boolean;
  saved: boolean;
  preview: { replies: Reply[]; audience: AudienceSize };
  progress: CampaignProgress;
  forecast: CampaignForecast;
  audienceUnits: Array<{ code: string; name: string }>;
  topicNames: string[];
  surveyTitle: string | null;
}) {
  const { campaign, preview } = props;
  const base = `/api/campaigns/${campaign.id}`;
  const allowed = moves.filter((m) => m.from.includes(campaign.state));
  return (
    <>
      <PageHeading title={campaign.name} subtitle={campaign.unitName}>
        <a class="button secondary" href="/console/campaigns">
          ← Danh sách chiến dịch
        </a>
      </PageHeading>
      {(props.created || props.saved) && campaign.state === "draft" ? (
        <p class="card">
          {props.created ? "Đã tạo bản nháp." : "Đã lưu bản nháp."} Hãy xem trước, gửi thử cho chính mình rồi lên lịch
          gửi.
        </p>
      ) : null}
      {props.canEdit && allowed.length > 0 ? (
        <section class="card" data-error-scope>
          <p class="form-error" role="alert" />
          <div class="actions">
            {campaign.state === "draft" ? (
              <a class="button secondary" href={`/console/campaigns/${campaign.id}/edit`}>
                Sửa bản nháp
              </a>
            ) : null}
            {allowed.map((m) => (
              <button
                type="button"
                class={m.kind}
                data-api={`${base}/${m.action}`}
                data-method="POST"
                data-confirm={m.confirm}
                data-success={m.success}
              >
                {m.label}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      <section class="card">
        <h2>Tiến độ</h2>
        {/* The script reloads the page when the polled state differs from data-page-state (the moves change). */}
        <div
          id="campaign-progress"
          data-page-state={campaign.state}
          data-poll={finished(campaign.state) ? undefined : `/console/campaigns/${campaign.id}/progress`}
          data-interval="2000"
          aria-live="polite"
        >
          <CampaignProgressView campaign={campaign} progress={props.progress} forecast={props.forecast} />
        </div>
      </section>

      <div class="grid">
        <section class="card">
          <h2>Thông tin</h2>
          <Facts
            campaign={campaign}
            audienceUnits={props.audienceUnits}
            topicNames={props.topicNames}
            surveyTitle={props.surveyTitle}
          />
        </section>
        <section class="card">
          <h2>Người nhận phù hợp hiện nay</h2>
          <p>
            <span class="stat">{vnNumber(preview.audience.total)}</span> người
          </p>
          {preview.audience.total === 0 ? (
            <p class="muted">Chưa có người đăng ký nhận tin nào phù hợp với kênh và đơn vị đã chọn.</p>
          ) : (
            <>
              <BarChart
                title="Theo kênh"
                items={preview.audience.byChannel.map((c) => ({
                  label: channelLabels[c.channel] ?? c.channel,
                  value: c.count,
                }))}
              />
              <BarChart
                title="Theo đơn vị"
                items={preview.audience.byUnit.map((u) => ({ label: u.unitName, value: u.count }))}
              />
            </>
          )}
        </section>
      </div>

      <section class="card">
        <h2>Xem trước tin nhắn</h2>
        <p class="muted">Như người dân nhận trên từng kênh (tin cuối luôn kèm cách hủy nhận tin).</p>
        <div class="grid">
          {campaign.channels.map((channel) => (
            <ChannelPreview channel={channel} replies={preview.replies} />
          ))}
        </div>
      </section>

      {props.canEdit ? (
        <section class="card">
          <h2>Gửi thử cho chính tôi</h2>
          <p class="muted">
            Nhắn một tin cho bot trên kênh đó trước, rồi nhập mã cuộc trò chuyện: chat id Telegram, user id Zalo, hoặc
            mã trang chat web. Tin thử có dòng "[Tin thử]" ở đầu.
          </p>
          <form
            class="filters"
            data-api={`${base}/test`}
            data-method="POST"
            data-stay
            data-success="Đã xếp tin thử vào hàng đợi gửi."
          >
            <label>
              Kênh
              <select name="channel">
                {Object.keys(channelLabels).map((ch) => (
                  <option value={ch} selected={ch === campaign.channels[0]}>
                    {channelLabels[ch]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Mã cuộc trò chuyện
              <input name="platformId" required maxlength={200} />
            </label>
            <button type="submit">Gửi thử</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
