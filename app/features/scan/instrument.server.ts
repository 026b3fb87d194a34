// The scan instrument (versioned data: dimensions → items), read once per process per version.
import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { instrumentDimensions, instrumentItems } from "@db/schema";
import { getDb } from "~/utils/db.server";

export type InstrumentItem = {
  key: string;
  dimensionKey: string;
  position: number;
  textNl: string;
  textEn: string;
  helpNl: string;
  helpEn: string;
  core: boolean;
};
export type InstrumentDimension = {
  key: string;
  number: number;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  moduleKeys: string[];
  items: InstrumentItem[];
};
export type Instrument = { version: number; dimensions: InstrumentDimension[]; itemKeys: Set<string> };

/** The stored JSON list of a dimension's recommended modules. */
const ModuleKeysSchema = z.array(z.string());

// Instrument versions never change once loaded, so each is read once per process.
const instrumentCache = new Map<number, Instrument>();

export function getInstrument(version: number): Instrument | null {
  const cached = instrumentCache.get(version);
  if (cached) return cached;
  const db = getDb();
  const dims = db
    .select()
    .from(instrumentDimensions)
    .where(eq(instrumentDimensions.version, version))
    .orderBy(asc(instrumentDimensions.number))
    .all();
  if (dims.length === 0) return null;
  const items = db
    .select()
    .from(instrumentItems)
    .where(eq(instrumentItems.version, version))
    .orderBy(asc(instrumentItems.position))
    .all();
  const dimensions = dims.map((d) => ({
    key: d.key,
    number: d.number,
    nameNl: d.nameNl,
    nameEn: d.nameEn,
    descriptionNl: d.descriptionNl,
    descriptionEn: d.descriptionEn,
    moduleKeys: ModuleKeysSchema.parse(JSON.parse(d.moduleKeys)),
    items: items
      .filter((i) => i.dimensionKey === d.key)
      .map((i) => ({
        key: i.key,
        dimensionKey: i.dimensionKey,
        position: i.position,
        textNl: i.textNl,
        textEn: i.textEn,
        helpNl: i.helpNl,
        helpEn: i.helpEn,
        core: i.core,
      })),
  }));
  const instrument = { version, dimensions, itemKeys: new Set(items.map((i) => i.key)) };
  instrumentCache.set(version, instrument);
  return instrument;
}

export function latestInstrumentVersion(): number {
  const row = getDb()
    .select({ version: instrumentDimensions.version })
    .from(instrumentDimensions)
    .orderBy(desc(instrumentDimensions.version))
    .limit(1)
    .get();
  if (!row) throw new Error("No instrument loaded");
  return row.version;
}

export function requireInstrument(version: number): Instrument {
  const instrument = getInstrument(version);
  if (!instrument) throw new Error(`Instrument version ${version} is missing`);
  return instrument;
}

export type LocalisedDimension = {
  key: string;
  number: number;
  name: string;
  description: string;
  items: { key: string; position: number; text: string; help: string; core: boolean }[];
};

// The fill-in page ships only the reader's language: half the payload on a slow hospital PC.
const localisedCache = new Map<string, LocalisedDimension[]>();

export function localisedInstrument(instrument: Instrument, locale: "nl" | "en"): LocalisedDimension[] {
  const cacheKey = `${instrument.version}:${locale}`;
  const cached = localisedCache.get(cacheKey);
  if (cached) return cached;
  const nl = locale === "nl";
  const dimensions = instrument.dimensions.map((d) => ({
    key: d.key,
    number: d.number,
    name: nl ? d.nameNl : d.nameEn,
    description: nl ? d.descriptionNl : d.descriptionEn,
    items: d.items.map((i) => ({
      key: i.key,
      position: i.position,
      text: nl ? i.textNl : i.textEn,
      help: nl ? i.helpNl : i.helpEn,
      core: i.core,
    })),
  }));
  localisedCache.set(cacheKey, dimensions);
  return dimensions;
}
