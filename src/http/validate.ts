// zod at the HTTP boundary: a request that does not fit gets 400 naming the field, before any handler runs.
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { invalidRequest } from "./errors";

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      return invalidRequest(c, result.error, target === "json" ? "body" : target === "query" ? "query" : "param");
    }
  });
}
