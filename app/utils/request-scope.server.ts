// One HTTP request's scope (issue 17): values worked out once per request and shared by the loaders that run for it
// — a document request runs the root's loader and the route's, and both want the signed-in user. The server wraps
// every request in `inRequestScope`; outside it (tests calling a loader directly, scripts) nothing is kept.
import { AsyncLocalStorage } from "node:async_hooks";

// One store per process: the server (scripts/server.ts) and the built app bundle each load their own copy of this
// module, so the store lives on globalThis under a registered symbol that both copies find.
const KEY = Symbol.for("newcomer-proof-portal.request-scope");
type Holder = { [KEY]?: AsyncLocalStorage<Map<string, unknown>> };
const holder = globalThis as Holder;
const scope = (holder[KEY] ??= new AsyncLocalStorage<Map<string, unknown>>());

export function inRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** The value for `key` in this request, computed on first use; computed every time outside a request's scope. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const values = scope.getStore();
  if (!values) return compute();
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}

/** Forgets the values whose keys start with `prefix` (after a change that makes them stale). */
export function forgetInRequest(prefix: string): void {
  const values = scope.getStore();
  if (!values) return;
  for (const key of [...values.keys()]) if (key.startsWith(prefix)) values.delete(key);
}
