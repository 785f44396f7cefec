// The console's campaign pages: the list with each campaign's progress, the create and draft-edit form (blank or
// from the Law Day template, with a unit tree picker limited to the officer's scope), and one campaign's page: its
// facts, the messages as each channel shows them, the audience forecast, a test send, the state moves the state
// allows, and live progress polled from a fragment. Pages read through the same campaign services the officer API
// uses, with the officer's principal; every change goes through /api/campaigns (console.js), so validation, scope
// and audit stay there.
import { asc } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { type CampaignState, campaignStates } from "../../db/schema/campaigns";
import { channels as channelNames, topics } from "../../db/schema/index";
import { campaignAudienceSize, previewCampaign } from "../campaigns/campaign-preview";
import { campaignRates } from "../campaigns/campaign-dispatch";
import { type CampaignInput, MAX_CAMPAIGN_MESSAGES } from "../campaigns/campaign-input";
import { campaignForecast, campaignProgress } from "../campaigns/campaign-progress";
import {
  type CampaignRecord,
  campaignStateLabels,
  getCampaign,
  inputOf,
  listCampaigns,
} from "../campaigns/campaign-service";
import { articleHeadings } from "../content/article-lookup";
import { listPublishedLessonTitles } from "../content/lesson-admin";
import { vietnamToday } from "../content/law-status";
import { currentSearchIndex } from "../content/search-index-cache";
import { ApiError } from "../errors";
import { lawDayTemplate } from "../campaigns/law-day-template";
import { findUnitByCode, findUnitById } from "../officers/officer-service";
import { may } from "../officers/roles";
import { surveyCatalog } from "../surveys/survey-repository";
import { CampaignDetail, CampaignProgressView, channelLabels, progressParts, stateBadge } from "./campaign-views";
import { campaignScript } from "./campaign-script";
import { type PickerUnit, UnitPicker, unitPickerTree } from "./campaign-unit-picker";
import { campaignStyle } from "./campaign-style";
import { ProgressBar } from "./charts";
import type { ConsoleEnv } from "./console-env";
import { datetimeLocalValue, vnDateTime } from "./format";
import { Page, PageHeading, Pager } from "./layout";
import { notFoundPage, renderFragment, renderPage, requirePageRole, serveAsset } from "./render";

const SCRIPTS = ["/console/assets/campaigns.js"];
const PAGE_SIZE = 20;

const STYLES = ["/console/assets/campaigns.css"];

