// The officer's own account at /console/account: who they are, changing their password (POST /api/me/password,
// which ends their other sessions), and their API tokens (list, create with the secret shown once, revoke). Also
// serves account.js, the small script this page and the officers pages share.
import { Hono } from "hono";
import { MIN_PASSWORD_LENGTH } from "../officers/change-password";
import { listApiTokens } from "../officers/officer-service";
import { roleLabels } from "../officers/roles";
import { accountScript } from "./account-script";
import type { ConsoleEnv } from "./console-env";
import { vnDate, vnDateTime } from "./format";
import { Page, PageHeading } from "./layout";
import { renderPage, serveAsset } from "./render";

export const ACCOUNT_SCRIPT = "/console/assets/account.js";

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

function tokenState(token: TokenRow, now: Date) {
  if (token.revokedAt) return <span class="badge bad">Đã thu hồi</span>;
  if (token.expiresAt && token.expiresAt <= now) return <span class="badge warn">Hết hạn</span>;
  return <span class="badge ok">Đang dùng</span>;
}

export function accountPages() {
  return new Hono<ConsoleEnv>()
    .get(ACCOUNT_SCRIPT, (c) => serveAsset(c, accountScript, "js"))
    .get("/console/account", async (c) => {
      const principal = c.get("principal");
      const tokens = await listApiTokens(c.get("services").db, principal.officerId);
      const now = new Date();
      return renderPage(
        c,
        <Page title="Tài khoản" principal={principal} unitName={c.get("unitName")} scripts={[ACCOUNT_SCRIPT]}>
          <PageHeading title="Tài khoản của tôi" />
          <div class="grid">
            <section class="card">
              <h2>Thông tin</h2>
              <table>
                <tbody>
                  <tr>
                    <th>Họ tên</th>
                    <td>{principal.name}</td>
                  </tr>
                  <tr>
                    <th>Email</th>
                    <td>{principal.email}</td>
                  </tr>
                  <tr>
                    <th>Vai trò</th>
                    <td>{roleLabels[principal.role]}</td>
                  </tr>
                  <tr>
                    <th>Đơn vị</th>
                    <td>{c.get("unitName") || "—"}</td>
                  </tr>
                </tbody>
              </table>
              <p class="muted">Họ tên, vai trò và đơn vị do cán bộ quản lý của bạn thay đổi.</p>
            </section>
            <section class="card">
              <h2>Đổi mật khẩu</h2>
              <form
                class="stack"
                data-api="/api/me/password"
                data-method="POST"
                data-stay
                data-reset-after
                data-success="Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."
              >
                <label>
                  Mật khẩu hiện tại
                  <input type="password" name="currentPassword" autocomplete="current-password" required />
                </label>
                <label>
                  Mật khẩu mới
                  <input
                    type="password"
                    name="newPassword"
                    autocomplete="new-password"
                    minlength={MIN_PASSWORD_LENGTH}
                    required
                  />
                </label>
                <label>
                  Nhập lại mật khẩu mới
                  <input
                    type="password"
                    name="confirmPassword"
                    autocomplete="new-password"
                    required
                    data-skip
                    data-same-as="newPassword"
                    data-mismatch="Hai lần nhập mật khẩu mới không khớp"
                  />
                </label>
                <p class="muted">
                  Ít nhất {MIN_PASSWORD_LENGTH} ký tự. Sau khi đổi, các phiên đăng nhập khác sẽ kết thúc.
                </p>
                <div class="actions">
                  <button type="submit">Đổi mật khẩu</button>
                </div>
              </form>
            </section>
          </div>

          <section class="card">
            <h2>Token API</h2>
            <p class="muted">
              Token cho phần mềm khác gọi API thay bạn, với đúng vai trò và phạm vi của bạn. Xem hướng dẫn ở trang{" "}
              <a href="/console/api">API</a>.
            </p>
            {tokens.length === 0 ? (
              <p>Chưa có token nào.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Tên</th>
                    <th>Mã đầu</th>
                    <th>Tạo lúc</th>
                    <th>Hết hạn</th>
                    <th>Dùng lần cuối</th>
                    <th>Trạng thái</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((token) => (
                    <tr>
                      <td>{token.name}</td>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td>{vnDateTime(token.createdAt)}</td>
                      <td>{token.expiresAt ? vnDate(token.expiresAt) : "Không hết hạn"}</td>
                      <td>{vnDateTime(token.lastUsedAt)}</td>
                      <td>{tokenState(token, now)}</td>
                      <td>
                        {token.revokedAt ? null : (
                          <button
                            type="button"
                            class="secondary"
                            data-api={`/api/me/tokens/${token.id}`}
                            data-method="DELETE"
                            data-confirm={`Thu hồi token "${token.name}"? Phần mềm dùng nó sẽ không gọi được API nữa.`}
                            data-success="Đã thu hồi token."
                          >
                            Thu hồi
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Tạo token mới</h3>
            <form
              class="filters"
              data-api="/api/me/tokens"
              data-method="POST"
              data-stay
              data-reset-after
              data-reveal="token"
              data-reveal-target="new-token"
              data-success="Đã tạo token."
            >
              <label>
                Tên (để nhận ra sau này)
                <input name="name" required maxlength={100} placeholder="VD: Báo cáo của Sở" />
              </label>
              <label>
                Hạn dùng
                <select name="expiresInDays" data-type="number" data-empty="null">
                  <option value="30">30 ngày</option>
                  <option value="90" selected>
                    90 ngày
                  </option>
                  <option value="365">1 năm</option>
                  <option value="">Không hết hạn</option>
                </select>
              </label>
              <button type="submit">Tạo token</button>
            </form>
            <div id="new-token" class="card" hidden>
              <p>
                <strong>Token mới — chỉ hiện một lần.</strong> Hãy sao chép và cất giữ ngay; Loa không lưu lại được.
              </p>
              <pre class="text">
                <code data-secret />
              </pre>
              <p>
                <a href="/console/account">Tải lại danh sách token</a>
              </p>
            </div>
          </section>
        </Page>,
      );
    });
}
