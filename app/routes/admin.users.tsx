import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { listPendingInvitations } from "~/features/auth/invitations.server";
import { ROLES } from "~/features/auth/roles";
import { InviteForm } from "~/features/people/components/invite-form";
import { InvitationList, PeopleTable, SearchForm } from "~/features/people/components/people-table";
import { managePeople } from "~/features/people/manage-people.server";
import { departmentOptions, listPeople, organisationOptions } from "~/features/people/people.server";
import { getEnv } from "~/utils/env.server";
import { useI18n } from "~/utils/i18n-react";
import { requireRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { AdminPeopleActionSchema } from "~/features/people/people.schema";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("adminUsers");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireRole(request, "admin");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page")) || 1;
  return {
    userId: user.id,
    q,
    people: listPeople(user, "all", { search: q, page }),
    invitations: listPendingInvitations("all"),
    organisations: organisationOptions(),
    departments: departmentOptions(),
    invitationDays: getEnv().INVITATION_DAYS,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const input = parseForm(AdminPeopleActionSchema, form);
  if (!input.success)
    return failureResponse(invalid(input, intent === "invite" ? "common.formErrors" : undefined), {
      intent,
      notice: null,
    });
  const outcome = await managePeople(user, "all", input.data);
  if (!outcome.ok) return failureResponse(outcome, { intent, notice: null });
  return { ok: true as const, intent, errors: {}, formError: null, ...outcome.value };
}

export default function AdminUsers() {
  const { userId, q, people, invitations, organisations, departments, invitationDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const inviteErrors = actionData?.intent === "invite" ? actionData : undefined;
  return (
    <>
      <PageHeader title="admin.usersTitle" intro="admin.usersIntro" />
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
            showOrganisation
            canChangeRole
            canChangeStatus={() => true}
            canResetSecondFactor
          />
        </div>
        <div className="stack">
          <Card title="admin.inviteTitle">
            <p className="muted">{t("admin.inviteIntro", { days: invitationDays })}</p>
            <InviteForm
              key={actionData && "email" in actionData ? actionData.email : "invite"}
              roles={[...ROLES]}
              organisations={organisations}
              departments={departments}
              errors={inviteErrors?.errors}
              formError={inviteErrors?.formError}
            />
          </Card>
          <Card title="admin.invitations">
            <InvitationList invitations={invitations} showOrganisation />
          </Card>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
