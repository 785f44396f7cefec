// npm run telegram:webhook -- <public URL>: points Telegram at <URL>/telegram/webhook with the secret, the updates
// the bot uses and its command list. `-- --delete` removes the webhook (to go back to polling).
import { parseArgs } from "node:util";
import { botCommands, configureWebhook } from "../../bots/telegram/telegram-bot";
import { parseConfig } from "../config";
import { runCommand } from "./open-database";

await runCommand(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { delete: { type: "boolean" } } });
  const config = parseConfig(process.env);
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error("Thiếu TELEGRAM_BOT_TOKEN (lấy từ @BotFather).");
  const client = { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT };
  if (values.delete) {
    await configureWebhook(client, "delete");
    console.log("Đã gỡ webhook; bot có thể chạy ở chế độ polling.");
    return;
  }
  const base = positionals[0];
  if (!base || !/^https?:\/\/\S+$/.test(base))
    throw new Error("Cách dùng: npm run telegram:webhook -- https://địa-chỉ-công-khai   (hoặc -- --delete)");
  if (!config.TELEGRAM_WEBHOOK_SECRET) throw new Error("Thiếu TELEGRAM_WEBHOOK_SECRET (16–256 ký tự A-Z a-z 0-9 _ -).");
  const url = `${base.replace(/\/+$/, "")}/telegram/webhook`;
  await configureWebhook(client, { url, secret: config.TELEGRAM_WEBHOOK_SECRET });
  console.log(`Đã đăng ký webhook ${url} và ${botCommands.length} lệnh của bot.`);
});
