// Reading and writing .xlsx with exceljs (STACK.md). Formulas are never evaluated: a formula cell is read as its
// formula text ("=HYPERLINK(…)"), which the row rules refuse; cached results are ignored (docs/decisions/100).
import ExcelJS from "exceljs";
import { IMPORT_MAX_ROWS, type Parsed } from "./table";
import { TEMPLATE_EXAMPLES, TEMPLATE_HEADERS, type TemplateLocale } from "./template";

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) {
    const formula = "formula" in value ? value.formula : value.sharedFormula;
    return `=${formula}`;
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.hyperlink);
  if ("error" in value) return String(value.error);
  return "";
}

export async function xlsxTable(bytes: Uint8Array, maxRows = IMPORT_MAX_ROWS): Promise<Parsed> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return { ok: false, problem: "notSpreadsheet" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, problem: "empty" };
  if (sheet.actualRowCount > maxRows + 1) return { ok: false, problem: "tooManyRows" };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    while (rows.length < number - 1) rows.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return { ok: true, rows };
}

/** The template as an .xlsx: one sheet of people, every cell plain text (no formulas, no number formats). */
export async function templateXlsx(locale: TemplateLocale): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Newcomer-Proof Portal";
  const sheet = workbook.addWorksheet(locale === "nl" ? "Mensen" : "People");
  sheet.addRow(TEMPLATE_HEADERS[locale]).font = { bold: true };
  for (const example of TEMPLATE_EXAMPLES[locale]) sheet.addRow(example);
  sheet.columns.forEach((column, i) => {
    column.width = [24, 32, 14, 18, 20, 8][i] ?? 16;
    column.numFmt = "@";
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const out = new Uint8Array(new ArrayBuffer(written.byteLength));
  out.set(written);
  return out;
}
