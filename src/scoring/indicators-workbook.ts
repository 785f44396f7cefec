// The indicators report as an Excel workbook an officer opens and files: sheet 1 the unit's indicators with the
// framework, period and what is not confirmed; sheet 2 the sub-units ranked. Built in memory (a report has at most a
// few thousand rows); exceljs is loaded only when a workbook is asked for, so the JSON path never pays for it.
import type { IndicatorReport, IndicatorValue, UnitIndicators } from "./indicators";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Whether this runtime builds workbooks (the Worker's build of this module, .workerd.ts, does not). */
export const indicatorsWorkbookAvailable = true;

const vietnameseDay = (day: string) => day.split("-").reverse().join("/");
const yesNo = (value: boolean) => (value ? "Có" : "Không");

/** What an officer reads beside an indicator: the reason it has no points, and the framework's note. */
function remark(value: IndicatorValue, note: string | undefined): string {
  return [value.pointsReason, note].filter(Boolean).join(" ");
}

export async function indicatorsWorkbook(report: IndicatorReport, generatedAt: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Loa";
  workbook.created = generatedAt;
  const notes = new Map(report.framework.indicators.map((i) => [i.key, i.note]));
  const hasQuiz = report.indicators.some((i) => i.quiz);

  const sheet = workbook.addWorksheet("Chỉ số");
  const basis = report.framework.legalBasis;
  const heading: Array<[string, string]> = [
    ["Bộ tiêu chí", report.framework.name],
    ["Căn cứ", `${basis.document}${basis.articles ? `, ${basis.articles}` : ""}`],
    ["Đơn vị", `${report.unit.name} (mã ${report.unit.code})`],
    ["Kỳ đánh giá", `${vietnameseDay(report.period.from)} – ${vietnameseDay(report.period.to)}`],
    ["Cỡ mẫu tối thiểu", `${report.framework.minimumSample.value} phiếu`],
    [
      "Tổng điểm",
      `${report.totalPoints}${report.maxPoints === null ? "" : ` / ${report.maxPoints}`}` +
        (report.pointsComplete ? "" : " (chưa đủ điểm của mọi chỉ số: xem cột Ghi chú)"),
    ],
    ["Lập lúc", generatedAt.toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })],
  ];
  sheet.addRow([`Báo cáo chỉ số: ${report.framework.name}`]).font = { bold: true, size: 14 };
  for (const [label, value] of heading) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  if (!basis.confirmed && basis.note) sheet.addRow(["Lưu ý", basis.note]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  const header = [
    "Mã chỉ số",
    "Chỉ số",
    "Số phiếu (n)",
    "Số tích cực",
    "Tỷ lệ",
    "KTC 95% – cận dưới",
    "KTC 95% – cận trên",
    "Điểm",
    "Điểm tối đa",
    "Dưới cỡ mẫu tối thiểu",
    "Thang điểm đã xác nhận",
    ...(hasQuiz
      ? ["Điểm trung bình", "Điểm tối đa bài thi", "Số người có cả đợt trước và sau", "Thay đổi điểm TB"]
      : []),
    "Ghi chú",
  ];
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "top" };
  for (const value of report.indicators) {
    sheet.addRow([
      value.key,
      value.label,
      value.n,
      value.positive,
      value.share,
      value.ciLow,
      value.ciHigh,
      value.points,
      value.maxPoints,
      yesNo(value.belowMinimum),
      yesNo(value.confirmed),
      ...(hasQuiz
        ? [
            value.quiz?.meanScore ?? null,
            value.quiz?.maxScore ?? null,
            value.quiz?.pairedChange.n ?? null,
            value.quiz?.pairedChange.meanChange ?? null,
          ]
        : []),
      remark(value, notes.get(value.key)),
    ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = [14, 60, 12, 12, 10, 12, 12, 8, 10, 12, 12][index] ?? 16;
  });
  for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = "0.0%";
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn(header.length).alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn(header.length).width = 60;
  sheet.views = [{ state: "frozen", ySplit: headerRow.number }];

  const ranking = workbook.addWorksheet("Đơn vị con");
  const columns = [
    "Hạng",
    "Mã đơn vị",
    "Tên đơn vị",
    "Tổng điểm",
    ...report.indicators.flatMap((i) => [`${i.label} – n`, `${i.label} – tỷ lệ`, `${i.label} – điểm`]),
  ];
  const rankingHeader = ranking.addRow(columns);
  rankingHeader.font = { bold: true };
  rankingHeader.alignment = { wrapText: true, vertical: "top" };
  const byRank = [...report.children].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
  );
  for (const child of byRank) {
    ranking.addRow([child.rank, child.code, child.name, child.totalPoints, ...indicatorCells(child)]);
  }
  ranking.columns.forEach((column, index) => {
    column.width = index === 2 ? 32 : index < 4 ? 10 : 16;
  });
  report.indicators.forEach((_, i) => {
    ranking.getColumn(6 + i * 3).numFmt = "0.0%";
  });
  ranking.views = [{ state: "frozen", ySplit: 1, xSplit: 3 }];
  if (report.children.length > 0)
    ranking.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function indicatorCells(unit: UnitIndicators): Array<number | null> {
  return unit.indicators.flatMap((i) => [i.n, i.share, i.points]);
}
