import { Form, Link, useSearchParams } from "@remix-run/react";
import { EmailAddress } from "~/components/ui/email";
import { DataTable } from "~/components/ui/data-table";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { EmptyState } from "~/components/ui/page";
import type { Role } from "~/features/auth/roles";
import type { UserStatus } from "@db/schema";
import { useI18n } from "~/utils/i18n-react";

type Person = {
  id: number;
  name: string;
  email: string;
  status: UserStatus;
  lastLoginAt: string | null;
  role: Role;
  organisationName: string | null;
  organisationKind: "care_provider" | "partner" | null;
  departmentName: string | null;
  secondFactor?: boolean;
};

const ROLE_CHOICES: Record<"care_provider" | "partner" | "platform", Role[]> = {
  care_provider: ["hr", "employee", "newcomer"],
  partner: ["partner"],
  platform: ["admin"],
};

export function PeopleTable({
  people,
  currentUserId,
  showOrganisation,
  canChangeRole,
  canChangeStatus,
  canResetSecondFactor = false,
  page,
  pages,
}: {
  people: Person[];
  currentUserId: number;
  showOrganisation: boolean;
  canChangeRole: boolean;
  canChangeStatus: (p: Person) => boolean;
  canResetSecondFactor?: boolean;
  page: number;
  pages: number;
}) {
  const { t, date } = useI18n();
  const [params] = useSearchParams();
  if (people.length === 0) return <EmptyState message="admin.noUsers" />;
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    next.delete("notice");
    return `?${next}`;
  };
  return (
    <>
      <DataTable>
        <thead>
          <tr>
            <th scope="col">{t("common.name")}</th>
            <th scope="col">{t("common.role")}</th>
            {showOrganisation ? <th scope="col">{t("admin.organisation")}</th> : null}
            <th scope="col">{t("admin.department")}</th>
            <th scope="col">{t("admin.lastLogin")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => {
            const choices = ROLE_CHOICES[p.organisationKind ?? "platform"];
            const self = p.id === currentUserId;
            return (
              <tr key={p.id} className={p.status === "active" ? undefined : "row--muted"}>
                <th scope="row">
                  {p.status === "erased" ? (
                    <span className="cell-title">{t("admin.erasedPerson")}</span>
                  ) : (
                    <>
                      <span className="cell-title">{p.name}</span>
                      <span className="cell-sub">
                        <EmailAddress address={p.email} />
                      </span>
                    </>
                  )}
                  {p.status === "deactivated" ? (
                    <span className="badge badge--muted">{t("common.deactivated")}</span>
                  ) : null}
                  {p.status === "erased" ? <span className="badge badge--muted">{t("common.erased")}</span> : null}
                </th>
                <td>
                  {t(`roles.${p.role}`)}
                  {canResetSecondFactor && p.secondFactor ? (
                    <span className="badge">{`${t("secondFactor.adminColumn")}: ${t("secondFactor.adminOn")}`}</span>
                  ) : null}
                </td>
                {showOrganisation ? <td>{p.organisationName ?? t("admin.noOrganisation")}</td> : null}
                <td>{p.departmentName ?? "—"}</td>
                <td>{p.lastLoginAt ? date(p.lastLoginAt, true) : t("admin.never")}</td>
                <td>
                  <div className="row-actions">
                    {canChangeRole && !self && choices.length > 1 ? (
                      <Form method="post" className="row-actions__form">
                        <input type="hidden" name="userId" value={p.id} />
                        <label className="visually-hidden" htmlFor={`role-${p.id}`}>
                          {t("admin.changeRole")}: {p.name}
                        </label>
                        <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                          {choices.map((r) => (
                            <option key={r} value={r}>
                              {t(`roles.${r}`)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="submit"
                          name="intent"
                          value="changeRole"
                          className="button button--small button--secondary"
                        >
                          {t("admin.changeRole")}
                        </button>
                      </Form>
                    ) : null}
                    {!self && p.status !== "erased" && canChangeStatus(p) ? (
                      p.status === "active" ? (
                        // A quiet action on every row; the confirmation says who and what (decision 150).
                        <ConfirmAction
                          name="deactivate"
                          target={{ person: String(p.id) }}
                          intent="deactivate"
                          fields={{ userId: String(p.id) }}
                          label={
                            <>
                              {t("confirm.deactivate.open")}
                              <span className="visually-hidden">: {p.name}</span>
                            </>
                          }
                          variant="ghost"
                          small
                          title={t("confirm.deactivate.title", { name: p.name })}
                          confirmLabel={t("confirm.deactivate.yes", { name: p.name })}
                          confirmVariant="danger"
                        >
                          <p>{t("confirm.deactivate.body", { name: p.name, email: p.email })}</p>
                        </ConfirmAction>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="userId" value={p.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="reactivate"
                            className="button button--small button--secondary"
                          >
                            {t("admin.reactivate")}
                            <span className="visually-hidden">: {p.name}</span>
                          </button>
                        </Form>
                      )
                    ) : null}
                    {canResetSecondFactor && !self && p.secondFactor ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={p.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="resetSecondFactor"
                          className="button button--small button--secondary"
                        >
                          {t("secondFactor.adminReset")}
                          <span className="visually-hidden">: {p.name}</span>
                        </button>
                      </Form>
                    ) : null}
                    {!self && p.status === "deactivated" && canChangeStatus(p) ? (
                      // Erasure asks first, like every irreversible action (decision 150); the server requires confirm=yes.
                      <ConfirmAction
                        name="erase"
                        target={{ person: String(p.id) }}
                        intent="erase"
                        fields={{ userId: String(p.id) }}
                        label={
                          <>
                            {t("admin.erase")}
                            <span className="visually-hidden">: {p.name}</span>
                          </>
                        }
                        variant="ghost"
                        small
                        title={t("confirm.erasePerson.title", { name: p.name })}
                        confirmLabel={t("confirm.erasePerson.yes", { name: p.name })}
                        confirmVariant="danger"
                      >
                        <p>{t("confirm.erasePerson.who", { name: p.name, email: p.email })}</p>
                        <p>{t("admin.eraseExplained")}</p>
                      </ConfirmAction>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("common.pageOf", { page, pages })}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("common.previous")}</Link> : <span />}
          <span>{t("common.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("common.next")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function SearchForm({ defaultValue }: { defaultValue: string }) {
  const { t } = useI18n();
  return (
    <Form method="get" className="search-form" role="search">
      <label htmlFor="people-search">{t("admin.searchUsers")}</label>
      <div className="search-form__row">
        <input id="people-search" type="search" name="q" defaultValue={defaultValue} maxLength={100} />
        <button type="submit" className="button button--secondary">
          {t("common.filter")}
        </button>
      </div>
    </Form>
  );
}

export function InvitationList({
  invitations,
  showOrganisation,
}: {
  invitations: {
    id: number;
    email: string;
    name: string;
    role: Role;
    organisationName: string | null;
    expiresAt: string;
  }[];
  showOrganisation: boolean;
}) {
  const { t, date } = useI18n();
  if (invitations.length === 0) return <EmptyState message="admin.noInvitations" />;
  return (
    <ul className="plain-list invitation-list">
      {invitations.map((i) => (
        <li key={i.id}>
          <div>
            <span className="cell-title">{i.name}</span>
            <span className="cell-sub">
              <EmailAddress address={i.email} /> · {t(`roles.${i.role}`)}
              {showOrganisation && i.organisationName ? ` · ${i.organisationName}` : ""} · {t("admin.expires")}{" "}
              {date(i.expiresAt)}
            </span>
          </div>
          <Form method="post">
            <input type="hidden" name="invitationId" value={i.id} />
            <button type="submit" name="intent" value="revoke" className="button button--small button--ghost">
              {t("admin.revoke")}
              <span className="visually-hidden">: {i.email}</span>
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
