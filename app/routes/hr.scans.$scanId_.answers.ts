// The autosave endpoint: one answer per POST, JSON in and out, one transaction. The page's item forms post here
// from JavaScript; without JavaScript they post to the scan page itself, which calls the same use case.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { saveAnswer } from "~/features/scan/autosave.server";
import { AnswerSchema } from "~/features/scan/scan.schema";
import { notFound, parseId, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { statusOf } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";

export async function loader(_: LoaderFunctionArgs) {
  throw new Response("Method Not Allowed", { status: statusOf("not_allowed"), headers: { Allow: "POST" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const scanId = parseId(params.scanId);
  const input = parseForm(AnswerSchema, await readForm(request));
  const saved = input.success ? await saveAnswer(user, { scanId, answer: input.data }) : invalid(input);
  if (!saved.ok) {
    if (saved.reason === "not_found") throw notFound({ user, entity: "scan", id: scanId });
    const field = Object.keys(saved.fields ?? {})[0] ?? null;
    return Response.json(
      { error: saved.message, field },
      { status: statusOf(saved.reason), headers: { "Cache-Control": "no-store" } },
    );
  }
  const result = saved.value;
  // A plain Response: a resource route's data() would lose its status outside single fetch.
  // A conflict (409) when the user's comment lost to a newer one (decision 061): the body has both, the value may have
  // been saved. Otherwise the default 200.
  const conflict = result.commentConflict
    ? { init: { status: statusOf("conflict") }, error: "scan.errors.commentConflict" }
    : { init: {}, error: null };
  return Response.json(
    {
      answer: result.answer,
      replaced: result.replaced,
      commentConflict: result.commentConflict,
      error: conflict.error,
    },
    { ...conflict.init, headers: { "Cache-Control": "no-store" } },
  );
}
