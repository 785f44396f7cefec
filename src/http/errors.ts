// The one error shape every route answers with: { error: { code, message, issues? } }. Messages are Vietnamese
// (officers and integrators read them); `issues[].field` names the offending field for programs.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import vietnamese from "zod/v4/locales/vi.js";
import type { ApiErrorCode } from "../errors";

// Zod's own messages in Vietnamese, for every schema in the service.
z.config(vietnamese());

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: Array<{ field: string; message: string }> };
}

export function errorBody(code: ApiErrorCode, message: string, issues?: ErrorBody["error"]["issues"]): ErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Anything with zod-shaped issues (z.ZodError, or the core error @hono/zod-validator hands over). */
export interface IssueList {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

export function fieldIssues(error: IssueList): Array<{ field: string; message: string }> {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join(".") || "(body)", message: issue.message }));
}

export function invalidRequest(c: Context, error: IssueList, where: "body" | "query" | "param" = "body") {
  const issues = fieldIssues(error);
  const fields = [...new Set(issues.map((i) => i.field))].join(", ");
  const place = where === "body" ? "nội dung yêu cầu" : where === "query" ? "tham số truy vấn" : "đường dẫn";
  return c.json(errorBody("invalid_request", `Dữ liệu không hợp lệ trong ${place}: ${fields}`, issues), 400);
}

export function jsonError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
  return c.json(errorBody(code, message), status);
}
