// Loads instrument versions idempotently: a version that exists is never rewritten (scans depend on it);
// a version that is missing is inserted in one transaction. Adding version 2 later means adding its data here.
import { eq } from "drizzle-orm";
import type { PortalDb } from "../client";
import { instrumentDimensions, instrumentItems, instrumentVersions } from "../schema";
import { INSTRUMENT_V1, type InstrumentData } from "./instrument-v1";

export const INSTRUMENTS: InstrumentData[] = [INSTRUMENT_V1];

export function loadInstrument(db: PortalDb, data: InstrumentData): boolean {
  return db.transaction(
    (tx) => {
      const existing = tx.select().from(instrumentVersions).where(eq(instrumentVersions.version, data.version)).get();
      if (existing) return false;
      tx.insert(instrumentVersions).values({ version: data.version }).run();
      for (const d of data.dimensions) {
        tx.insert(instrumentDimensions)
          .values({
            version: data.version,
            key: d.key,
            number: d.number,
            nameNl: d.nameNl,
            nameEn: d.nameEn,
            descriptionNl: d.descriptionNl,
            descriptionEn: d.descriptionEn,
            moduleKeys: JSON.stringify(d.moduleKeys),
          })
          .run();
        d.items.forEach((item, index) => {
          tx.insert(instrumentItems)
            .values({
              version: data.version,
              key: item.key,
              dimensionKey: d.key,
              position: index + 1,
              textNl: item.textNl,
              textEn: item.textEn,
              helpNl: item.helpNl,
              helpEn: item.helpEn,
              core: item.core,
            })
            .run();
        });
      }
      return true;
    },
    { behavior: "immediate" },
  );
}

export function loadInstruments(db: PortalDb): void {
  for (const data of INSTRUMENTS) loadInstrument(db, data);
}
