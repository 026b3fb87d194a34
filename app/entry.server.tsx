import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { isLocale, translate, type MessageKey } from "~/utils/i18n";
import { pageCatalogueOf } from "~/utils/catalogue.server";
import { CatalogueContext } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { coalescingStream } from "~/utils/coalescing-stream.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  if (responseStatusCode === 405) {
    // A thrown 405 (readForm, or Remix for a route without an action) says which methods the address takes.
    const leaf = remixContext.staticHandlerContext.matches.at(-1)?.route.id;
    const hasAction = leaf ? remixContext.manifest.routes[leaf]?.hasAction : false;
    responseHeaders.set("Allow", hasAction ? "GET, HEAD, POST" : "GET, HEAD");
  }
  // The root loader chose the page's language; only that catalogue goes to the browser (issue 18).
  const rootData = remixContext.staticHandlerContext.loaderData?.root as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : resolveLocale(request);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const send = () => {
      shellRendered = true;
      // What React has ready leaves as one piece, not ~2 KB pieces each compressed on its own (decision 188).
      const body = coalescingStream();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <CatalogueContext.Provider value={pageCatalogueOf(locale)}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </CatalogueContext.Provider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) send();
        },
        onAllReady() {
          clearTimeout(timer);
          if (waitForAll) send();
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell are handled by onShellError; log the rest.
          if (shellRendered) console.error(error);
        },
      },
    );
    // Ends a render still streaming after the delay; cleared once all is written (decision 188: the timer of every
    // request was left running for 6 s and then aborted the finished render). React calls back asynchronously.
    const timer = setTimeout(abort, ABORT_DELAY + 1000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}

// A hand-made `?_data=` request (the app itself uses single fetch) that names a route the URL does not serve
// comes back from Remix as "Unexpected Server Error" with a 403. Give it the status and a message that say
// what happened, in the caller's language; real server errors stay a 500 without details.
const DATA_ERRORS: Record<number, { status: number; key: MessageKey }> = {
  400: { status: 400, key: "errors.badRequest" },
  403: { status: 400, key: "errors.wrongRouteData" },
  404: { status: 404, key: "errors.notFound" },
  405: { status: 405, key: "errors.methodNotAllowed" },
};

export function handleDataRequest(response: Response, { request }: { request: Request }): Response {
  if (response.headers.get("X-Remix-Error") !== "yes") return response;
  const mapped = DATA_ERRORS[response.status] ?? { status: 500, key: "errors.unexpected" as const };
  const headers = new Headers(response.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.delete("Content-Length");
  return new Response(JSON.stringify({ message: translate(resolveLocale(request), mapped.key) }), {
    status: mapped.status,
    headers,
  });
}

// For the server process: drain queues, checkpoint and close on shutdown; hand over replication status.
export { lifecycle } from "~/utils/lifecycle.server";
