import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { listPendingInvitations } from "~/features/auth/invitations.server";
import { InviteForm } from "~/features/people/components/invite-form";
import { InvitationList, PeopleTable, SearchForm } from "~/features/people/components/people-table";
import { managePeople } from "~/features/people/manage-people.server";
import { departmentOptions, listPeople } from "~/features/people/people.server";
import { getEnv } from "~/utils/env.server";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { HrPeopleActionSchema } from "~/features/people/people.schema";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("hrPeople");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page")) || 1;
  const scope = { organisationId: user.organisationId };
  return {
    userId: user.id,
    organisationName: user.organisationName ?? "",
    q,
    people: listPeople(user, scope, { search: q, page }),
    invitations: listPendingInvitations(scope),
    departments: departmentOptions(user.organisationId).map((d) => ({ id: d.id, name: d.name })),
    invitationDays: getEnv().INVITATION_DAYS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "hr");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const input = parseForm(HrPeopleActionSchema, form);
  if (!input.success)
    return failureResponse(invalid(input, intent === "invite" ? "common.formErrors" : undefined), {
      intent,
      notice: null,
    });
  const outcome = await managePeople(user, { organisationId: user.organisationId }, input.data);
  if (!outcome.ok) return failureResponse(outcome, { intent, notice: null });
  return { ok: true as const, intent, errors: {}, formError: null, ...outcome.value };
}

export default function HrPeople() {
  const { userId, organisationName, q, people, invitations, departments, invitationDays } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const inviteErrors = actionData?.intent === "invite" ? actionData : undefined;
  return (
    <>
      <PageHeader
        title="hr.peopleTitle"
        intro="hr.peopleIntro"
        introParams={{ organisation: organisationName }}
        actions={
          <Link className="button button--secondary" to="/hr/import">
            {t("import.action")}
          </Link>
        }
      />
      <Notice
        message={actionData?.notice ?? params.get("notice")}
        params={{ email: actionData && "email" in actionData ? (actionData.email ?? "") : "" }}
      />
      {actionData && actionData.intent !== "invite" ? <Notice kind="error" message={actionData.formError} /> : null}
      <div className="two-columns two-columns--wide-left">
        <div className="stack">
          <SearchForm defaultValue={q} />
          <PeopleTable
            people={people.rows}
            page={people.page}
            pages={people.pages}
            currentUserId={userId}
            showOrganisation={false}
            canChangeRole={false}
            canChangeStatus={(p) => p.role !== "hr"}
          />
        </div>
        <div className="stack">
          <Card title="admin.inviteTitle">
            <p className="muted">{t("hr.inviteIntro", { days: invitationDays })}</p>
            <InviteForm
              key={actionData && "email" in actionData ? actionData.email : "invite"}
              roles={["employee", "newcomer"]}
              departments={departments}
              errors={inviteErrors?.errors}
              formError={inviteErrors?.formError}
            />
          </Card>
          <Card title="admin.invitations">
            <InvitationList invitations={invitations} showOrganisation={false} />
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
