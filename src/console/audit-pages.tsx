// The audit log at /console/audit (managers and admins): who did what, when, in the officer's scope, filtered by
// action, officer and Vietnamese date range through a plain GET form, paginated, with each entry's details written
// out as labelled values rather than raw JSON.
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { pageAudit } from "../officers/audit";
import { listOfficers } from "../officers/officer-service";
import { requiredRole, roleLabels } from "../officers/roles";
import { auditActionLabels, auditDetailLabels, auditTargetLabels } from "./audit-labels";
import type { ConsoleEnv } from "./console-env";
import { vnDateTime } from "./format";
import { Page, PageHeading, Pager } from "./layout";
import { renderPage, requirePageRole } from "./render";

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

/** A yyyy-mm-dd from a date input as the start of that day in Vietnam, or undefined when absent or malformed. */
function vnDayStart(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00+07:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function DetailValue(props: { name: string; value: unknown }): Child {
  const { name, value } = props;
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "có" : "không";
  if (name === "role" && typeof value === "string" && value in roleLabels)
    return roleLabels[value as keyof typeof roleLabels];
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object") return <Details details={value as Record<string, unknown>} />;
  return String(value);
}

function Details(props: { details: Record<string, unknown> }) {
  const entries = Object.entries(props.details);
  if (entries.length === 0) return null;
  return (
    <ul class="muted">
      {entries.map(([key, value]) => (
        <li>
          {auditDetailLabels[key] ?? key}: <DetailValue name={key} value={value} />
        </li>
      ))}
    </ul>
  );
}

function Target(props: { type: string | null; id: string | null }) {
  if (!props.type) return <>—</>;
  const label = auditTargetLabels[props.type] ?? props.type;
  if (props.type === "officer" && props.id) return <a href={`/console/officers/${props.id}`}>{label}</a>;
  return (
    <>
      {label}
      {props.id ? ` #${props.id.length > 12 ? `${props.id.slice(0, 8)}…` : props.id}` : ""}
    </>
  );
}

export function auditPages() {
  return new Hono<ConsoleEnv>().get("/console/audit", requirePageRole(requiredRole.manageOfficers), async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const query = c.req.query();
    const action = query.action && /^[a-z_.]{1,64}$/.test(query.action) ? query.action : undefined;
    const officerEmail = query.officer?.trim().slice(0, 254) || undefined;
    const fromDay = vnDayStart(query.from);
    const toDay = vnDayStart(query.to);
    const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1));
    const [result, officers] = await Promise.all([
      pageAudit(db, principal, {
        action,
        officerEmail,
        from: fromDay,
        to: toDay ? new Date(toDay.getTime() + DAY_MS) : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
      listOfficers(db, principal, 1, 200),
    ]);
    const filtered = Boolean(action || officerEmail || fromDay || toDay);
    return renderPage(
      c,
      <Page title="Nhật ký" active="audit" principal={principal} unitName={c.get("unitName")}>
        <PageHeading title="Nhật ký thao tác" subtitle={`Trong phạm vi ${c.get("unitName")}, mới nhất trước`} />
        <form class="filters" method="get" action="/console/audit">
          <label>
            Thao tác
            <select name="action">
              <option value="">Tất cả</option>
              {Object.entries(auditActionLabels).map(([code, label]) => (
                <option value={code} selected={code === action}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Cán bộ (email)
            <input name="officer" type="email" list="audit-officers" value={officerEmail ?? ""} />
          </label>
          <datalist id="audit-officers">
            {officers.items.map((o) => (
              <option value={o.email}>{o.name}</option>
            ))}
          </datalist>
          <label>
            Từ ngày
            <input name="from" type="date" value={fromDay ? query.from : ""} />
          </label>
          <label>
            Đến ngày
            <input name="to" type="date" value={toDay ? query.to : ""} />
          </label>
          <button type="submit">Lọc</button>
          {filtered ? (
            <a class="button secondary" href="/console/audit">
              Bỏ lọc
            </a>
          ) : null}
        </form>
        <section class="card">
          {result.entries.length === 0 ? (
            <p>{filtered ? "Không có thao tác nào khớp bộ lọc." : "Chưa có thao tác nào trong phạm vi của bạn."}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Thời điểm</th>
                  <th>Cán bộ</th>
                  <th>Thao tác</th>
                  <th>Đối tượng</th>
                  <th>Đơn vị</th>
                  <th>Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((entry) => (
                  <tr>
                    <td>{vnDateTime(entry.at)}</td>
                    <td>{entry.officerEmail ?? <span class="muted">(hệ thống)</span>}</td>
                    <td>
                      {auditActionLabels[entry.action] ?? entry.action}
                      <br />
                      <code class="muted">{entry.action}</code>
                    </td>
                    <td>
                      <Target type={entry.targetType} id={entry.targetId} />
                    </td>
                    <td>{entry.unitName ?? "—"}</td>
                    <td>
                      <Details details={entry.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={result.total} url={new URL(c.req.url)} />
        </section>
      </Page>,
    );
  });
}
