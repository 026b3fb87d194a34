import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { MainNav } from "~/components/ui/main-nav";
import { navigationFor } from "~/features/auth/navigation";
import stylesHref from "~/styles/app.css";
import { isDemo } from "~/utils/env.server";
import { DEFAULT_LOCALE, type Locale } from "~/utils/i18n-core";
import { CatalogueLink, I18nProvider, useCatalogueMatches, useI18n } from "~/utils/i18n-react";
import { pageTitles, resolveLocale } from "~/utils/locale.server";
import { PORTAL_NAME } from "~/utils/page-title";
import { getUser } from "~/utils/permissions.server";
import { unreadCount } from "~/features/notifications/notify.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: PORTAL_NAME }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = getUser(request);
  const locale = resolveLocale(request, user?.locale);
  return {
    locale,
    titles: pageTitles(locale),
    demo: isDemo(),
    nonce: context.cspNonce ?? "",
    user: user
      ? { name: user.name, role: user.role, organisationName: user.organisationName, unread: unreadCount(user.id) }
      : null,
    // Built on the server: the browser gets the role's entries, not the table of every role's (page weight).
    nav: user ? navigationFor(user.role, isDemo()) : [],
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ locale, nonce, children }: { locale: Locale; nonce: string; children: ReactNode }) {
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        <CatalogueLink />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useI18n();
  const location = useLocation();
  const other: Locale = locale === "nl" ? "en" : "nl";
  return (
    <Form method="post" action="/language" className="language-switch" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" className="link-button" lang={other} aria-label={t("language.switchToLabel")}>
        {t("language.switchTo")}
      </button>
    </Form>
  );
}

function Shell({ data, children }: { data: RootData | undefined; children: ReactNode }) {
  const { t } = useI18n();
  const user = data?.user ?? null;
  const nav = user ? (data?.nav ?? []) : [];
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      {data?.demo ? <div className="demo-banner">{t("app.demoBanner")}</div> : null}
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href="/">
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
              <circle cx="11" cy="12" r="6" fill="#0f766e" />
              <circle cx="21" cy="12" r="6" fill="#f59e0b" opacity="0.9" />
              <path
                d="M4 27c1.5-5 5-7 7-7s5.5 2 7 7M14 27c1.5-5 5-7 7-7s5.5 2 7 7"
                stroke="#134e4a"
                strokeWidth="2"
                fill="none"
              />
            </svg>
            <span>{t("app.name")}</span>
          </a>
          <div className="site-header__tools">
            {user ? (
              <span className="user-chip">
                <span className="visually-hidden">{t("nav.signedInAs", { name: user.name })}</span>
                <span aria-hidden="true">{user.name}</span>
                <span className="user-chip__role">
                  {t(`roles.${user.role}`)}
                  {user.organisationName ? ` · ${user.organisationName}` : ""}
                </span>
              </span>
            ) : null}
            {user ? (
              <a className="notifications-link" href="/notifications">
                {t("notifications.headerLink")}
                {user.unread > 0 ? (
                  <>
                    <span className="notifications-link__count" aria-hidden="true">
                      {user.unread}
                    </span>
                    <span className="visually-hidden">{t("notifications.headerUnread", { count: user.unread })}</span>
                  </>
                ) : null}
              </a>
            ) : null}
            <LanguageSwitch locale={data?.locale ?? DEFAULT_LOCALE} />
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="button button--ghost button--small">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {nav.length > 0 ? <MainNav items={nav} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="site-footer">{t("app.footer")}</footer>
    </>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  useCatalogueMatches(data.locale);
  return (
    <Document locale={data.locale} nonce={data.nonce}>
      <I18nProvider locale={data.locale}>
        <Shell data={data}>
          <Outlet />
        </Shell>
      </I18nProvider>
    </Document>
  );
}

export function ErrorBoundary() {
  const data = useRootData();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale} nonce={data?.nonce ?? ""}>
      <I18nProvider locale={locale}>
        <Shell data={data}>
          <GeneralErrorBoundary />
        </Shell>
      </I18nProvider>
    </Document>
  );
}
