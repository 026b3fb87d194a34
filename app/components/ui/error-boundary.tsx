import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useI18n } from "~/utils/i18n-react";
import type { MessageKey } from "~/utils/i18n";

const BY_STATUS: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "errors.badRequestTitle", body: "errors.badRequest" },
  403: { title: "errors.forbiddenTitle", body: "errors.forbidden" },
  404: { title: "errors.notFoundTitle", body: "errors.notFound" },
  405: { title: "errors.badRequestTitle", body: "errors.methodNotAllowed" },
  413: { title: "errors.badRequestTitle", body: "errors.tooLarge" },
  415: { title: "errors.unsupportedMediaTypeTitle", body: "errors.unsupportedMediaType" },
};

/** A translated page for thrown responses and unexpected errors; never shows a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = BY_STATUS[status] ?? { title: "errors.title", body: "errors.unexpected" };
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(text.title)}</h1>
      <p>{t(text.body)}</p>
      <p>
        <Link className="button" to="/">
          {t("errors.goHome")}
        </Link>
      </p>
    </section>
  );
}
