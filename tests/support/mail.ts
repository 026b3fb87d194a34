import type { MailCatcher } from "~/utils/mail-catcher.server";

let current: MailCatcher | undefined;

export function setCatcher(catcher: MailCatcher): void {
  current = catcher;
}

export function mailbox(): MailCatcher {
  if (!current) throw new Error("No mail catcher running in this test file");
  return current;
}

/** The first link in a mail that points at the given path prefix. */
export function linkIn(text: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/\//g, "\\/")}[^\\s]+`).exec(text);
  if (!match) throw new Error(`No ${pathPrefix} link in mail:\n${text}`);
  return match[0];
}
