// The API reference for integrators at /console/api, server-rendered from the officer API's own OpenAPI document
// (so it cannot drift from the routes): how to get a token and call the API, a table of contents by tag, and each
// operation with its parameters, request fields (two levels deep), responses and the role it needs where the
// document states it; the shared schemas close the page.
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { OfficerRole } from "../../db/schema/officers";
import { roleLabels } from "../officers/roles";
import {
  constraintText,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiSchema,
  officerApiDocument,
  refName,
  resolveParameter,
  resolveSchema,
  typeText,
} from "./api-reference-openapi";
import type { ConsoleEnv } from "./console-env";
import { Page, PageHeading } from "./layout";
import { renderPage } from "./render";

const tagLabels: Record<string, string> = {
  auth: "Đăng nhập, tài khoản và token",
  units: "Đơn vị hành chính",
  contacts: "Người dân",
  content: "Nội dung pháp luật",
  officers: "Cán bộ",
  audit: "Nhật ký thao tác",
  surveys: "Khảo sát",
  scoring: "Chỉ số đánh giá",
  exports: "Xuất dữ liệu",
  questions: "Hỏi đáp",
  search: "Tìm kiếm",
  subscriptions: "Đăng ký nhận tin",
  campaigns: "Chiến dịch",
};

const ERROR_EXAMPLE = `{"error":{"code":"invalid_request","message":"…","issues":[{"field":"…","message":"…"}]}}`;
const METHODS = ["get", "post", "put", "patch", "delete"];
// Request and response fields are listed two levels below the body; deeper structure is in the schema section.
const MAX_DEPTH = 3;

interface Operation {
  method: string;
  path: string;
  op: OpenApiOperation;
  anchor: string;
}

