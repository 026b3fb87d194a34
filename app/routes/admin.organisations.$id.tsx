import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Field, SelectField, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { OrganisationForm } from "~/features/organisations/components/organisation-form";
import { DepartmentSchema, OrganisationSchema, SiteSchema } from "~/features/organisations/organisation.schema";
import {
  addDepartment,
  addSite,
  getOrganisation,
  updateOrganisation,
} from "~/features/organisations/organisations.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, parseId, requireRole } from "~/utils/permissions.server";
import { statusOf } from "~/utils/respond.server";
import type { Failure } from "~/utils/use-case";
import { readForm } from "~/utils/form-body.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminOrganisation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  const found = getOrganisation(parseId(params.id));
  if (!found) throw notFound();
  return found;
}

type ActionResult = { intent: string; errors: FieldErrors; notice: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const id = parseId(params.id);
  if (!getOrganisation(id)) throw notFound();
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const fail = (errors: FieldErrors) =>
    data<ActionResult>({ intent, errors, notice: null }, { status: statusOf("invalid") });
  const refuse = (failure: Failure) =>
    data<ActionResult>({ intent, errors: failure.fields ?? {}, notice: null }, { status: statusOf(failure.reason) });

  if (intent === "update") {
    const parsed = parseForm(OrganisationSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors);
    const result = updateOrganisation(user, { id, ...parsed.data });
    if (!result.ok) return refuse(result);
    return data<ActionResult>({ intent, errors: {}, notice: "admin.organisationSaved" });
  }
  if (intent === "addSite") {
    const parsed = parseForm(SiteSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors);
    const result = addSite(user, { organisationId: id, ...parsed.data });
    if (!result.ok) return refuse(result);
    return data<ActionResult>({ intent, errors: {}, notice: "admin.siteAdded" });
  }
  if (intent === "addDepartment") {
    const parsed = parseForm(DepartmentSchema, form);
    if (!parsed.success) return fail(parsed.fieldErrors);
    const result = addDepartment(user, { organisationId: id, ...parsed.data });
    if (!result.ok) return refuse(result);
    return data<ActionResult>({ intent, errors: {}, notice: "admin.departmentAdded" });
  }
  return data<ActionResult>({ intent, errors: {}, notice: null }, { status: statusOf("invalid") });
}

export default function OrganisationDetail() {
  const { organisation, sites, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/organisations">← {t("admin.organisationsTitle")}</Link>
      </p>
      <PageHeader
        title="admin.editOrganisation"
        actions={
          organisation.kind === "care_provider" ? (
            <Link className="button button--secondary" to={`/admin/organisations/${organisation.id}/import`}>
              {t("import.action")}
            </Link>
          ) : null
        }
      />
      <Notice message={actionData?.notice ?? params.get("notice")} />
      <div className="two-columns">
        <Card>
          <h2 className="card__title">{organisation.name}</h2>
          <OrganisationForm intent="update" values={organisation} errors={errorsFor("update")} />
          {organisation.kind === "care_provider" ? (
            <p>
              <Link to={`/admin/organisations/${organisation.id}/sso`}>{t("sso.admin.link")}</Link>
            </p>
          ) : null}
        </Card>
        <div className="stack">
          <Card title="admin.sites">
            {sites.length === 0 ? (
              <EmptyState message="admin.noSites" />
            ) : (
              <ul className="plain-list">
                {sites.map((s) => (
                  <li key={s.id}>
                    <strong>{s.name}</strong> <span className="muted">· {s.city}</span>
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="addSite" />
              <Field name="name" label="admin.siteName" required maxLength={120} errors={errorsFor("addSite")?.name} />
              <Field name="city" label="admin.city" required maxLength={120} errors={errorsFor("addSite")?.city} />
              <SubmitButton variant="secondary">{t("admin.addSite")}</SubmitButton>
            </Form>
          </Card>
          <Card title="admin.departments">
            {departments.length === 0 ? (
              <EmptyState message="admin.noDepartments" />
            ) : (
              <ul className="plain-list">
                {departments.map((d) => (
                  <li key={d.id}>
                    {d.name} {d.siteId ? <span className="muted">· {siteName.get(d.siteId)}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="addDepartment" />
              <Field
                name="name"
                label="admin.departmentName"
                required
                maxLength={120}
                errors={errorsFor("addDepartment")?.name}
              />
              <SelectField
                name="siteId"
                label="admin.site"
                options={[
                  { value: "", label: t("admin.noSite") },
                  ...sites.map((s) => ({ value: String(s.id), label: s.name })),
                ]}
                errors={errorsFor("addDepartment")?.siteId}
              />
              <SubmitButton variant="secondary">{t("admin.addDepartment")}</SubmitButton>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
