import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { SubmitButton } from "~/components/ui/form";
import { Card, Notice } from "~/components/ui/page";
import { SsoSettingsForm } from "~/features/sso/components/sso-settings-form";
import { SsoSettingsSchema } from "~/features/sso/sso.schema";
import { getSsoSettings, removeSsoSettings, saveSsoSettings } from "~/features/sso/sso-settings.server";
import { readForm } from "~/utils/form-body.server";
import { formDataToObject, parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireRole } from "~/utils/permissions.server";
import { failureResponse, statusOf } from "~/utils/respond.server";
import { publicUrl } from "~/utils/env.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOrganisationSso");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  const settings = getSsoSettings(user, { organisationId: parseId(params.id) });
  if (!settings.ok) throw notFound();
  return { settings: settings.value, logoutUri: `${publicUrl()}/login` };
}

/** What the form showed, echoed back on a refusal so nothing typed is lost (the secret excepted). */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(form))) {
    if (key !== "clientSecret" && typeof value === "string") out[key] = value.slice(0, 5000);
  }
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const organisationId = parseId(params.id);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "remove") {
    const removed = removeSsoSettings(user, { organisationId });
    if (!removed.ok) return failureResponse(removed, { intent: "remove", values: null, notice: null });
    return data({
      ok: true as const,
      intent: "remove",
      notice: "sso.admin.removed" as const,
      errors: {},
      values: null,
      formError: null,
    });
  }
  if (intent !== "save")
    return data(
      { ok: false as const, intent: "", formError: "errors.badRequest", errors: {}, values: null, notice: null },
      { status: statusOf("invalid") },
    );
  const parsed = parseForm(SsoSettingsSchema, form);
  if (!parsed.success)
    return data(
      {
        ok: false as const,
        intent: "save",
        formError: "sso.errors.checkFields",
        errors: parsed.fieldErrors,
        values: echo(form),
        notice: null,
      },
      { status: statusOf("invalid") },
    );
  const saved = await saveSsoSettings(user, { ...parsed.data, organisationId });
  if (!saved.ok) return failureResponse(saved, { intent: "save", values: echo(form), notice: null });
  return data({
    ok: true as const,
    intent: "save",
    notice: "sso.admin.saved" as const,
    errors: {},
    values: null,
    formError: null,
  });
}

function messageParams(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== "object") return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

export default function OrganisationSso() {
  const { settings, logoutUri } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const saveErrors = actionData?.intent === "save" ? actionData.errors : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/admin/organisations/${settings.organisation.id}`}>← {settings.organisation.name}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{t("sso.admin.title")}</h1>
          <p className="page-header__intro">{t("sso.admin.intro", { organisation: settings.organisation.name })}</p>
        </div>
      </div>
      <Notice message={actionData?.ok ? actionData.notice : null} />
      {actionData && !actionData.ok ? (
        <Notice
          kind="error"
          message={actionData.formError}
          params={"formErrorParams" in actionData ? messageParams(actionData.formErrorParams) : undefined}
        />
      ) : null}
      <div className="two-columns">
        <Card>
          <p>
            {settings.configured && settings.updatedAt
              ? t("sso.admin.statusOn", { date: date(settings.updatedAt, true) })
              : t("sso.admin.statusOff")}
          </p>
          <SsoSettingsForm
            settings={settings}
            errors={saveErrors}
            values={actionData && !actionData.ok ? actionData.values : null}
          />
        </Card>
        <div className="stack">
          <Card title="sso.admin.registerTitle">
            <dl className="plain-list">
              <dt>{t("sso.admin.redirectUri")}</dt>
              <dd>
                <code>{settings.redirectUri}</code>
              </dd>
              <dt>{t("sso.admin.logoutUri")}</dt>
              <dd>
                <code>{logoutUri}</code>
              </dd>
            </dl>
          </Card>
          {settings.configured ? (
            <Card title="sso.admin.removeTitle">
              <p>{t("sso.admin.removeIntro")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <SubmitButton variant="danger">{t("sso.admin.remove")}</SubmitButton>
              </Form>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
