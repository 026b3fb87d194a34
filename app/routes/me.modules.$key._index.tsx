import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { Notice } from "~/components/ui/page";
import { ModuleKeySchema, ReadSectionSchema } from "~/features/modules/modules.schema";
import { getModuleForReading, markSectionRead } from "~/features/modules/learning.server";
import { parseForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/locale.server";
import { notFound, requireOrgRole } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-body.server";
import { failureResponse } from "~/utils/respond.server";
import { invalid } from "~/utils/use-case";
import { pageTitle } from "~/utils/page-title";
import { useOwnAddress } from "~/components/ui/own-address";

export const meta = pageTitle("meModule");

const ROLES = ["employee", "newcomer", "hr"] as const;

function moduleKey(value: string | undefined): string {
  const parsed = ModuleKeySchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireOrgRole(request, ...ROLES);
  const view = getModuleForReading(user, moduleKey(params.key), resolveLocale(request, user.locale));
  if (!view) throw notFound();
  const total = view.sections.length;
  const requested = Number(new URL(request.url).searchParams.get("step"));
  // Without a step, open the first part not read yet.
  const firstUnread = view.sections.findIndex((_, i) => !view.sectionsRead.includes(i));
  const step =
    Number.isInteger(requested) && requested >= 1 && requested <= total
      ? requested
      : firstUnread >= 0
        ? firstUnread + 1
        : 1;
  return { ...view, step };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireOrgRole(request, ...ROLES);
  const key = moduleKey(params.key);
  const parsed = parseForm(ReadSectionSchema, await readForm(request));
  if (!parsed.success) return failureResponse(invalid(parsed, "modules.errors.unknownSection"));
  const read = markSectionRead(user, { moduleKey: key, section: parsed.data.section });
  if (!read.ok) return failureResponse(read);
  const view = getModuleForReading(user, key, "nl");
  const next = parsed.data.section + 2;
  if (view && next > view.sections.length) return redirect(`/me/modules/${key}/check`);
  return redirect(`/me/modules/${key}?step=${next}`);
}

export default function ReadModule() {
  const ownAddress = useOwnAddress();
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const total = view.sections.length;
  const index = view.step - 1;
  const section = view.sections[index];
  const isLast = view.step === total;
  return (
    <article className="module-reader">
      <p className="module-reader__back">
        <Link to="/me/modules">← {t("modules.read.backToList")}</Link>
      </p>
      <header className="module-reader__header">
        <h1>{view.title}</h1>
        <p className="muted">
          {t("modules.read.duration", { n: view.durationMinutes })}
          {view.dueDate ? ` · ${t("modules.list.due", { date: date(`${view.dueDate}T12:00:00Z`) })}` : ""}
        </p>
      </header>
      {view.status === "completed" && view.score !== null ? (
        <Notice kind="info" message="modules.read.completed" params={{ score: view.score }} />
      ) : null}
      <Notice kind="error" message={actionData?.formError} />
      <div className="module-progress">
        <p className="module-progress__label" id="module-progress-label">
          {t("modules.read.progress", { current: view.step, total })}
        </p>
        <div
          className="module-progress__bar"
          role="progressbar"
          aria-labelledby="module-progress-label"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={view.sectionsRead.length}
        >
          <span style={{ width: `${Math.round((view.sectionsRead.length / total) * 100)}%` }} />
        </div>
      </div>
      <nav aria-label={t("modules.read.contents")} className="module-steps">
        <ol>
          {view.sections.map((s, i) => (
            <li key={s.heading} className={i === index ? "is-current" : undefined}>
              <Link to={`?step=${i + 1}`} aria-current={i === index ? "step" : undefined}>
                {s.heading}
              </Link>
              {view.sectionsRead.includes(i) ? (
                <span className="module-steps__read"> ✓ {t("modules.read.read")}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </nav>
      {section ? (
        <section className="module-section-body" aria-labelledby="section-heading">
          <h2 id="section-heading">{section.heading}</h2>
          {/* Rendered from our own markdown at start, with any raw HTML escaped (db/reference/modules.ts). */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: section.html }} />
        </section>
      ) : null}
      <div className="module-reader__nav">
        {view.step > 1 ? (
          <Link className="button button--secondary" to={`?step=${view.step - 1}`}>
            ← {t("modules.read.previous")}
          </Link>
        ) : (
          <span />
        )}
        <Form method="post" action={ownAddress}>
          <input type="hidden" name="section" value={index} />
          <button type="submit" className="button button--primary">
            {isLast ? t("modules.read.toCheck") : `${t("modules.read.next")} →`}
          </button>
        </Form>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
