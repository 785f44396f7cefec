// npm run db:migrate: apply the committed migrations to DATABASE_URL or the embedded database.
import { openDatabase, runCommand } from "./open-database";

await runCommand(async () => {
  const handle = await openDatabase();
  await handle.close();
  console.log(`Đã áp dụng migration (${handle.driver}).`);
});
