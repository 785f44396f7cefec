// Roles and what each may do. Ranks order them: a role includes everything the roles below it may do, and an
// officer may grant a role only up to their own.
import type { OfficerRole } from "../../db/schema/officers";

export const roleRank: Record<OfficerRole, number> = { viewer: 1, officer: 2, manager: 3, admin: 4 };

/** The least role that may do each kind of thing. */
export const requiredRole = {
  read: "viewer",
  editContent: "officer",
  publishContent: "officer",
  manageOfficers: "manager",
  manageTopics: "admin",
} as const satisfies Record<string, OfficerRole>;

export type Permission = keyof typeof requiredRole;

export function hasRole(role: OfficerRole, least: OfficerRole): boolean {
  return roleRank[role] >= roleRank[least];
}

export function may(role: OfficerRole, permission: Permission): boolean {
  return hasRole(role, requiredRole[permission]);
}

export const roleLabels: Record<OfficerRole, string> = {
  admin: "Quản trị",
  manager: "Quản lý",
  officer: "Cán bộ",
  viewer: "Xem",
};
