// The console's content section: an overview with what the officer's scope holds (statutes, lessons, drafts), and
// the pages of each kind (content-document-pages, content-lesson-pages, content-topic-pages), plus the section's
// own small script. Counts come from the same services the officer API lists with, so they match its totals.
import { Hono } from "hono";
import { listDocumentsForOfficer } from "../content/document-admin";
import { listLessonsForOfficer } from "../content/lesson-admin";
import { listSynonyms } from "../content/search-synonyms";
import { listTopicsForOfficer } from "../content/topic-admin";
import type { ConsoleEnv } from "./console-env";
import { contentDocumentPages } from "./content-document-pages";
import { contentLessonPages } from "./content-lesson-pages";
import { ContentTabs, contentRights } from "./content-parts";
import { contentScript } from "./content-script";
import { contentTopicPages } from "./content-topic-pages";
import { vnNumber } from "./format";
import { Page, PageHeading } from "./layout";
import { renderPage, serveAsset } from "./render";

export function contentPages() {
  return new Hono<ConsoleEnv>()
    .get("/console/assets/content.js", (c) => serveAsset(c, contentScript, "js"))
    .get("/console/content", async (c) => {
      const principal = c.get("principal");
      const db = c.get("services").db;
      const rights = contentRights(c);
      const [documents, documentDrafts, lessons, lessonDrafts, topics, synonyms] = await Promise.all([
        listDocumentsForOfficer(db, principal, undefined, 1, 1),
        listDocumentsForOfficer(db, principal, "draft", 1, 1),
        listLessonsForOfficer(db, principal, undefined, 1, 1),
        listLessonsForOfficer(db, principal, "draft", 1, 1),
        listTopicsForOfficer(db),
        listSynonyms(db),
      ]);
      const cards = [
        {
          href: "/console/content/documents",
          label: "Văn bản",
          value: documents.total,
          note: `${vnNumber(documentDrafts.total)} bản nháp`,
          draftsHref: "/console/content/documents?status=draft",
        },
        {
          href: "/console/content/lessons",
          label: "Bài học",
          value: lessons.total,
          note: `${vnNumber(lessonDrafts.total)} bản nháp`,
          draftsHref: "/console/content/lessons?status=draft",
        },
        { href: "/console/content/topics", label: "Chủ đề", value: topics.length, note: "dùng chung toàn quốc" },
        {
          href: "/console/content/synonyms",
          label: "Từ đồng nghĩa",
          value: synonyms.length,
          note: "dùng khi tìm kiếm",
        },
      ];
      return renderPage(
        c,
        <Page title="Nội dung" active="content" principal={principal} unitName={c.get("unitName")}>
          <PageHeading title="Nội dung" subtitle="Văn bản, bài học, chủ đề và từ đồng nghĩa người dân tra cứu">
            {rights.canEdit ? (
              <>
                <a class="button" href="/console/content/lessons/new">
                  Viết bài mới
                </a>
                <a class="button secondary" href="/console/content/import">
                  Nhập văn bản
                </a>
              </>
            ) : null}
          </PageHeading>
          <ContentTabs active="overview" canEdit={rights.canEdit} />
          <div class="grid">
            {cards.map((card) => (
              <section class="card">
                <h2>
                  <a href={card.href}>{card.label}</a>
                </h2>
                <p class="stat">{vnNumber(card.value)}</p>
                <p class="muted">{card.draftsHref ? <a href={card.draftsHref}>{card.note}</a> : card.note}</p>
              </section>
            ))}
          </div>
          {documents.total === 0 && lessons.total === 0 ? (
            <section class="card">
              <p class="muted">
                Phạm vi của bạn chưa có văn bản hay bài học nào.
                {rights.canEdit ? " Hãy nhập một tệp luật hoặc viết bài đầu tiên." : ""}
              </p>
            </section>
          ) : null}
        </Page>,
      );
    })
    .route("/", contentDocumentPages())
    .route("/", contentLessonPages())
    .route("/", contentTopicPages());
}
