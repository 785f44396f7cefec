// npm run db:seed: apply the reference and demo data (idempotent: running it again changes nothing).
import { seedDatabase } from "../../db/seed/seed-database";
import { openDatabase, runCommand } from "./open-database";

await runCommand(async () => {
  const handle = await openDatabase();
  try {
    await seedDatabase(handle.db, { log: (message) => console.log(`• ${message}`) });
    console.log(`Đã nạp dữ liệu mẫu (${handle.driver}).`);
  } finally {
    await handle.close();
  }
});
