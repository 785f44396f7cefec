// Managing officers through the API: a provincial admin creates a commune officer whose token sees only that
// commune; nobody grants a role or scope above their own; bad input answers 400 naming the field; all audited.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { auditLog } from "../../../db/schema/index";
import { OUT_OF_SCOPE_MARKER, unique, type OfficerWorld, openOfficerWorld } from "../../support/officer-fixtures";
import { apiCall, createTestApp } from "../../support/test-app";
import { testDriver } from "../../support/test-db";

describe(`officer management (${testDriver})`, () => {
  let handle: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let world: OfficerWorld;

  beforeAll(async () => {
    ({ handle, app, world } = await openOfficerWorld());
  });
  afterAll(async () => handle?.close());

  const call = (token: string, method: string, path: string, body?: unknown) => apiCall(app, token, method, path, body);

  it("lets an admin create a commune officer whose own token sees only that commune", async () => {
    const created = await call(world.tokens.admin, "POST", "/api/officers", {
      name: "Công chức Tư pháp – Hộ tịch Ba Đình",
      email: "tu-phap@badinh.loa.test",
      role: "officer",
      unitCode: "00004",
    });
    expect(created.status).toBe(201);
    const { officer, password } = (await created.json()) as {
      officer: { id: string; unitCode: string };
      password: string;
    };
    expect(officer.unitCode).toBe("00004");

    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "tu-phap@badinh.loa.test", password }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const tokenResponse = await app.request("/api/me/tokens", {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ name: "máy tính xã" }),
    });
    const { token } = (await tokenResponse.json()) as { token: string };

    const documents = (await (await call(token, "GET", "/api/documents")).json()) as {
      items: Array<{ id: number; unitCode: string }>;
    };
    expect(documents.items.map((d) => d.id)).toEqual([world.inside.documentId]);
    expect((await call(token, "GET", "/api/units/01")).status).toBe(404); // its province is above it
    expect((await call(token, "GET", "/api/units/00004")).status).toBe(200);
    expect((await call(token, "GET", `/api/documents/${world.outside.documentId}`)).status).toBe(404);
    const audit = await (await call(token, "GET", "/api/audit?limit=200")).text();
    expect(audit).not.toContain(OUT_OF_SCOPE_MARKER);
    const children = (await (await call(token, "GET", "/api/units")).json()) as {
      parent: { code: string };
      items: unknown[];
    };
    expect(children.parent.code).toBe("00004");
    expect(children.items).toEqual([]);
  });

  it("writes an audit row for the creation, in the new officer's unit", async () => {
    const [row] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "officer.create"), eq(auditLog.officerEmail, "ha-noi-admin@loa.test")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row!.details).toMatchObject({ email: "tu-phap@badinh.loa.test", role: "officer", unitCode: "00004" });
  });

  it("refuses to grant a role above the caller's own", async () => {
    const response = await call(world.tokens.manager, "POST", "/api/officers", {
      name: "X",
      email: `${unique("x")}@loa.test`,
      role: "admin",
      unitCode: "01",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const promote = await call(world.tokens.manager, "PATCH", `/api/officers/${world.inside.officerId}`, {
      role: "admin",
    });
    expect(promote.status).toBe(403);
  });

  it("refuses a scope above the caller's own, and an unknown unit, as 400 on unitCode", async () => {
    for (const unitCode of ["VN", "79", "99999"]) {
      const response = await call(world.tokens.admin, "POST", "/api/officers", {
        name: "X",
        email: `${unique("x")}@loa.test`,
        role: "viewer",
        unitCode,
      });
      expect(response.status, unitCode).toBe(400);
      const body = (await response.json()) as { error: { issues: Array<{ field: string }> } };
      expect(body.error.issues[0]!.field).toBe("unitCode");
    }
  });

  it("lets nobody manage an officer who outranks them", async () => {
    const adminId = world.principals.admin.officerId;
    expect((await call(world.tokens.manager, "PATCH", `/api/officers/${adminId}`, { name: "Đổi tên" })).status).toBe(
      403,
    );
    expect((await call(world.tokens.manager, "POST", `/api/officers/${adminId}/reset-password`)).status).toBe(403);
  });

  it("does not let an officer lock or demote themselves", async () => {
    const self = await call(world.tokens.admin, "PATCH", `/api/officers/${world.principals.admin.officerId}`, {
      disabled: true,
    });
    expect(self.status).toBe(403);
  });

  it("answers 409 for an email already in use", async () => {
    const response = await call(world.tokens.admin, "POST", "/api/officers", {
      name: "X",
      email: "HA-NOI-VIEWER@loa.test",
      role: "viewer",
      unitCode: "01",
    });
    expect(response.status).toBe(409);
  });

  it("answers 400 naming each bad field", async () => {
    const response = await call(world.tokens.admin, "POST", "/api/officers", {
      name: "",
      email: "no",
      role: "chief",
      unitCode: "0 1",
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { error: { issues: Array<{ field: string }> } }).error.issues.map(
      (i) => i.field,
    );
    expect(fields.sort()).toEqual(["email", "name", "role", "unitCode"]);
    expect((await call(world.tokens.admin, "GET", "/api/officers?page=0")).status).toBe(400);
    expect((await call(world.tokens.admin, "GET", "/api/officers/not-a-uuid")).status).toBe(400);
  });

  it("disables an officer, whose token then stops working, and audits it", async () => {
    const created = (await (
      await call(world.tokens.admin, "POST", "/api/officers", {
        name: "Tạm",
        email: `${unique("tam")}@loa.test`,
        role: "viewer",
        unitCode: "00004",
      })
    ).json()) as {
      officer: { id: string };
    };
    const disabled = await call(world.tokens.manager, "PATCH", `/api/officers/${created.officer.id}`, {
      disabled: true,
    });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { disabledAt: string | null }).disabledAt).not.toBeNull();
    const [row] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "officer.disable"), eq(auditLog.targetId, created.officer.id)));
    expect(row).toBeDefined();
  });
});
