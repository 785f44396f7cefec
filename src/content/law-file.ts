// The statute file format (the one of ../shared/data/legal/law.json): [{ id: "<law name>", articles: [{ id, text }] }].
// Validated record by record so an operator is told exactly which record and field is wrong.
import { z } from "zod";
import { normalizeText } from "../text/vietnamese";

const articleSchema = z.object({
  id: z
    .string()
    .trim()
    .min(1, "số điều không được để trống")
    .max(20, "số điều quá dài")
    .regex(/^[0-9]+[a-zđ]?$/i, "số điều phải là số, có thể kèm một chữ cái (ví dụ 12a)"),
  text: z.string().trim().min(1, "nội dung điều không được để trống").max(200_000, "nội dung điều quá dài"),
});

export const lawFileSchema = z
  .array(
    z.object({
      id: z.string().trim().min(1, "tên văn bản không được để trống").max(300, "tên văn bản quá dài"),
      articles: z.array(articleSchema).min(1, "văn bản phải có ít nhất một điều"),
    }),
  )
  .min(1, "tệp không có văn bản nào")
  .superRefine((laws, ctx) => {
    laws.forEach((law, lawIndex) => {
      const seen = new Set<string>();
      law.articles.forEach((article, articleIndex) => {
        const key = article.id.toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: "custom",
            path: [lawIndex, "articles", articleIndex, "id"],
            message: `Điều ${article.id} bị trùng trong văn bản "${law.id}"`,
          });
        }
        seen.add(key);
      });
    });
  });

export type LawFile = z.infer<typeof lawFileSchema>;

export interface ParsedArticle {
  number: string;
  title: string | null;
  body: string;
}

/**
 * An article's text starts with its title line ("Điều kiện kết hôn") unless the statute has untitled articles
 * (the Constitution): a short first line that does not end like a sentence is a title.
 */
export function parseArticleText(number: string, rawText: string): ParsedArticle {
  const text = normalizeText(rawText).trim();
  const newline = text.indexOf("\n");
  if (newline > 0) {
    const firstLine = text.slice(0, newline).trim();
    const rest = text.slice(newline + 1).trim();
    if (rest.length > 0 && firstLine.length <= 300 && !/[.:;,]$/.test(firstLine)) {
      return { number, title: firstLine, body: rest };
    }
  }
  return { number, title: null, body: text };
}

/** "Hiến pháp", "Bộ luật", "Luật", "Nghị định", … from how the title starts. */
export function documentTypeOf(title: string): string {
  const known = ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư"];
  const normalized = normalizeText(title).trim().toLocaleLowerCase("vi");
  return known.find((type) => normalized.startsWith(type.toLocaleLowerCase("vi"))) ?? "Văn bản";
}

/** Human-readable zod issues: "bản ghi 3 ("Luật X"), articles[5].text: nội dung điều không được để trống". */
export function describeLawFileIssues(input: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [recordIndex, ...rest] = issue.path;
    if (typeof recordIndex !== "number") return `tệp: ${issue.message}`;
    const record = Array.isArray(input) ? (input[recordIndex] as { id?: unknown } | undefined) : undefined;
    const name = typeof record?.id === "string" ? ` ("${record.id}")` : "";
    const field = rest
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    return `bản ghi ${recordIndex}${name}${field ? `, trường ${field}` : ""}: ${issue.message}`;
  });
}
