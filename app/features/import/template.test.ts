import { describe, expect, it } from "vitest";
import { mapHeaders, readRows } from "./rows";
import { csvTable } from "./table";
import { templateCsv } from "./template";

describe("the CSV template reads back as three good rows", () => {
  it.each(["nl", "en"] as const)("%s", (locale) => {
    const table = csvTable(new TextEncoder().encode(templateCsv(locale)));
    if (!table.ok) throw new Error(table.problem);
    const headers = mapHeaders(table.rows[0] ?? []);
    if (!headers.ok) throw new Error(headers.problem);
    const rows = readRows(table.rows, headers.map);
    expect(rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(rows[0]?.name).toBe("Zoë Peeters");
    expect(headers.map.ignored).toEqual([]);
  });
});
