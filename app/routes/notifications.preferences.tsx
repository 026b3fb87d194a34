import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DataTable } from "~/components/ui/data-table";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { EmptyState, Notice, PageHeader } from "~/components/ui/page";
import { PreferenceFormSchema } from "~/features/notifications/notifications.schema";
import { listPreferences, savePreferences } from "~/features/notifications/notify.server";
import { readForm } from "~/utils/form-body.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";
import { requireUser } from "~/utils/permissions.server";
import { pageTitle } from "~/utils/page-title";

export const meta = pageTitle("notificationPreferences");
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const listed = listPreferences(user);
  if (!listed.ok) throw failureResponse(listed);
  return { preferences: listed.value };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const parsed = parseForm(PreferenceFormSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "notifications.preferences.invalid"));
  const saved = savePreferences(user, parsed.data);
  if (!saved.ok) return failureResponse(saved);
  return redirect("/notifications/preferences?notice=notifications.preferences.saved");
}

export default function Preferences() {
  const { preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title="notifications.preferences.title" intro="notifications.preferences.intro" />
      <Notice message={params.get("notice")} />
      <Notice kind="error" message={actionData?.formError} />
      {preferences.length === 0 ? (
        <EmptyState message="notifications.preferences.none" />
      ) : (
        <Form method="post" className="card">
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t("notifications.preferences.kindColumn")}</th>
                <th scope="col">{t("notifications.preferences.channelColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {preferences.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">
                    <label htmlFor={`pref-${p.kind}`}>{t(`notifications.kinds.${p.kind}.label` as MessageKey)}</label>
                  </th>
                  <td>
                    <select id={`pref-${p.kind}`} name={`kind:${p.kind}`} defaultValue={p.channel}>
                      {p.channels.map((c) => (
                        <option key={c} value={c}>
                          {t(`notifications.preferences.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <SubmitButton>{t("notifications.preferences.save")}</SubmitButton>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
