import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, Notice, PageHeader } from "~/components/ui/page";
import { getOwnProfile, saveOwnProfile } from "~/features/matching/buddies.server";
import { BuddyProfileForm } from "~/features/matching/components/profile-forms";
import { BuddyProfileSchema, buddyValuesFromRaw } from "~/features/matching/matching.schema";
import { departmentChoices } from "~/features/matching/store.server";
import { formDataToObject, parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meBuddyProfile");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const { profile, trained } = getOwnProfile(user.id);
  return {
    profile,
    trained,
    departments: departmentChoices(user.organisationId),
    defaultDepartmentId: user.departmentId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const form = await readForm(request);
  const values = buddyValuesFromRaw(formDataToObject(form));
  const parsed = parseForm(BuddyProfileSchema, form);
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"), { values });
  const saved = saveOwnProfile(user, parsed.data);
  if (!saved.ok) return failureResponse(saved, { values });
  return redirect("/me/buddy?notice=matching.me.saved");
}

export default function BuddyProfilePage() {
  const { profile, trained, departments, defaultDepartmentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/buddy">{t("matching.me.back")}</Link>
      </p>
      <PageHeader title="matching.me.profile" intro="matching.me.profileIntro" />
      {trained ? (
        <Notice kind="info" message="matching.me.trainedBadge" />
      ) : (
        <Notice kind="info" message="matching.me.untrained" />
      )}
      <Card>
        <BuddyProfileForm
          values={
            actionData?.values ??
            profile ?? {
              profession: "nurse",
              departmentId: defaultDepartmentId,
              dutchLevel: "C2",
              languages: [],
              shifts: [],
              interests: [],
              gender: null,
              capacity: 1,
              yearsInOrganisation: 0,
              ownNewcomerExperience: false,
              status: "active",
              pausedUntil: null,
            }
          }
          departments={departments}
          errors={actionData?.errors}
          formError={actionData?.formError}
          exists={profile != null}
        />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
