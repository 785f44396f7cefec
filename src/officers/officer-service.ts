// Officer accounts and API tokens. Every read is filtered by the caller's scope; every change is audited in the
// same transaction.
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { apiTokens, officers, units, type OfficerRole } from "../../db/schema/index";
import { ApiError } from "../errors";
import { recordAudit } from "./audit";
import { generateApiToken, generatePassword, hashPassword } from "./credentials";
import { inScope, pathInScope, type Principal } from "./principal";
import { roleRank } from "./roles";

const officerColumns = {
  id: officers.id,
  name: officers.name,
  email: officers.email,
  role: officers.role,
  unitCode: units.code,
  unitName: units.fullName,
  createdAt: officers.createdAt,
  disabledAt: officers.disabledAt,
};

export type OfficerView = {
  id: string;
  name: string;
  email: string;
  role: OfficerRole;
  unitCode: string;
  unitName: string;
  createdAt: Date;
  disabledAt: Date | null;
};

/** A current unit by code, or null. */
export async function findUnitByCode(db: Db, code: string) {
  const [unit] = await db
    .select({ id: units.id, code: units.code, path: units.path, name: units.fullName, kind: units.kind })
    .from(units)
    .where(and(eq(units.code, code), isNull(units.validTo)))
    .orderBy(desc(units.validFrom))
    .limit(1);
  return unit ?? null;
}

export async function findUnitById(db: Db, id: number) {
  const [unit] = await db
    .select({ id: units.id, code: units.code, path: units.path, name: units.fullName, kind: units.kind })
    .from(units)
    .where(eq(units.id, id));
  return unit ?? null;
}

/** A unit the caller may act on, named in a request body: unknown and out-of-scope answer alike (400). */
export async function unitInScopeOrFail(db: Db, principal: Principal, code: string, field = "unitCode") {
  const unit = await findUnitByCode(db, code);
  if (!unit || !pathInScope(principal, unit.path)) {
    throw new ApiError("invalid_request", `Không có đơn vị mã "${code}" trong phạm vi của bạn`, field);
  }
  return unit;
}

function assertMayGrant(principal: Principal, role: OfficerRole) {
  if (roleRank[role] > roleRank[principal.role]) {
    throw new ApiError("forbidden", "Bạn không thể cấp vai trò cao hơn vai trò của mình", "role");
  }
}

export interface NewOfficer {
  name: string;
  email: string;
  role: OfficerRole;
  unitCode: string;
}

/** Creates an officer with a one-time password (returned once, never stored in clear). */
export async function createOfficer(db: Db, principal: Principal | null, input: NewOfficer) {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const unit = principal
      ? await unitInScopeOrFail(tx, principal, input.unitCode)
      : await findUnitByCode(tx, input.unitCode);
    if (!unit) throw new ApiError("invalid_request", `Không có đơn vị mã "${input.unitCode}"`, "unitCode");
    if (principal) assertMayGrant(principal, input.role);
    const [existing] = await tx.select({ id: officers.id }).from(officers).where(eq(officers.email, email));
    if (existing) throw new ApiError("conflict", `Đã có cán bộ dùng email ${email}`, "email");
    const password = generatePassword();
    const [created] = await tx
      .insert(officers)
      .values({
        name: input.name.trim(),
        email,
        role: input.role,
        unitId: unit.id,
        passwordHash: await hashPassword(password),
        createdBy: principal?.officerId ?? null,
      })
      .returning({ id: officers.id });
    await recordAudit(tx, principal, {
      action: "officer.create",
      targetType: "officer",
      targetId: created!.id,
      unitId: unit.id,
      details: { email, role: input.role, unitCode: unit.code },
    });
    return { officer: (await getOfficerUnscoped(tx, created!.id))!, password };
  });
}

async function getOfficerUnscoped(db: Db, id: string): Promise<OfficerView | null> {
  const [row] = await db
    .select(officerColumns)
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(eq(officers.id, id));
  return row ?? null;
}

