// npm run db:template (and the project's postinstall): builds the seeded embedded-database template that the first
// `npm start` on an empty PGlite data folder copies (db/seed/seed-template.ts). Does nothing when it is up to date.
// As an install step it never fails the install: without a template the first start builds it itself.
import { ensureSeedTemplate } from "../../db/seed/seed-template";

const started = performance.now();
try {
  const template = await ensureSeedTemplate({
    log: (event, fields) => {
      if (event === "seed.template_build") console.log("• Đang tạo cơ sở dữ liệu mẫu cho lần chạy đầu tiên…");
      if (event === "seed.progress") console.log(`• ${fields?.message}`);
    },
  });
  console.log(`Cơ sở dữ liệu mẫu sẵn sàng (${Math.round(performance.now() - started)} ms): ${template}`);
} catch (error) {
  console.warn(
    "Không tạo được cơ sở dữ liệu mẫu; lần chạy đầu tiên sẽ tự tạo:",
    error instanceof Error ? error.message : String(error),
  );
}
