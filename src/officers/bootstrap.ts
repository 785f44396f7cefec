// The first officer of a database: from the command line (`npm run officer:create`), or the demo admin that the
// embedded demo creates on its first start so a newcomer can try the officer API at once.
import { count } from "drizzle-orm";
import type { Db } from "../../db/db";
import { officers, type OfficerRole } from "../../db/schema/index";
import { createApiToken, createOfficer, findUnitByCode } from "./officer-service";

export interface BootstrapInput {
  name: string;
  email: string;
  role: OfficerRole;
  unitCode: string;
  tokenDays?: number | null;
}

export interface BootstrapResult {
  email: string;
  role: OfficerRole;
  unitCode: string;
  password: string;
  token: string;
}

/** Creates an officer with a one-time password and an API token (both shown once). */
export async function bootstrapOfficer(db: Db, input: BootstrapInput): Promise<BootstrapResult> {
  const { officer, password } = await createOfficer(db, null, input);
  const unit = (await findUnitByCode(db, officer.unitCode))!;
  const { token } = await createApiToken(
    db,
    { officerId: officer.id, email: officer.email, unitId: unit.id },
    {
      name: "Token khởi tạo",
      expiresInDays: input.tokenDays === undefined ? 365 : input.tokenDays,
    },
  );
  return { email: officer.email, role: officer.role, unitCode: officer.unitCode, password, token };
}

export const DEMO_ADMIN_EMAIL = "admin@loa.local";

/** On an embedded demo with no officer yet: a national admin. Returns null when officers already exist. */
export async function ensureDemoAdmin(db: Db): Promise<BootstrapResult | null> {
  const [existing] = await db.select({ n: count() }).from(officers);
  if ((existing?.n ?? 0) > 0) return null;
  return bootstrapOfficer(db, {
    name: "Quản trị (bản dùng thử)",
    email: DEMO_ADMIN_EMAIL,
    role: "admin",
    unitCode: "VN",
    tokenDays: null,
  });
}

export function describeCredentials(result: BootstrapResult, baseUrl = "http://127.0.0.1:8787"): string {
  return [
    `  Email:    ${result.email}`,
    `  Vai trò:  ${result.role}, đơn vị ${result.unitCode}`,
    `  Mật khẩu: ${result.password}   (chỉ hiện một lần; đổi tại ${baseUrl}/console/account)`,
    `  Bảng điều khiển: ${baseUrl}/console`,
    `  Token:    ${result.token}`,
    `  Thử:      curl -H "Authorization: Bearer ${result.token}" ${baseUrl}/api/me`,
  ].join("\n");
}