export async function getOfficer(db: Db, principal: Principal, id: string): Promise<OfficerView | null> {
  const [row] = await db
    .select(officerColumns)
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(and(eq(officers.id, id), inScope(principal, officers.unitId)));
  return row ?? null;
}

export async function listOfficers(db: Db, principal: Principal, page: number, pageSize: number) {
  const where = inScope(principal, officers.unitId);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(officers).where(where);
  const items = await db
    .select(officerColumns)
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(where)
    .orderBy(asc(officers.email))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total };
}

export interface OfficerChanges {
  name?: string;
  role?: OfficerRole;
  unitCode?: string;
  disabled?: boolean;
}

export async function updateOfficer(db: Db, principal: Principal, id: string, changes: OfficerChanges) {
  return db.transaction(async (tx) => {
    const current = await getOfficer(tx, principal, id);
    if (!current) return null;
    if (
      id === principal.officerId &&
      (changes.role !== undefined || changes.disabled || changes.unitCode !== undefined)
    ) {
      throw new ApiError("forbidden", "Bạn không thể tự đổi vai trò, đơn vị hoặc khoá tài khoản của mình");
    }
    // Nobody manages an officer who outranks them, even inside their scope.
    if (roleRank[current.role] > roleRank[principal.role]) {
      throw new ApiError("forbidden", "Bạn không thể sửa tài khoản có vai trò cao hơn mình");
    }
    if (changes.role) assertMayGrant(principal, changes.role);
    const unit = changes.unitCode ? await unitInScopeOrFail(tx, principal, changes.unitCode) : null;
    const [row] = await tx
      .update(officers)
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(unit ? { unitId: unit.id } : {}),
        ...(changes.disabled !== undefined ? { disabledAt: changes.disabled ? new Date() : null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(officers.id, id))
      .returning({ unitId: officers.unitId });
    const updated = (await getOfficerUnscoped(tx, id))!;
    await recordAudit(tx, principal, {
      action: changes.disabled === true ? "officer.disable" : "officer.update",
      targetType: "officer",
      targetId: id,
      unitId: row!.unitId,
      details: { changes: { ...changes } },
    });
    return updated;
  });
}

export async function resetOfficerPassword(db: Db, principal: Principal, id: string) {
  return db.transaction(async (tx) => {
    const current = await getOfficer(tx, principal, id);
    if (!current) return null;
    if (roleRank[current.role] > roleRank[principal.role]) {
      throw new ApiError("forbidden", "Bạn không thể đặt lại mật khẩu của tài khoản có vai trò cao hơn mình");
    }
    const password = generatePassword();
    const [row] = await tx
      .update(officers)
      .set({ passwordHash: await hashPassword(password), updatedAt: new Date() })
      .where(eq(officers.id, id))
      .returning({ unitId: officers.unitId });
    await recordAudit(tx, principal, {
      action: "officer.reset_password",
      targetType: "officer",
      targetId: id,
      unitId: row!.unitId,
    });
    return { password };
  });
}

const DAY_MS = 86_400_000;

export async function createApiToken(
  db: Db,
  actor: Pick<Principal, "officerId" | "email" | "unitId">,
  input: { name: string; expiresInDays?: number | null },
) {
  const { token, hash, prefix } = await generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ officerId: actor.officerId, name: input.name.trim(), prefix, tokenHash: hash, expiresAt })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
      });
    await recordAudit(tx, actor, {
      action: "token.create",
      targetType: "api_token",
      targetId: row!.id,
      unitId: actor.unitId,
      details: { name: row!.name },
    });
    return { ...row!, token };
  });
}

export async function listApiTokens(db: Db, officerId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.officerId, officerId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, actor: Principal, tokenId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.officerId, actor.officerId)))
      .returning({ id: apiTokens.id });
    if (!row) return false;
    await recordAudit(tx, actor, {
      action: "token.revoke",
      targetType: "api_token",
      targetId: tokenId,
      unitId: actor.unitId,
    });
    return true;
  });
}
