// The .xlsx side of the shared export (decision 158), and the one Response every download answers with.
// exceljs writes a JavaScript string as a text cell, never as a formula: "=HYPERLINK(…)" stays text in Excel.
import ExcelJS from "exceljs";
import { parseWith } from "~/utils/forms";
import { translate, type Locale } from "~/utils/i18n";
import { z } from "zod";
import { EXPORT_FORMATS, exportFileName, toCsv, type ExportFormat, type ExportTable } from "./table";

/** `?format=` of a download link; without it a CSV, as the links before decision 158 expected. */
const ExportFormatSchema = z.object({ format: z.enum(EXPORT_FORMATS).default("csv") });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Export"
  );
}

/** A workbook with one worksheet per table: numbers as numbers, texts as texts, headings bold. */
export async function toXlsx(tables: readonly ExportTable[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Newcomer-Proof Portal";
  const used = new Set<string>();
  for (const table of tables) {
    let name = sheetName(table.sheet);
    for (let i = 2; used.has(name); i += 1) name = `${sheetName(table.sheet).slice(0, 28)} ${i}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    const widths: number[] = [];
    table.rows.forEach((row, index) => {
      const added = sheet.addRow(
        row.map((cell) => (cell === undefined || (typeof cell === "number" && !Number.isFinite(cell)) ? null : cell)),
      );
      if (table.headerRows?.includes(index)) added.font = { bold: true };
      row.forEach((cell, col) => {
        widths[col] = Math.max(widths[col] ?? 8, Math.min(60, String(cell ?? "").length + 2));
      });
    });
    widths.forEach((width, col) => {
      sheet.getColumn(col + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** The download: CSV (one table, the locale's dialect) or .xlsx (every table a worksheet). */
export async function exportResponse(
  tables: readonly ExportTable[],
  format: ExportFormat,
  locale: Locale,
  baseName: string,
): Promise<Response> {
  const body: string | Uint8Array<ArrayBuffer> =
    format === "xlsx"
      ? await toXlsx(tables)
      : toCsv({ sheet: "", rows: tables.flatMap((table, i) => (i === 0 ? table.rows : [[], ...table.rows])) }, locale);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(baseName, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** The `?format=` of the request; an unknown one is answered with a translated 400 (thrown, as a loader does). */
export function requestedFormat(request: Request, locale: Locale): ExportFormat {
  const parsed = parseWith(ExportFormatSchema, Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data.format;
  throw new Response(translate(locale, "exports.unknownFormat"), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
