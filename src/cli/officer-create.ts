// npm run officer:create -- --email … --unit <code> --role <admin|manager|officer|viewer> [--name "…"] [--token-days N]
// Prints a one-time password and an API token. For the first officer of a database, and for recovery.
import { parseArgs } from "node:util";
import { z } from "zod";
import { officerRoles } from "../../db/schema/officers";
import { bootstrapOfficer, describeCredentials } from "../officers/bootstrap";
import { openDatabase, runCommand } from "./open-database";

const usage =
  "Cách dùng: npm run officer:create -- --email EMAIL --unit MÃ_ĐƠN_VỊ --role admin|manager|officer|viewer [--name " +
  '"Họ tên"] [--token-days 365]';

const argsSchema = z.object({
  email: z.email("email không hợp lệ"),
  unit: z.string().min(1, "thiếu --unit"),
  role: z.enum(officerRoles, "vai trò phải là admin, manager, officer hoặc viewer"),
  name: z.string().min(1).optional(),
  "token-days": z.coerce.number().int().min(1).max(3650).optional(),
});

await runCommand(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      unit: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "token-days": { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    throw new Error([usage, ...parsed.error.issues.map((i) => `  --${String(i.path[0])}: ${i.message}`)].join("\n"));
  }
  const args = parsed.data;
  const handle = await openDatabase();
  try {
    const result = await bootstrapOfficer(handle.db, {
      name: args.name ?? args.email,
      email: args.email,
      role: args.role,
      unitCode: args.unit,
      tokenDays: args["token-days"] ?? 365,
    });
    console.log(`Đã tạo cán bộ:\n${describeCredentials(result)}`);
  } finally {
    await handle.close();
  }
});
