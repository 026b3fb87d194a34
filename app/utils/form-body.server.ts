// The one way an action reads its body (decision 016). Every action calls readForm instead of
// request.formData(): a body that is not a form, a broken form or a method the portal's forms never use is
// answered here with a translated 4xx before the action looks at anything, so nothing can change.
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { translate, type MessageKey } from "./i18n";
import { resolveLocale } from "./locale.server";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The methods our forms use. HTML forms only know GET and POST; GET never reaches an action. */
const FORM_METHODS = ["POST"] as const;

function refusal(request: Request, status: number, key: MessageKey, headers: Record<string, string> = {}): Response {
  return new Response(translate(resolveLocale(request), key), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}

/** Throws a 405 unless the request uses a method the portal's forms use. */
function requireFormMethod(request: Request): void {
  if (!(FORM_METHODS as readonly string[]).includes(request.method.toUpperCase())) {
    throw refusal(request, 405, "errors.methodNotAllowed", { Allow: FORM_METHODS.join(", ") });
  }
}

/**
 * The submitted form, or a thrown Response: 405 for another method, 415 for a body that is not a form
 * (JSON, text/plain, no Content-Type), 400 for a form that cannot be parsed (e.g. multipart without its
 * boundary or cut short).
 */
export async function readForm(request: Request): Promise<FormData> {
  requireFormMethod(request);
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.has(mediaType))
    throw refusal(request, 415, "errors.unsupportedMediaType", { "Accept-Post": [...FORM_TYPES].join(", ") });
  try {
    return await request.formData();
  } catch {
    throw refusal(request, 400, "errors.malformedForm");
  }
}

/**
 * readForm for a form with a file field (the import): a multipart body is streamed part by part into memory and
 * refused with a translated 413 as soon as one part grows beyond `maxPartBytes` — nothing is buffered past the
 * limit. An url-encoded body (the same page's other buttons) is read as readForm reads it. Same 405/415/400.
 */
export async function readUploadForm(request: Request, maxPartBytes: number): Promise<FormData> {
  requireFormMethod(request);
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType !== "multipart/form-data") return readForm(request);
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw refusal(request, 413, "errors.fileTooLarge");
    throw refusal(request, 400, "errors.malformedForm");
  }
}
