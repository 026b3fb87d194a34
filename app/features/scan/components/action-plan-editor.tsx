// The action plan's editing parts on the results page: the status form and the edit and delete actions of a row,
// and the form that adds or edits an action. Kept apart from results-view.tsx so that the print report, which
// shows the plan read-only, does not load them (page weight, decision 143).
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { ErrorList } from "~/components/ui/error-list";
import { useI18n } from "~/utils/i18n-react";
import { ACTION_STATUSES } from "../constants";
import { itemNumber } from "../item-label";
import { STATUS_LABEL, type ActionRow } from "./action-table";
import type { Dim } from "./dimension-names";

function ActionStatusForm({ action: a }: { action: ActionRow }) {
  const { t } = useI18n();
  return (
    <Form method="post" className="row-actions__form scan-action-status">
      <input type="hidden" name="intent" value="actionStatus" />
      <input type="hidden" name="actionId" value={a.id} />
      <label className="visually-hidden" htmlFor={`action-status-${a.id}`}>
        {t("scan.actions.status")}
      </label>
      <select id={`action-status-${a.id}`} name="status" defaultValue={a.status}>
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABEL[s])}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small">
        {t("scan.actions.update")}
      </button>
    </Form>
  );
}

function ActionRowActions({ action: a }: { action: ActionRow }) {
  const { t } = useI18n();
  return (
    <div className="row-actions">
      <a className="button button--secondary button--small" href={`?edit=${a.id}#action-edit`}>
        {t("scan.actions.edit")}
        <span className="visually-hidden">: {a.action}</span>
      </a>
      <ConfirmAction
        name="delete-action"
        target={{ action: String(a.id) }}
        intent="deleteAction"
        fields={{ actionId: String(a.id) }}
        label={
          <>
            {t("scan.actions.delete")}
            <span className="visually-hidden">: {a.action}</span>
          </>
        }
        variant="ghost"
        small
        title={t("scan.actions.deleteTitle")}
        confirmLabel={t("scan.actions.deleteYes")}
        confirmVariant="danger"
      >
        <p>{t("scan.actions.deleteBody", { action: a.action, owner: a.owner })}</p>
      </ConfirmAction>
    </div>
  );
}

/** What `ActionTable` needs to make the plan editable. */
export const editableActions = {
  status: (a: ActionRow) => <ActionStatusForm action={a} />,
  actions: (a: ActionRow) => <ActionRowActions action={a} />,
};

export type ActionFormValues = {
  dimensionKey: string;
  itemKey: string;
  action: string;
  ownerUserId: string;
  owner: string;
  dueDate: string;
  status: string;
};

/**
 * The form to add an action, or to edit one (`edit` carries its id and the revision the form was opened on).
 * The owner is picked from the organisation's people, or typed when they are not in the list.
 */
export function ActionForm({
  dimensions,
  owners,
  values,
  errors,
  edit,
  cancelHref,
}: {
  dimensions: Dim[];
  owners: { id: number; name: string }[];
  values: Partial<ActionFormValues>;
  errors?: Record<string, string[] | undefined>;
  edit?: { actionId: number; revision: number; ownerName: string };
  cancelHref?: string;
}) {
  const { t, locale } = useI18n();
  const prefix = edit ? "edit-action" : "action";
  const field = (id: string, label: ReactNode, control: ReactNode, errs?: string[], hint?: string) => (
    <div className="field">
      <label htmlFor={`${prefix}-${id}`}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${prefix}-${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      <ErrorList errors={errs} />
    </div>
  );
  const ownerId = values.ownerUserId ?? "";
  // A person no longer active stays selectable on the action they already own.
  const ownerOptions =
    edit && ownerId && !owners.some((o) => String(o.id) === ownerId)
      ? [...owners, { id: Number(ownerId), name: edit.ownerName }]
      : owners;
  return (
    <Form method="post" className="fieldset scan-action-form">
      <input type="hidden" name="intent" value={edit ? "editAction" : "addAction"} />
      {edit ? (
        <>
          <input type="hidden" name="actionId" value={edit.actionId} />
          <input type="hidden" name="revision" value={edit.revision} />
        </>
      ) : null}
      {field(
        "dimension",
        t("scan.actions.dimension"),
        <select id={`${prefix}-dimension`} name="dimensionKey" defaultValue={values.dimensionKey} required>
          {dimensions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.number}. {locale === "nl" ? d.nameNl : d.nameEn}
            </option>
          ))}
        </select>,
        errors?.dimensionKey,
      )}
      {field(
        "item",
        t("scan.actions.item"),
        <select id={`${prefix}-item`} name="itemKey" defaultValue={values.itemKey ?? ""}>
          <option value="">{t("scan.actions.wholeDimension")}</option>
          {dimensions.flatMap((d) =>
            d.items.map((i) => (
              <option key={i.key} value={i.key}>
                {itemNumber(d.number, i.position)} {locale === "nl" ? i.textNl : i.textEn}
              </option>
            )),
          )}
        </select>,
        errors?.itemKey,
      )}
      {field(
        "text",
        t("scan.actions.action"),
        <textarea id={`${prefix}-text`} name="action" rows={2} maxLength={500} required defaultValue={values.action} />,
        errors?.action,
      )}
      {field(
        "owner-person",
        t("scan.actions.ownerPerson"),
        <select id={`${prefix}-owner-person`} name="ownerUserId" defaultValue={ownerId}>
          <option value="">{t("scan.actions.ownerSomeoneElse")}</option>
          {ownerOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>,
        errors?.ownerUserId,
      )}
      {field(
        "owner",
        t("scan.actions.ownerOther"),
        <input
          id={`${prefix}-owner`}
          name="owner"
          maxLength={120}
          defaultValue={values.owner}
          aria-describedby={`${prefix}-owner-hint`}
          autoComplete="off"
        />,
        errors?.owner,
        t("scan.actions.ownerOtherHint"),
      )}
      {field(
        "due",
        t("scan.actions.dueDate"),
        <input id={`${prefix}-due`} name="dueDate" type="date" defaultValue={values.dueDate} />,
        errors?.dueDate,
      )}
      {edit
        ? field(
            "status",
            t("scan.actions.status"),
            <select id={`${prefix}-status`} name="status" defaultValue={values.status ?? "open"}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_LABEL[s])}
                </option>
              ))}
            </select>,
            errors?.status,
          )
        : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t(edit ? "scan.actions.save" : "scan.actions.add")}
        </button>
        {cancelHref ? (
          <a className="button button--ghost" href={cancelHref}>
            {t("scan.actions.cancel")}
          </a>
        ) : null}
      </div>
    </Form>
  );
}
