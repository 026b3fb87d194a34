// How the results views name a dimension and an item ("6.3 <statement>", item-label.ts) in the reader's language.
import { useI18n } from "~/utils/i18n-react";
import { itemLabelIn } from "../item-label";

export type Dim = {
  key: string;
  number: number;
  nameNl: string;
  nameEn: string;
  items: { key: string; position: number; textNl: string; textEn: string; core: boolean }[];
};

export function useDimensionNames(dimensions: Dim[]) {
  const { locale } = useI18n();
  const name = (key: string) => {
    const d = dimensions.find((x) => x.key === key);
    return d ? (locale === "nl" ? d.nameNl : d.nameEn) : key;
  };
  const itemText = (key: string) => {
    for (const d of dimensions) {
      const item = d.items.find((i) => i.key === key);
      if (item) return locale === "nl" ? item.textNl : item.textEn;
    }
    return key;
  };
  /** "6.3 <statement>" (item-label.ts): how every results view names an item. */
  const itemLabel = (key: string) => itemLabelIn(dimensions, key, (i) => (locale === "nl" ? i.textNl : i.textEn));
  return { name, itemText, itemLabel };
}
