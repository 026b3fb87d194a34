// The parts of a scan's results, shared by the results page and the print report.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { ErrorList } from "~/components/ui/form";
import { useI18n } from "~/utils/i18n-react";
import { ACTION_STATUSES, type ActionStatus } from "../constants";
import { itemLabelIn, itemNumber } from "../item-label";
import type { DimensionResult, Level } from "../scoring";

type Dim = { key: string; number: number; nameNl: string; nameEn: string; items: { key: string; position: number; textNl: string; textEn: string; core: boolean }[] };

export function useDimensionNames(dimensions: Dim[]) {
  const { locale } = useI18n();
  const name = (key: string) => {
    const d = dimensions.find((x) => x.key === key);
    return d ? (locale === "nl" ? d.nameNl : d.nameEn) : key;
  };
  const itemText = (key: string) => {
    for (const d of dimensions) {
      const item = d.items.find((i) => i.key === key);
      if (item) return locale === "nl" ? item.textNl : item.textEn;
    }
    return key;
  };
  /** "6.3 <statement>" (item-label.ts): how every results view names an item. */
  const itemLabel = (key: string) => itemLabelIn(dimensions, key, (i) => (locale === "nl" ? i.textNl : i.textEn));
  return { name, itemText, itemLabel };
}

/** A table that may scroll sideways on a phone: focusable and named, so keyboard users can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function levelKey(level: number | null) {
  return `scan.levels.${String(level ?? 1) as `${Level}`}` as const;
}

export function OverallScore({ overall, level, capped, lowest }: { overall: number | null; level: Level | null; capped: boolean; lowest: number | null }) {
  const { t, number } = useI18n();
  if (overall === null || level === null) return <p className="alert alert--info">{t("scan.noOverall")}</p>;
  return (
    <div className="scan-overall">
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t("scan.overall")}</dt>
          <dd data-testid="overall-score">{number(overall)}</dd>
        </div>
        <div className="stat">
          <dt>{t("scan.overallLevel")}</dt>
          <dd data-testid="overall-level">
            {level} · {t(levelKey(level))}
          </dd>
        </div>
      </dl>
      {capped ? <p className="muted">{t("scan.cappedNote", { level: t(levelKey(level)), lowest: lowest ?? "" })}</p> : null}
    </div>
  );
}

export function DimensionTable({ dimensions, results, previous }: { dimensions: Dim[]; results: DimensionResult[]; previous?: { key: string; score: number | null }[] | null }) {
  const { t, number, locale } = useI18n();
  return (
    <ScrollTable label={t("scan.tableLevel")}>
      <table className="table table--compact" data-testid="dimension-table">
        <thead>
          <tr>
            <th scope="col">{t("scan.tableDimension")}</th>
            <th scope="col">{t("scan.tableScore")}</th>
            <th scope="col">{t("scan.tableLevel")}</th>
            {previous ? <th scope="col">{t("scan.tablePrevious")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => {
            const r = results.find((x) => x.key === d.key);
            const prev = previous?.find((p) => p.key === d.key)?.score ?? null;
            return (
              <tr key={d.key} data-dimension={d.key}>
                <th scope="row">
                  {d.number}. {locale === "nl" ? d.nameNl : d.nameEn}
                </th>
                <td data-testid={`score-${d.key}`}>{r?.score == null ? t("scan.insufficient") : number(r.score)}</td>
                <td>{r?.level == null ? "–" : `${r.level} · ${t(levelKey(r.level))}`}</td>
                {previous ? <td>{prev === null ? "–" : number(prev)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function RankedList({ title, items, name }: { title: string; items: { key: string; score: number }[]; name: (key: string) => string }) {
  const { t, number } = useI18n();
  return (
    <div>
      <h3 className="small-heading">{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("scan.noneYet")}</p>
      ) : (
        <ol className="scan-ranked">
          {items.map((i) => (
            <li key={i.key}>
              {name(i.key)} <span className="muted">({number(i.score)})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function CoreFlags({ flagged, itemLabel }: { flagged: string[]; itemLabel: (key: string) => string }) {
  const { t } = useI18n();
  if (flagged.length === 0) return <p className="muted">{t("scan.coreFlagsNone")}</p>;
  return (
    <ul className="plain-list scan-flags" data-testid="core-flags">
      {flagged.map((key) => (
        <li key={key}>
          {itemLabel(key)}
        </li>
      ))}
    </ul>
  );
}

const STATUS_LABEL = { open: "scan.actions.statusOpen", in_progress: "scan.actions.statusInProgress", done: "scan.actions.statusDone" } as const;

export function actionStatusLabel(status: string) {
  return status === "in_progress" || status === "done" ? STATUS_LABEL[status] : STATUS_LABEL.open;
}

export function ActionTable({
  actions,
  name,
  itemLabel,
  editable,
}: {
  actions: { id: number; itemKey: string | null; dimensionKey: string; action: string; owner: string; dueDate: string | null; status: ActionStatus }[];
  name: (key: string) => string;
  itemLabel: (key: string) => string;
  editable: boolean;
}) {
  const { t, date } = useI18n();
  if (actions.length === 0) return <p className="muted">{t("scan.actions.none")}</p>;
  return (
    <ScrollTable label={t("scan.actions.title")}>
      <table className="table table--compact" data-testid="action-table">
        <thead>
          <tr>
            <th scope="col">{t("scan.actions.dimension")}</th>
            <th scope="col">{t("scan.actions.action")}</th>
            <th scope="col">{t("scan.actions.owner")}</th>
            <th scope="col">{t("scan.actions.dueDate")}</th>
            <th scope="col">{t("scan.actions.status")}</th>
            {editable ? <th scope="col"><span className="visually-hidden">{t("scan.actions.edit")}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} data-action-id={a.id}>
              <td>
                {name(a.dimensionKey)}
                {a.itemKey ? <span className="cell-sub"> {itemLabel(a.itemKey)}</span> : null}
              </td>
              <td>{a.action}</td>
              <td>{a.owner}</td>
              <td className="nowrap">{a.dueDate ? date(a.dueDate) : "–"}</td>
              <td>
                {editable ? (
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
                ) : (
                  t(STATUS_LABEL[a.status])
                )}
              </td>
              {editable ? (
                <td>
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
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export type ActionFormValues = { dimensionKey: string; itemKey: string; action: string; ownerUserId: string; owner: string; dueDate: string; status: string };

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
  const ownerOptions = edit && ownerId && !owners.some((o) => String(o.id) === ownerId) ? [...owners, { id: Number(ownerId), name: edit.ownerName }] : owners;
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
      {field("text", t("scan.actions.action"), <textarea id={`${prefix}-text`} name="action" rows={2} maxLength={500} required defaultValue={values.action} />, errors?.action)}
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
        <input id={`${prefix}-owner`} name="owner" maxLength={120} defaultValue={values.owner} aria-describedby={`${prefix}-owner-hint`} autoComplete="off" />,
        errors?.owner,
        t("scan.actions.ownerOtherHint"),
      )}
      {field("due", t("scan.actions.dueDate"), <input id={`${prefix}-due`} name="dueDate" type="date" defaultValue={values.dueDate} />, errors?.dueDate)}
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