function parseId(text: string): number | null {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

export function campaignPages() {
  const app = new Hono<ConsoleEnv>();

  app.get("/console/assets/campaigns.js", (c) => serveAsset(c, campaignScript, "js"));
  app.get("/console/assets/campaigns.css", (c) => serveAsset(c, campaignStyle, "css"));

  app.get("/console/campaigns", async (c) => {
    const { db } = c.get("services");
    const principal = c.get("principal");
    const url = new URL(c.req.url);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const stateQuery = c.req.query("state");
    const state = (campaignStates as readonly string[]).includes(stateQuery ?? "")
      ? (stateQuery as CampaignState)
      : undefined;
    const result = await listCampaigns(db, principal, { page, pageSize: PAGE_SIZE, state });
    const rows = await Promise.all(
      result.items.map(async (campaign) => ({ campaign, progress: await campaignProgress(db, campaign) })),
    );
    const canEdit = may(principal.role, "editContent");
    return renderPage(
      c,
      <Page
        title="Chiến dịch"
        active="campaigns"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={SCRIPTS}
        styles={STYLES}
      >
        <PageHeading title="Chiến dịch" subtitle="Gửi tin tuyên truyền tới người dân đã đăng ký nhận tin">
          {canEdit ? (
            <>
              <a class="button" href="/console/campaigns/new?template=law-day">
                Tạo chiến dịch Ngày Pháp luật
              </a>
              <a class="button secondary" href="/console/campaigns/new">
                Tạo chiến dịch
              </a>
            </>
          ) : null}
        </PageHeading>
        <form method="get" action="/console/campaigns" class="filters">
          <label>
            Trạng thái
            <select name="state">
              <option value="">Tất cả</option>
              {campaignStates.map((s) => (
                <option value={s} selected={s === state}>
                  {campaignStateLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            Lọc
          </button>
        </form>
        <section class="card">
          {rows.length === 0 ? (
            <p class="muted">
              {state
                ? `Chưa có chiến dịch nào ở trạng thái "${campaignStateLabels[state]}".`
                : "Chưa có chiến dịch nào."}
            </p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Chiến dịch</th>
                  <th>Trạng thái</th>
                  <th>Bắt đầu</th>
                  <th>Kênh</th>
                  <th>Tiến độ</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ campaign, progress }) => (
                  <tr>
                    <td>
                      <a href={`/console/campaigns/${campaign.id}`}>{campaign.name}</a>
                      <div class="muted">{campaign.unitName}</div>
                    </td>
                    <td>{stateBadge(campaign.state)}</td>
                    <td>{vnDateTime(campaign.startAt)}</td>
                    <td>{campaign.channels.map((ch) => channelLabels[ch] ?? ch).join(", ")}</td>
                    <td>
                      {progress.targeted > 0 ? (
                        <ProgressBar title={`Tiến độ ${campaign.name}`} parts={progressParts(progress)} />
                      ) : (
                        <span class="muted">Chưa lập danh sách người nhận</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={result.page} pageSize={result.pageSize} total={result.total} url={url} />
        </section>
      </Page>,
    );
  });

  // The article picker of a message slot: the articles a few words find, ranked as the chat ranks them (in force
  // first), as buttons carrying the article's id, which the slot's message links to ("Đọc Điều …").
  app.get("/console/campaigns/article-choices", requirePageRole("officer"), async (c) => {
    const words = (c.req.query("q") ?? "").trim().slice(0, ARTICLE_QUERY_LENGTH);
    if (!words) return renderFragment(c, <p class="muted">Gõ vài từ để tìm điều luật.</p>);
    const { db } = c.get("services");
    const index = await currentSearchIndex(db);
    const hits = index.search(words, ARTICLE_CHOICES, ARTICLES_ONLY, index.notInForceOn(vietnamToday()));
    if (hits.length === 0) return renderFragment(c, <p class="muted">Không tìm thấy điều luật nào.</p>);
    return renderFragment(
      c,
      <ul class="article-choices">
        {hits.map(({ entry }) => {
          const { number, title, document: statute } = entry;
          const label = articleLabel({ number: number ?? "", title, document: statute ?? "" });
          return (
            <li>
              <button type="button" class="link" data-article-choice={String(entry.id)} data-article-label={label}>
                {`+ ${label}`}
              </button>
            </li>
          );
        })}
      </ul>,
    );
  });

  app.get("/console/campaigns/new", requirePageRole("officer"), async (c) => {
    const { db } = c.get("services");
    const principal = c.get("principal");
    const own = (await findUnitById(db, principal.unitId))!;
    const fromTemplate = c.req.query("template") === "law-day";
    const input: CampaignInput = fromTemplate
      ? await lawDayTemplate(db, { unitCode: own.code, withSurvey: true })
      : blankCampaign(own.code);
    return renderPage(
      c,
      <Page
        title="Tạo chiến dịch"
        active="campaigns"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={SCRIPTS}
        styles={STYLES}
      >
        <PageHeading
          title={fromTemplate ? "Tạo chiến dịch từ mẫu Ngày Pháp luật" : "Tạo chiến dịch"}
          subtitle="Chiến dịch được lưu thành bản nháp; xem trước và gửi thử rồi mới lên lịch."
        >
          <a class="button secondary" href="/console/campaigns">
            ← Danh sách chiến dịch
          </a>
        </PageHeading>
        <CampaignForm {...(await formData(c, input))} />
      </Page>,
    );
  });

  app.get("/console/campaigns/:id/edit", requirePageRole("officer"), async (c) => {
    const id = parseId(c.req.param("id"));
    const principal = c.get("principal");
    const campaign = id ? await getCampaign(c.get("services").db, principal, id) : null;
    if (!campaign) return notFoundPage(c, "Không có chiến dịch này trong phạm vi của bạn.");
    if (campaign.state !== "draft") {
      throw new ApiError(
        "conflict",
        `Chiến dịch đang "${campaignStateLabels[campaign.state]}": chỉ sửa được bản nháp.`,
      );
    }
    return renderPage(
      c,
      <Page
        title={`Sửa ${campaign.name}`}
        active="campaigns"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={SCRIPTS}
        styles={STYLES}
      >
        <PageHeading title="Sửa bản nháp" subtitle={campaign.name}>
          <a class="button secondary" href={`/console/campaigns/${campaign.id}`}>
            ← Về chiến dịch
          </a>
        </PageHeading>
        <CampaignForm {...(await formData(c, inputOf(campaign)))} campaignId={campaign.id} />
      </Page>,
    );
  });

  app.get("/console/campaigns/:id/progress", async (c) => {
    const id = parseId(c.req.param("id"));
    const { db, config } = c.get("services");
    const campaign = id ? await getCampaign(db, c.get("principal"), id) : null;
    if (!campaign) return notFoundPage(c);
    const progress = await campaignProgress(db, campaign);
    const forecast = await campaignForecast(db, campaign, {
      pacing: campaignRates(config),
      audience: campaign.state === "draft" ? await campaignAudienceSize(db, c.get("principal"), campaign) : undefined,
    });
    const finished = campaign.state === "completed" || campaign.state === "cancelled";
    return renderFragment(
      c,
      <CampaignProgressView campaign={campaign} progress={progress} forecast={forecast} />,
      finished,
    );
  });

  app.get("/console/campaigns/:id", async (c) => {
    const id = parseId(c.req.param("id"));
    const { db, config } = c.get("services");
    const principal = c.get("principal");
    const campaign = id ? await getCampaign(db, principal, id) : null;
    if (!campaign) return notFoundPage(c, "Không có chiến dịch này trong phạm vi của bạn.");
    const preview = await previewCampaign(db, principal, campaign);
    const progress = await campaignProgress(db, campaign);
    const forecast = await campaignForecast(db, campaign, {
      pacing: campaignRates(config),
      audience: campaign.state === "draft" ? preview.audience : undefined,
    });
    const audienceUnits = await Promise.all(
      campaign.audience.unitCodes.map(async (code) => ({ code, name: (await findUnitByCode(db, code))?.name ?? code })),
    );
    const topicNames = await topicNamesOf(db, campaign);
    return renderPage(
      c,
      <Page
        title={campaign.name}
        active="campaigns"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={SCRIPTS}
        styles={STYLES}
      >
        <CampaignDetail
          campaign={campaign}
          canEdit={may(principal.role, "editContent")}
          created={c.req.query("created") !== undefined}
          saved={c.req.query("saved") !== undefined}
          preview={preview}
          progress={progress}
          forecast={forecast}
          audienceUnits={audienceUnits}
          topicNames={topicNames}
          surveyTitle={
            campaign.surveyKey ? (surveyCatalog().get(campaign.surveyKey)?.title ?? campaign.surveyKey) : null
          }
        />
      </Page>,
    );
  });

  return app;
}

async function topicNamesOf(db: ConsoleEnv["Variables"]["services"]["db"], campaign: CampaignRecord) {
  const slugs = campaign.audience.topics ?? [];
  if (slugs.length === 0) return [];
  const all = await db.select({ slug: topics.slug, name: topics.name }).from(topics);
  const names = new Map(all.map((t) => [t.slug, t.name]));
  return slugs.map((slug) => names.get(slug) ?? slug);
}

/** A new campaign's starting point: the officer's own unit, the channels that may send in bulk, the next hour. */
function blankCampaign(unitCode: string): CampaignInput {
  const nextHour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  return {
    name: "",
    unitCode,
    channels: ["web", "telegram", "zalo_oa"],
    audience: { unitCodes: [unitCode] },
    messages: [{ text: "" }],
    surveyKey: null,
    schedule: {
      startAt: nextHour.toISOString(),
      endAt: null,
      window: { from: "07:00", to: "21:00" },
      spreadHours: null,
    },
  };
}

/** A slot per message a campaign may hold; empty ones are left out when the form is sent. */
const MESSAGE_SLOTS = MAX_CAMPAIGN_MESSAGES;

interface FormData {
  input: CampaignInput;
  ownCode: string;
  tree: PickerUnit;
  topics: Array<{ slug: string; name: string }>;
  surveys: Array<{ key: string; title: string }>;
  lessons: Array<{ id: number; title: string }>;
  /** The articles the messages link to, by id, named for the form. */
  articleLabels: Map<number, string>;
}

/** Published lessons offered per message; more than this and the list would be no use as a list. */
const LESSON_CHOICES = 300;
/** Articles the picker offers for a search, and how much of the words it reads. */
const ARTICLE_CHOICES = 8;
const ARTICLE_QUERY_LENGTH = 200;
const ARTICLES_ONLY = new Set(["article"] as const);

/** "Điều 8. Ngày Pháp luật — Luật Phổ biến, giáo dục pháp luật": how the picker names an article. */
function articleLabel(article: { number: string; title: string | null; document: string }): string {
  return `Điều ${article.number}${article.title ? `. ${article.title}` : ""} — ${article.document}`;
}

/** What the create and edit forms show: the campaign's parts, the unit tree opened to its units, topics, surveys. */
async function formData(c: Context<ConsoleEnv>, input: CampaignInput): Promise<FormData> {
  const { db } = c.get("services");
  const principal = c.get("principal");
  const own = (await findUnitById(db, principal.unitId))!;
  const tree = await unitPickerTree(db, principal, own, input.audience.unitCodes);
  const topicList = await db.select({ slug: topics.slug, name: topics.name }).from(topics).orderBy(asc(topics.ordinal));
  const surveys = [...surveyCatalog().values()].map((s) => ({ key: s.key, title: s.title }));
  const lessonList = await listPublishedLessonTitles(db, LESSON_CHOICES);
  const articleIds = input.messages.flatMap((m) => (m.articleId ? [m.articleId] : []));
  const articleLabels = new Map((await articleHeadings(db, articleIds)).map((a) => [a.id, articleLabel(a)]));
  return { input, ownCode: own.code, tree, topics: topicList, surveys, lessons: lessonList, articleLabels };
}

function CampaignForm(props: FormData & { campaignId?: number }) {
  const { input } = props;
  const editing = props.campaignId !== undefined;
  const messages = [...input.messages];
  while (messages.length < MESSAGE_SLOTS) messages.push({ text: "" });
  const chosenTopics = new Set(input.audience.topics ?? []);
  return (
    <form
      class="stack card"
      data-api={editing ? `/api/campaigns/${props.campaignId}` : "/api/campaigns"}
      data-method={editing ? "PATCH" : "POST"}
      data-stay
      data-go-campaign={editing ? "saved" : "created"}
      data-success="Đã lưu bản nháp."
    >
      <label>
        Tên chiến dịch
        <input name="name" value={input.name} required maxlength={200} />
      </label>
      <input type="hidden" name="unitCode" value={input.unitCode ?? props.ownCode} />

      <fieldset>
        <legend>Kênh gửi</legend>
        <div class="choices">
          {channelNames.map((ch) => (
            <label class="check">
              <input
                type="checkbox"
                name="channels"
                data-type="list-item"
                value={ch}
                checked={input.channels.includes(ch)}
              />
              {channelLabels[ch] ?? ch}
            </label>
          ))}
        </div>
        <p class="muted">
          Tài khoản Zalo cá nhân gửi chậm (một tin mỗi 10 giây) để không bị khoá; chỉ chọn khi thật cần.
        </p>
      </fieldset>

      <fieldset data-unit-picker>
        <legend>Đối tượng nhận: đơn vị</legend>
        <p class="muted">
          Chọn đơn vị; mỗi đơn vị gồm mọi đơn vị trực thuộc. Chỉ người đã đăng ký nhận tin, chưa từ chối, trong phạm vi
          của bạn.
        </p>
        <UnitPicker tree={props.tree} />
        {props.topics.length > 0 ? (
          <details>
            <summary>Thêm người đăng ký theo lĩnh vực (tuỳ chọn)</summary>
            <p class="muted">
              Người đăng ký "tin chung" luôn nhận; chọn lĩnh vực để thêm người chỉ theo dõi lĩnh vực đó.
            </p>
            <div class="choices">
              {props.topics.map((t) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="audience.topics"
                    data-type="list-item"
                    value={t.slug}
                    checked={chosenTopics.has(t.slug)}
                  />
                  {t.name}
                </label>
              ))}
            </div>
          </details>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Tin nhắn (tối đa {MAX_CAMPAIGN_MESSAGES}; để trống ô không dùng)</legend>
        {messages.map((message, i) => (
          <div class="message-slot" data-message-slot>
            <label>
              Tin {i + 1}
              <textarea
                name={`messages.${i}.text`}
                data-skip
                data-message
                data-article-id={message.articleId ? String(message.articleId) : undefined}
                maxlength={2000}
              >
                {message.text}
              </textarea>
            </label>
            <label>
              Bài kèm tin {i + 1} (nút "Đọc bài")
              <select name={`messages.${i}.lessonId`} data-skip data-message-lesson>
                <option value="">Không kèm bài</option>
                {message.lessonId && !props.lessons.some((lesson) => lesson.id === message.lessonId) ? (
                  // Unpublished since the draft was saved: kept visible, so saving asks for another lesson rather
                  // than dropping the link unseen.
                  <option value={String(message.lessonId)} selected>
                    {`Bài số ${message.lessonId} (chưa đăng hoặc đã gỡ)`}
                  </option>
                ) : null}
                {props.lessons.map((lesson) => (
                  <option value={String(lesson.id)} selected={lesson.id === message.lessonId}>
                    {lesson.title}
                  </option>
                ))}
              </select>
            </label>
            <ArticlePicker slot={i + 1} articleId={message.articleId} labels={props.articleLabels} />
          </div>
        ))}
        <input type="hidden" name="messages" data-type="json" value={JSON.stringify(input.messages)} />
        <label>
          Mời làm khảo sát ở tin cuối
          <select name="surveyKey" data-empty="null">
            <option value="">Không mời</option>
            {props.surveys.map((s) => (
              <option value={s.key} selected={s.key === input.surveyKey}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>Lịch gửi (giờ Việt Nam)</legend>
        <div class="pair">
          <label>
            Bắt đầu
            <input
              type="datetime-local"
              name="schedule.startAt"
              data-type="vn-datetime"
              value={datetimeLocalValue(input.schedule.startAt)}
              required
            />
          </label>
          <label>
            Kết thúc (tuỳ chọn)
            <input
              type="datetime-local"
              name="schedule.endAt"
              data-type="vn-datetime"
              data-empty="null"
              value={datetimeLocalValue(input.schedule.endAt ?? null)}
            />
          </label>
        </div>
        <div class="pair">
          <label>
            Gửi từ
            <input
              name="schedule.window.from"
              value={input.schedule.window?.from ?? "07:00"}
              placeholder="HH:MM"
              inputmode="numeric"
              required
            />
          </label>
          <label>
            Gửi đến
            <input
              name="schedule.window.to"
              value={input.schedule.window?.to ?? "21:00"}
              placeholder="HH:MM"
              inputmode="numeric"
              required
            />
          </label>
          <label>
            Dàn trải trong (giờ, tuỳ chọn)
            <input
              type="number"
              name="schedule.spreadHours"
              data-type="number"
              data-empty="null"
              min="0.1"
              step="0.1"
              value={input.schedule.spreadHours ? String(input.schedule.spreadHours) : ""}
            />
          </label>
        </div>
        <p class="muted">
          Ngoài khung giờ gửi không gửi tin nào; dàn trải chia người nhận đều trong bấy nhiêu giờ của khung giờ gửi.
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit">Lưu bản nháp</button>
      </div>
    </form>
  );
}

/** A message slot's linked article ("Đọc Điều …" button): the one chosen, and a search to choose or change it. */
function ArticlePicker(props: { slot: number; articleId: number | undefined; labels: Map<number, string> }) {
  const chosen = props.articleId
    ? (props.labels.get(props.articleId) ?? `Điều luật số ${props.articleId} (chưa đăng hoặc đã gỡ)`)
    : null;
  return (
    <div class="article-picker" data-article-picker>
      <p>
        <span data-article-chosen>{chosen ? `Kèm điều luật: ${chosen}` : "Không kèm điều luật."}</span>{" "}
        <button type="button" class="link" data-article-clear hidden={!chosen}>
          Bỏ điều luật
        </button>
      </p>
      <details>
        <summary>{chosen ? "Đổi điều luật" : 'Kèm một điều luật (nút "Đọc Điều")'}</summary>
        <label>
          Tìm điều luật kèm tin {props.slot}
          <input type="search" data-article-query placeholder="ví dụ: đăng ký thường trú" maxlength={200} />
        </label>
        <p>
          <button type="button" class="secondary" data-article-search>
            Tìm điều luật
          </button>
        </p>
        <div role="status" data-article-results />
      </details>
    </div>
  );
}
