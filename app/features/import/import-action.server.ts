// The import page's action, shared by HR's page and the admin's page for one organisation: read the body (a file
// part of at most 5 MB), parse it with the page's schemas, call one use case, answer.
import { data, redirect } from "@remix-run/node";
import { readUploadForm } from "~/utils/form-body.server";
import { parseWith } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { ApplySchema, DiscardSchema, UploadSchema } from "./import.schema";
import { applyImport, discardImport, previewImport, type ImportActor } from "./import.server";
import { IMPORT_MAX_BYTES } from "./table";

export async function importAction(request: Request, actor: ImportActor, organisationId: number, pagePath: string) {
  const form = await readUploadForm(request, IMPORT_MAX_BYTES);
  const intent = String(form.get("intent") ?? "");
  const invalid = (message: string) =>
    data({ ok: false as const, intent, formError: message, formErrorParams: null, errors: {} }, { status: 400 });

  if (intent === "upload") {
    const parsed = parseWith(UploadSchema, { file: form.get("file") });
    if (!parsed.success) return invalid(parsed.fieldErrors.file?.[0] ?? "import.file.choose");
    const { file } = parsed.data;
    const result = await previewImport(actor, {
      organisationId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    if (!result.ok) return failureResponse(result, { intent });
    return redirect(pagePath, 303);
  }
  if (intent === "apply") {
    const parsed = parseWith(ApplySchema, {
      batchId: form.get("batchId"),
      planHash: form.get("planHash"),
      deactivate: form.getAll("deactivate").filter((v) => typeof v === "string"),
      deactivateAll: form.get("deactivateAll") ?? undefined,
    });
    if (!parsed.success) return invalid("errors.badRequest");
    const { batchId, planHash, deactivate, deactivateAll } = parsed.data;
    const result = applyImport(actor, {
      organisationId,
      batchId,
      planHash,
      deactivate: deactivateAll ? "all" : deactivate,
    });
    if (!result.ok) return failureResponse(result, { intent });
    return data({ ok: true as const, intent, notice: "import.applied" as const, noticeParams: result.value });
  }
  if (intent === "discard") {
    const parsed = parseWith(DiscardSchema, { batchId: form.get("batchId") });
    if (!parsed.success) return invalid("errors.badRequest");
    const result = discardImport(actor, { organisationId, batchId: parsed.data.batchId });
    if (!result.ok) return failureResponse(result, { intent });
    return data({ ok: true as const, intent, notice: "import.discarded" as const, noticeParams: {} });
  }
  return invalid("errors.badRequest");
}
