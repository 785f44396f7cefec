import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../db/db";
import { ApiError, apiErrorCodes, apiErrorStatus } from "../../../src/errors";
import { createTestApp } from "../../support/test-app";
import { createTestDb, testDriver } from "../../support/test-db";

describe(`OpenAPI document (${testDriver})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: "none" });
  });
  afterAll(async () => handle?.close());

  it("is served without a token and validates against the OpenAPI 3.1 schema", async () => {
    const response = await createTestApp(handle.db).request("/api/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths).length).toBeGreaterThan(20);
  });

  it("lists the closed set of error codes in its Error schema", async () => {
    const document = (await (await createTestApp(handle.db).request("/api/openapi.json")).json()) as {
      components: { schemas: { Error: { properties: { error: { properties: { code: { enum: string[] } } } } } } };
    };
    const codes = document.components.schemas.Error.properties.error.properties.code.enum;
    expect([...codes].sort()).toEqual([...apiErrorCodes].sort());
    expect(codes).toEqual(expect.arrayContaining(["invalid_request", "forbidden", "conflict", "payload_too_large"]));
  });

  it("derives each ApiError's status from its code", () => {
    for (const code of apiErrorCodes) expect(new ApiError(code, "x").status).toBe(apiErrorStatus[code]);
    expect(new ApiError("conflict", "Đã có", "email")).toMatchObject({ status: 409, field: "email" });
  });
});
