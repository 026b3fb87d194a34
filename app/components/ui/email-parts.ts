// Where an e-mail address may break across lines (decision 164): after the "@" and before a dot, as typesetters
// do, never inside a name ("tom.peeters@" / "zas.example", not "tom.pee" / "ters@zas.example").
export function emailParts(address: string): string[] {
  return address.split(/(?<=@)|(?=\.)/).filter((part) => part !== "");
}

/** Splits `text` around the first occurrence of `address` so the address can be shown with its own break points. */
export function aroundEmail(text: string, address: string): { before: string; after: string } | null {
  const at = address === "" ? -1 : text.indexOf(address);
  return at < 0 ? null : { before: text.slice(0, at), after: text.slice(at + address.length) };
}
