// Officers of the scope at /console/officers (managers and admins): the list, creating an officer (the one-time
// password is shown once, on this page), and one officer's page to change role, unit or lock and to reset the
// password. Reads call the officer service with the principal; changes go through /api/officers. The audit log
// pages are mounted from here too (same audience).
import { Hono } from "hono";
import type { OfficerRole } from "../../db/schema/officers";
import { getOfficer, listOfficers, type OfficerView } from "../officers/officer-service";
import { requiredRole, roleLabels, roleRank } from "../officers/roles";
import { ACCOUNT_SCRIPT } from "./account-pages";
import { auditPages } from "./audit-pages";
import type { ConsoleEnv } from "./console-env";
import { vnDateTime } from "./format";
import { Page, PageHeading, Pager } from "./layout";
import { loadUnitChoices, UnitSelect } from "./officer-unit-select";
import { notFoundPage, renderPage, requirePageRole } from "./render";

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES: OfficerRole[] = ["viewer", "officer", "manager", "admin"];

function grantable(own: OfficerRole) {
  return ROLES.filter((role) => roleRank[role] <= roleRank[own]);
}

function RoleSelect(props: { own: OfficerRole; selected?: OfficerRole; disabled?: boolean }) {
  return (
    <label>
      Vai trò
      <select name="role" required disabled={props.disabled}>
        {(props.disabled && props.selected ? [props.selected] : grantable(props.own)).map((role) => (
          <option value={role} selected={role === (props.selected ?? "officer")}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
    </label>
  );
}

function OfficerState(props: { officer: OfficerView }) {
  return props.officer.disabledAt ? (
    <span class="badge bad">Đã khoá</span>
  ) : (
    <span class="badge ok">Đang hoạt động</span>
  );
}

export function officerPages() {
  const app = new Hono<ConsoleEnv>();
  app.use("/console/officers", requirePageRole(requiredRole.manageOfficers));
  app.use("/console/officers/*", requirePageRole(requiredRole.manageOfficers));

  app.get("/console/officers", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const [result, choices] = await Promise.all([
      listOfficers(db, principal, page, PAGE_SIZE),
      loadUnitChoices(db, principal),
    ]);
    return renderPage(
      c,
      <Page
        title="Cán bộ"
        active="officers"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={[ACCOUNT_SCRIPT]}
      >
        <PageHeading title="Cán bộ" subtitle={`Tài khoản cán bộ trong phạm vi ${c.get("unitName")}`} />
        <section class="card">
          {result.items.length === 0 ? (
            <p>Chưa có cán bộ nào trong phạm vi của bạn.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Họ tên</th>
                  <th>Email</th>
                  <th>Vai trò</th>
                  <th>Đơn vị</th>
                  <th>Trạng thái</th>
                  <th>Tạo lúc</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((officer) => (
                  <tr>
                    <td>
                      <a href={`/console/officers/${officer.id}`}>{officer.name}</a>
                    </td>
                    <td>{officer.email}</td>
                    <td>{roleLabels[officer.role]}</td>
                    <td>{officer.unitName}</td>
                    <td>
                      <OfficerState officer={officer} />
                    </td>
                    <td>{vnDateTime(officer.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={result.total} url={new URL(c.req.url)} />
        </section>

        <section class="card">
          <h2>Thêm cán bộ</h2>
          <form
            class="stack"
            data-api="/api/officers"
            data-method="POST"
            data-stay
            data-reset-after
            data-reveal="password"
            data-reveal-target="new-officer"
            data-reveal-link="/console/officers/{officer.id}"
            data-success="Đã tạo tài khoản cán bộ."
          >
            <div class="grid">
              <label>
                Họ tên
                <input name="name" required maxlength={200} />
              </label>
              <label>
                Email
                <input name="email" type="email" required maxlength={254} autocomplete="off" />
              </label>
              <RoleSelect own={principal.role} />
              <div class="stack">
                <UnitSelect name="unitCode" label="Đơn vị" choices={choices} />
              </div>
            </div>
            <p class="muted">
              Bạn chỉ cấp được vai trò không cao hơn của mình. Mật khẩu dùng một lần sẽ hiện ngay dưới đây, một lần duy
              nhất: hãy chuyển cho cán bộ và đề nghị họ đổi mật khẩu ở trang Tài khoản.
            </p>
            <div class="actions">
              <button type="submit">Tạo tài khoản</button>
            </div>
          </form>
          <div id="new-officer" class="card" hidden>
            <p>
              <strong>Mật khẩu dùng một lần — chỉ hiện lần này:</strong>
            </p>
            <pre class="text">
              <code data-secret />
            </pre>
            <p>
              <a data-secret-link href="/console/officers">
                Xem tài khoản vừa tạo
              </a>{" "}
              · <a href="/console/officers">Tải lại danh sách</a>
            </p>
          </div>
        </section>
      </Page>,
    );
  });

  app.get("/console/officers/:id", async (c) => {
    const principal = c.get("principal");
    const { db } = c.get("services");
    const id = c.req.param("id");
    const officer = UUID.test(id) ? await getOfficer(db, principal, id) : null;
    if (!officer) return notFoundPage(c, "Không có cán bộ này trong phạm vi của bạn.");
    const self = officer.id === principal.officerId;
    const outranks = roleRank[officer.role] > roleRank[principal.role];
    const choices = await loadUnitChoices(db, principal);
    return renderPage(
      c,
      <Page
        title={officer.name}
        active="officers"
        principal={principal}
        unitName={c.get("unitName")}
        scripts={[ACCOUNT_SCRIPT]}
      >
        <p>
          <a href="/console/officers">← Danh sách cán bộ</a>
        </p>
        <PageHeading title={officer.name} subtitle={officer.email}>
          <OfficerState officer={officer} />
        </PageHeading>
        <div class="grid">
          <section class="card">
            <h2>Thông tin</h2>
            <table>
              <tbody>
                <tr>
                  <th>Vai trò</th>
                  <td>{roleLabels[officer.role]}</td>
                </tr>
                <tr>
                  <th>Đơn vị</th>
                  <td>
                    {officer.unitName} ({officer.unitCode})
                  </td>
                </tr>
                <tr>
                  <th>Tạo lúc</th>
                  <td>{vnDateTime(officer.createdAt)}</td>
                </tr>
                <tr>
                  <th>Khoá lúc</th>
                  <td>{vnDateTime(officer.disabledAt)}</td>
                </tr>
              </tbody>
            </table>
            <p>
              <a href={`/console/audit?officer=${encodeURIComponent(officer.email)}`}>Xem nhật ký thao tác</a>
            </p>
          </section>

          <section class="card">
            <h2>Sửa</h2>
            {outranks ? (
              <p>Tài khoản này có vai trò cao hơn của bạn nên bạn không sửa được.</p>
            ) : (
              <form class="stack" data-api={`/api/officers/${officer.id}`} data-method="PATCH" data-success="Đã lưu.">
                <label>
                  Họ tên
                  <input name="name" required maxlength={200} value={officer.name} />
                </label>
                <RoleSelect own={principal.role} selected={officer.role} disabled={self} />
                <UnitSelect
                  name="unitCode"
                  label="Đơn vị"
                  choices={choices}
                  selected={officer.unitCode}
                  disabled={self}
                />
                <label class="check">
                  <input type="checkbox" name="disabled" checked={officer.disabledAt !== null} disabled={self} />
                  Khoá tài khoản (không đăng nhập, không dùng token được)
                </label>
                {self ? (
                  <p class="muted">Vai trò, đơn vị và trạng thái của chính bạn do người quản lý khác thay đổi.</p>
                ) : null}
                <div class="actions">
                  <button type="submit">Lưu</button>
                </div>
              </form>
            )}
          </section>
        </div>

        {outranks ? null : (
          <section class="card" data-error-scope>
            <h2>Đặt lại mật khẩu</h2>
            <p class="muted">
              Tạo mật khẩu dùng một lần mới; mật khẩu cũ hết hiệu lực ngay. Mật khẩu mới chỉ hiện một lần ở đây.
            </p>
            <button
              type="button"
              class="danger"
              data-api={`/api/officers/${officer.id}/reset-password`}
              data-method="POST"
              data-stay
              data-reveal="password"
              data-reveal-target="new-password"
              data-confirm={`Đặt lại mật khẩu của ${officer.name}?`}
              data-success="Đã đặt lại mật khẩu."
            >
              Đặt lại mật khẩu
            </button>
            <div id="new-password" class="card" hidden>
              <p>
                <strong>Mật khẩu dùng một lần mới — chỉ hiện lần này:</strong>
              </p>
              <pre class="text">
                <code data-secret />
              </pre>
            </div>
          </section>
        )}
      </Page>,
    );
  });

  app.route("/", auditPages());
  return app;
}
