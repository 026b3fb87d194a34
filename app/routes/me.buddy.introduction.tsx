import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { FormError, SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { buddyIntroduction, saveBuddyIntroduction } from "~/features/journey/journey.server";
import { INTRODUCTION_MAX } from "~/features/pulse/pulse.options";
import { IntroductionSchema } from "~/features/pulse/pulse.schema";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { notFound, requireOrgRole } from "~/utils/permissions.server";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("meBuddyIntroduction");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const intro = buddyIntroduction(user);
  if (!intro.hasProfile) throw notFound();
  return { text: intro.text };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireOrgRole(request, "employee");
  const parsed = parseForm(IntroductionSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "common.formErrors"));
  const saved = saveBuddyIntroduction(user, parsed.data);
  if (!saved.ok) return failureResponse(saved);
  return redirect("/me/buddy?notice=pulse.buddy.introSaved");
}

export default function BuddyIntroductionPage() {
  const { text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, isKey } = useI18n();
  const id = useId();
  const error = actionData?.errors?.text?.[0];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/me/buddy">{t("matching.me.back")}</Link>
      </p>
      <PageHeader title="pulse.buddy.introTitle" intro="pulse.buddy.introIntro" />
      <Card>
        <Form method="post" className="stack">
          <FormError error={actionData?.formError} />
          <div className="field">
            <label htmlFor={id}>{t("pulse.buddy.introLabel")}</label>
            <p id={`${id}-hint`} className="field__hint">
              {t("pulse.buddy.introHint", { max: INTRODUCTION_MAX })}
            </p>
            <textarea
              id={id}
              name="text"
              rows={5}
              maxLength={INTRODUCTION_MAX}
              defaultValue={text ?? ""}
              aria-describedby={`${id}-hint`}
              aria-invalid={error ? true : undefined}
            />
            {error ? <p className="field-errors">{isKey(error) ? t(error) : t("errors.badRequest")}</p> : null}
          </div>
          <div className="form-actions">
            <SubmitButton>{t("pulse.buddy.introSave")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