function operationsByTag(doc: OpenApiDocument): Array<[string, Operation[]]> {
  const groups = new Map<string, Operation[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = methods[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "khác";
      const anchor = `op-${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, op, anchor }]);
    }
  }
  return [...groups.entries()];
}

interface FieldRow {
  name: string;
  schema: OpenApiSchema;
  required: boolean;
}

/** The fields of an object schema as dotted rows ("audience.unitCodes", "messages[].text"), `depth` levels deep. */
function fieldRows(doc: OpenApiDocument, schema: OpenApiSchema | undefined, prefix = "", depth = 1): FieldRow[] {
  const resolved = resolveSchema(doc, schema);
  if (!resolved?.properties) return [];
  const rows: FieldRow[] = [];
  for (const [name, raw] of Object.entries(resolved.properties)) {
    const field = `${prefix}${name}`;
    rows.push({ name: field, schema: raw, required: resolved.required?.includes(name) ?? false });
    if (depth >= MAX_DEPTH || raw.$ref) continue;
    const inner = raw.items && !raw.items.$ref ? raw.items : raw;
    const innerPrefix = raw.items ? `${field}[].` : `${field}.`;
    rows.push(...fieldRows(doc, inner, innerPrefix, depth + 1));
  }
  return rows;
}

function TypeRef(props: { schema: OpenApiSchema | undefined }): Child {
  const { schema } = props;
  if (schema?.$ref) return <a href={`#schema-${refName(schema.$ref)}`}>{refName(schema.$ref)}</a>;
  if (schema?.items?.$ref)
    return (
      <>
        <a href={`#schema-${refName(schema.items.$ref)}`}>{refName(schema.items.$ref)}</a>[]
      </>
    );
  return <code>{typeText(schema)}</code>;
}

function describe(schema: OpenApiSchema | undefined, extra?: string): string {
  return [extra ?? schema?.description, ...constraintText(schema)].filter(Boolean).join(" · ");
}

function FieldTable(props: { rows: FieldRow[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Trường</th>
          <th>Kiểu</th>
          <th>Bắt buộc</th>
          <th>Mô tả</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <td>
              <code>{row.name}</code>
            </td>
            <td>
              <TypeRef schema={row.schema} />
            </td>
            <td>{row.required ? "có" : "không"}</td>
            <td>{describe(row.schema)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OperationCard(props: { doc: OpenApiDocument; operation: Operation }) {
  const { doc } = props;
  const { method, path, op, anchor } = props.operation;
  const parameters = (op.parameters ?? []).map((p) => resolveParameter(doc, p)).filter((p) => p !== undefined);
  const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
  const bodyRows = fieldRows(doc, bodySchema);
  const role = op["x-required-role"] as OfficerRole | undefined;
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  const responses = Object.entries(op.responses ?? {});
  return (
    <article class="card" id={anchor}>
      <h3>
        <span class={`badge ${method === "get" ? "ok" : method === "delete" ? "bad" : "warn"}`}>
          {method.toUpperCase()}
        </span>{" "}
        <code>{path}</code>
      </h3>
      {op.summary ? <p>{op.summary}</p> : null}
      {op.description ? <p class="muted">{op.description}</p> : null}
      <p class="muted">
        {isPublic
          ? "Không cần đăng nhập."
          : role
            ? `Cần vai trò "${roleLabels[role] ?? role}" (${role}) trở lên.`
            : "Cần token hoặc phiên đăng nhập; kết quả giới hạn theo phạm vi đơn vị của bạn."}
      </p>
      {parameters.length > 0 ? (
        <>
          <h4>Tham số</h4>
          <table>
            <thead>
              <tr>
                <th>Tên</th>
                <th>Vị trí</th>
                <th>Kiểu</th>
                <th>Bắt buộc</th>
                <th>Mô tả</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((p) => (
                <tr>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.in === "path" ? "đường dẫn" : p.in === "query" ? "query" : p.in}</td>
                  <td>
                    <TypeRef schema={p.schema} />
                  </td>
                  <td>{p.required ? "có" : "không"}</td>
                  <td>{describe(p.schema, p.description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {bodySchema ? (
        <>
          <h4>Thân yêu cầu (JSON){op.requestBody?.description ? `: ${op.requestBody.description}` : ""}</h4>
          {bodyRows.length > 0 ? <FieldTable rows={bodyRows} /> : <TypeRef schema={bodySchema} />}
        </>
      ) : null}
      <h4>Trả lời</h4>
      <table>
        <thead>
          <tr>
            <th>Mã</th>
            <th>Ý nghĩa</th>
            <th>Nội dung</th>
          </tr>
        </thead>
        <tbody>
          {responses.map(([status, response]) => {
            const schema = response.content?.["application/json"]?.schema;
            const other = response.content ? Object.keys(response.content).filter((t) => t !== "application/json") : [];
            return (
              <tr>
                <td>
                  <code>{status}</code>
                </td>
                <td>{response.description ?? ""}</td>
                <td>
                  {schema ? <TypeRef schema={schema} /> : other.length > 0 ? <code>{other.join(", ")}</code> : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {responses
        .filter(([status]) => status.startsWith("2"))
        .map(([status, response]) => {
          const schema = response.content?.["application/json"]?.schema;
          const rows = schema && !schema.$ref ? fieldRows(doc, schema) : [];
          return rows.length > 0 ? (
            <details>
              <summary>Các trường của trả lời {status}</summary>
              <FieldTable rows={rows} />
            </details>
          ) : null;
        })}
    </article>
  );
}

function GettingStarted(props: { origin: string }) {
  const { origin } = props;
  const curlMe = `curl -H "Authorization: Bearer loa_…" ${origin}/api/me`;
  const curlWave = [
    `curl -X POST ${origin}/api/surveys/law_day_quiz/waves \\`,
    `  -H "Authorization: Bearer loa_…" -H "Content-Type: application/json" \\`,
    `  -d '{"name":"Đợt tháng 11","unitCode":"00004","controller":"UBND phường Ba Đình",`,
    `       "startsAt":"2026-11-01T08:00:00+07:00"}'`,
  ].join("\n");
  const curlToken = [
    `# Khi chưa có token: đăng nhập bằng email, mật khẩu để lấy cookie phiên và mã CSRF, rồi tạo token`,
    `curl -c cookie.txt -H "Content-Type: application/json" \\`,
    `  -d '{"email":"ban@donvi.gov.vn","password":"…"}' ${origin}/api/auth/login`,
    `curl -b cookie.txt -H "X-CSRF-Token: <csrfToken trong trả lời trên>" -H "Content-Type: application/json" \\`,
    `  -d '{"name":"Báo cáo tự động","expiresInDays":90}' ${origin}/api/me/tokens`,
  ].join("\n");
  return (
    <section class="card">
      <h2>Bắt đầu</h2>
      <p>
        API dành cho phần mềm của cơ quan (báo cáo, đồng bộ, tích hợp). Mọi yêu cầu dùng JSON, thời điểm theo ISO 8601
        (UTC hoặc có múi giờ, VD <code>2026-11-09T08:00:00+07:00</code>). Tài liệu máy đọc được (OpenAPI 3.1):{" "}
        <a href="/api/openapi.json">/api/openapi.json</a> — nạp vào Postman, Insomnia hay công cụ sinh mã.
      </p>
      <h3>1. Lấy token</h3>
      <p>
        Vào trang <a href="/console/account">Tài khoản</a>, mục "Token API", đặt tên và bấm "Tạo token". Token (bắt đầu
        bằng <code>loa_</code>) chỉ hiện một lần: hãy cất vào nơi an toàn. Token mang đúng vai trò và phạm vi đơn vị của
        bạn; thu hồi ở cùng trang khi không dùng nữa. Cũng có thể tạo bằng API (<code>POST /api/me/tokens</code>):
      </p>
      <pre class="text">
        <code>{curlToken}</code>
      </pre>
      <h3>2. Gọi API</h3>
      <p>
        Gửi token trong tiêu đề <code>Authorization: Bearer …</code>:
      </p>
      <pre class="text">
        <code>{curlMe}</code>
      </pre>
      <p>Ví dụ mở một đợt khảo sát cho một phường:</p>
      <pre class="text">
        <code>{curlWave}</code>
      </pre>
      <h3>3. Quy ước</h3>
      <ul>
        <li>
          <strong>Phạm vi:</strong> mọi kết quả chỉ gồm dữ liệu của đơn vị bạn và các đơn vị trực thuộc; thứ ngoài phạm
          vi trả về 404 như thứ không tồn tại.
        </li>
        <li>
          <strong>Vai trò:</strong> Quản trị (admin) ⊃ Quản lý (manager) ⊃ Cán bộ (officer) ⊃ Xem (viewer). Thiếu vai
          trò: 403.
        </li>
        <li>
          <strong>Lỗi:</strong> luôn có dạng <code>{ERROR_EXAMPLE}</code>; <code>issues</code> chỉ ra trường sai.
        </li>
        <li>
          <strong>Phân trang:</strong> tham số <code>page</code> (từ 1) và <code>pageSize</code>; trả lời có{" "}
          <code>total</code>. Nhật ký dùng con trỏ <code>before</code> = <code>nextBefore</code> của trang trước.
        </li>
      </ul>
    </section>
  );
}

export function apiReferencePages() {
  return new Hono<ConsoleEnv>().get("/console/api", async (c) => {
    const doc = await officerApiDocument();
    const groups = operationsByTag(doc);
    const origin = new URL(c.req.url).origin;
    const schemas = Object.entries(doc.components?.schemas ?? {});
    return renderPage(
      c,
      <Page title="API" active="api" principal={c.get("principal")} unitName={c.get("unitName")}>
        <PageHeading title={doc.info.title} subtitle={`Phiên bản ${doc.info.version}. ${doc.info.description ?? ""}`}>
          <a class="button" href="/console/api/swagger">
            Thử trên Swagger UI
          </a>
          <a class="button secondary" href="/api/openapi.json">
            openapi.json
          </a>
        </PageHeading>
        <GettingStarted origin={origin} />
        <nav class="card" aria-label="Mục lục API">
          <h2>Mục lục</h2>
          {groups.map(([tag, operations]) => (
            <details open>
              <summary>
                <a href={`#tag-${tag}`}>{tagLabels[tag] ?? tag}</a> <span class="muted">({operations.length})</span>
              </summary>
              <ul>
                {operations.map((o) => (
                  <li>
                    <a href={`#${o.anchor}`}>
                      <code>
                        {o.method.toUpperCase()} {o.path}
                      </code>
                    </a>{" "}
                    <span class="muted">{o.op.summary ?? ""}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
          <p>
            <a href="#schemas">Các kiểu dữ liệu dùng chung</a>
          </p>
        </nav>
        {groups.map(([tag, operations]) => (
          <section id={`tag-${tag}`}>
            <h2>
              {tagLabels[tag] ?? tag} <code class="muted">{tag}</code>
            </h2>
            {operations.map((operation) => (
              <OperationCard doc={doc} operation={operation} />
            ))}
          </section>
        ))}
        <section id="schemas">
          <h2>Các kiểu dữ liệu dùng chung</h2>
          {schemas.map(([name, schema]) => {
            const rows = fieldRows(doc, schema);
            return (
              <article class="card" id={`schema-${name}`}>
                <h3>
                  <code>{name}</code>
                </h3>
                {schema.description ? <p class="muted">{schema.description}</p> : null}
                {rows.length > 0 ? <FieldTable rows={rows} /> : <code>{typeText(schema)}</code>}
              </article>
            );
          })}
        </section>
      </Page>,
    );
  });
}
