// The frame of every console page: the header with the officer and their unit, the sections their role may open,
// and the CSRF token the console script sends with every change. Server-rendered; no inline script or style (the
// service's Content-Security-Policy allows only its own files).
import type { Child } from "hono/jsx";
import type { OfficerRole } from "../../db/schema/officers";
import type { Principal } from "../officers/principal";
import { hasRole, roleLabels } from "../officers/roles";

export interface ConsoleSection {
  key: string;
  href: string;
  label: string;
  /** The least role that sees the section in the menu (the page checks again). */
  least: OfficerRole;
}

export const consoleSections: ConsoleSection[] = [
  { key: "dashboard", href: "/console", label: "Tổng quan", least: "viewer" },
  { key: "results", href: "/console/results", label: "Kết quả khảo sát", least: "viewer" },
  { key: "questions", href: "/console/questions", label: "Hỏi đáp", least: "viewer" },
  { key: "campaigns", href: "/console/campaigns", label: "Chiến dịch", least: "viewer" },
  { key: "content", href: "/console/content", label: "Nội dung", least: "viewer" },
  { key: "surveys", href: "/console/surveys", label: "Khảo sát", least: "viewer" },
  { key: "officers", href: "/console/officers", label: "Cán bộ", least: "manager" },
  { key: "audit", href: "/console/audit", label: "Nhật ký", least: "manager" },
  { key: "api", href: "/console/api", label: "API", least: "viewer" },
];

export interface PageProps {
  title: string;
  /** The section highlighted in the menu. */
  active?: string;
  principal?: Principal | undefined;
  /** The principal's unit as officers read it ("Tỉnh Quảng Ninh"); shown beside their name. */
  unitName?: string | undefined;
  /** Extra scripts of the page (their own files under /console/assets/). */
  scripts?: string[];
  /** Extra stylesheets of the page (their own files under /console/assets/). */
  styles?: string[];
  children?: Child;
}

export function Page(props: PageProps) {
  const { principal } = props;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {principal?.csrfToken ? <meta name="csrf-token" content={principal.csrfToken} /> : null}
        <title>{`${props.title} · Loa`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        {(props.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <script src="/console/assets/console.js" defer />
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/console">
            📢 Loa <span>Bảng điều khiển</span>
          </a>
          {principal ? (
            <div class="who">
              <a href="/console/account" title="Tài khoản">
                {principal.name}
              </a>
              <span class="muted">
                {roleLabels[principal.role]}
                {props.unitName ? ` · ${props.unitName}` : ""}
              </span>
              <form method="post" action="/console/logout" class="inline">
                <input type="hidden" name="csrf" value={principal.csrfToken ?? ""} />
                <button type="submit" class="link">
                  Đăng xuất
                </button>
              </form>
            </div>
          ) : null}
        </header>
        {principal ? (
          <nav class="sections" aria-label="Các mục">
            {consoleSections
              .filter((s) => hasRole(principal.role, s.least))
              .map((s) => (
                <a href={s.href} aria-current={s.key === props.active ? "page" : undefined}>
                  {s.label}
                </a>
              ))}
          </nav>
        ) : null}
        <main>
          <div id="flash" role="status" aria-live="polite" />
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page heading with optional actions on the right. */
export function PageHeading(props: { title: string; subtitle?: string | undefined; children?: Child }) {
  return (
    <div class="heading">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p class="muted">{props.subtitle}</p> : null}
      </div>
      {props.children ? <div class="actions">{props.children}</div> : null}
    </div>
  );
}

/** "Trang 2/5" with previous and next links that keep the other query parameters. */
export function Pager(props: { page: number; pageSize: number; total: number; url: URL }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const link = (page: number) => {
    const url = new URL(props.url);
    url.searchParams.set("page", String(page));
    return `${url.pathname}${url.search}`;
  };
  return (
    <nav class="pager" aria-label="Phân trang">
      {props.page > 1 ? <a href={link(props.page - 1)}>‹ Trước</a> : <span />}
      <span>
        Trang {props.page}/{pages} · {props.total} mục
      </span>
      {props.page < pages ? <a href={link(props.page + 1)}>Sau ›</a> : <span />}
    </nav>
  );
}

/** A list as a table, one row per item; with no items, what to say instead (an empty table says nothing). */
export function ListTable<T>(props: {
  items: readonly T[];
  headings: readonly string[];
  empty: string;
  row: (item: T) => Child;
}) {
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {props.headings.map((heading) => (
            <th>{heading}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.items.map((item) => props.row(item))}</tbody>
    </table>
  );
}

/** A refusal or a missing thing, in the frame, with the way back. */
export function MessagePage(props: {
  title: string;
  message: string;
  principal?: Principal | undefined;
  unitName?: string | undefined;
}) {
  return (
    <Page title={props.title} principal={props.principal} unitName={props.unitName}>
      <section class="card narrow">
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/console">← Về trang tổng quan</a>
        </p>
      </section>
    </Page>
  );
}
