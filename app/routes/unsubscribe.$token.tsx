import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/utils/form-body.server";
import { SubmitButton } from "~/components/ui/form";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { PageHeader } from "~/components/ui/page";
import { describeUnsubscribe, unsubscribe } from "~/features/notifications/notify.server";
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";
import { pageTitle } from "~/utils/page-title";
import { failureResponse } from "~/utils/respond.server";

export const meta = pageTitle("unsubscribe", [{ name: "robots", content: "noindex" }]);

// No sign-in: the signed token is the authority. A GET only asks (mail scanners follow links); the POST
// — the button here, or a mail client's RFC 8058 one-click POST — turns that kind of mail off.
export async function loader({ params }: LoaderFunctionArgs) {
  const found = describeUnsubscribe(null, { token: params.token ?? "" });
  if (!found.ok) return failureResponse(found, { kind: null });
  return { kind: found.value.kind };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // RFC 8058's one-click POST is a form ("List-Unsubscribe=One-Click"); its content does not matter, its shape does.
  await readForm(request);
  const result = unsubscribe(null, { token: params.token ?? "" });
  if (!result.ok) return failureResponse(result, { done: false as const, kind: null });
  return { done: true as const, kind: result.value.kind };
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const kind = actionData?.kind ?? loaded.kind;
  const kindLabel = kind ? t(`notifications.kinds.${kind}.label` as MessageKey) : "";
  return (
    <div className="auth-layout">
      <section className="card auth-card">
        <PageHeader title="notifications.unsubscribe.title" />
        {!kind ? (
          <p className="alert alert--error" role="alert">
            {t("notifications.unsubscribe.invalid")}
          </p>
        ) : actionData?.done ? (
          <p className="alert alert--success" role="status">
            {t("notifications.unsubscribe.done", { kind: kindLabel })}
          </p>
        ) : (
          <Form method="post">
            <p>{t("notifications.unsubscribe.confirm", { kind: kindLabel })}</p>
            <SubmitButton>{t("notifications.unsubscribe.button")}</SubmitButton>
          </Form>
        )}
        <p>
          <Link to="/notifications/preferences">{t("notifications.unsubscribe.preferencesLink")}</Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
