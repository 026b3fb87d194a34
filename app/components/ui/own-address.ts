import { useLocation } from "@remix-run/react";

/**
 * The page's own address, for a form's `action`. Remix gives a form on an index route `action="…?index"`, and a
 * browser without JavaScript then shows that address after a form error. Every index route here is the leaf of its
 * path (parent: root), so a post to the bare path reaches the same action; other search parameters are kept.
 */
export function useOwnAddress(): string {
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  params.delete("index");
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}
