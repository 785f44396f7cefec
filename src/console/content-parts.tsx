// Pieces the content pages share: the tabs between documents, lessons, topics, synonyms and import; the badges of
// publication and legal status; and reading a page number or an id from the URL without ever throwing a 500.
import type { Context } from "hono";
import type { LegalStatus } from "../content/law-status";
import { ApiError } from "../errors";
import { may } from "../officers/roles";
import type { ConsoleEnv } from "./console-env";

export const contentTabs = [
  { key: "overview", href: "/console/content", label: "Tổng quan" },
  { key: "documents", href: "/console/content/documents", label: "Văn bản" },
  { key: "lessons", href: "/console/content/lessons", label: "Bài học" },
  { key: "topics", href: "/console/content/topics", label: "Chủ đề" },
  { key: "synonyms", href: "/console/content/synonyms", label: "Từ đồng nghĩa" },
  { key: "import", href: "/console/content/import", label: "Nhập văn bản" },
] as const;

export type ContentTab = (typeof contentTabs)[number]["key"];

/** The content section's own menu; the import tab only for those who may import. */
export function ContentTabs(props: { active: ContentTab; canEdit: boolean }) {
  return (
    // In .heading for its bottom margin: the page's own stylesheet stays untouched.
    <div class="heading">
      <nav class="actions" aria-label="Nội dung">
        {contentTabs
          .filter((tab) => tab.key !== "import" || props.canEdit)
          .map((tab) => (
            <a
              href={tab.href}
              class={tab.key === props.active ? "button" : "button secondary"}
              aria-current={tab.key === props.active ? "page" : undefined}
            >
              {tab.label}
            </a>
          ))}
      </nav>
    </div>
  );
}

export function PublishBadge(props: { status: "draft" | "published" }) {
  return props.status === "published" ? (
    <span class="badge ok">Đã đăng</span>
  ) : (
    <span class="badge warn">Bản nháp</span>
  );
}

const legalLabels: Record<LegalStatus, { text: string; tone: string }> = {
  not_yet_in_force: { text: "Chưa có hiệu lực", tone: "warn" },
  in_force: { text: "Đang có hiệu lực", tone: "ok" },
  amended: { text: "Có hiệu lực, đã sửa đổi", tone: "ok" },
  replaced: { text: "Đã bị thay thế", tone: "bad" },
  expired: { text: "Hết hiệu lực", tone: "bad" },
};

/** The list filters' publication choice: all, published, or drafts ("status" in the query). */
export function PublishStatusFilter(props: { value: string | undefined }) {
  return (
    <label>
      Trạng thái
      <select name="status">
        <option value="">Tất cả</option>
        <option value="published" selected={props.value === "published"}>
          Đã đăng
        </option>
        <option value="draft" selected={props.value === "draft"}>
          Bản nháp
        </option>
      </select>
    </label>
  );
}

export function LegalBadge(props: { status: LegalStatus | null | undefined }) {
  if (!props.status) return <span class="muted">Chưa rõ</span>;
  const label = legalLabels[props.status];
  return <span class={`badge ${label.tone}`}>{label.text}</span>;
}

/** What the officer's role lets the pages offer (the API checks again). */
export function contentRights(c: Context<ConsoleEnv>) {
  const role = c.get("principal").role;
  return {
    canEdit: may(role, "editContent"),
    canPublish: may(role, "publishContent"),
    canManageTopics: may(role, "manageTopics"),
  };
}

/** ?page=…, 1 when absent or nonsense. */
export function pageNumber(c: Context): number {
  const page = Number(c.req.query("page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** A path id; anything but a positive integer is a page that does not exist. */
export function idParam(c: Context, name = "id"): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647)
    throw new ApiError("not_found", "Không có nội dung này trong phạm vi của bạn.");
  return id;
}

/** "Lần đầu…" for a long text in a table cell. */
export function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
