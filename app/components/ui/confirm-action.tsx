// One confirmation step for every irreversible action (decision 150). Without JavaScript the opening button is a
// link to the same page with `?confirm=<name>` (plus what identifies the target), and the server renders the
// confirmation in place: what will happen and to whom, "Yes, …" and "Cancel". With JavaScript the same text opens
// in a modal <dialog>: focus moves to "Cancel" (the harmless choice), Escape cancels, and focus returns to the
// opening button. Either way only the "Yes" form posts `confirm=yes`, which the server requires.
import { Form, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "~/utils/confirm-field";
import { useI18n } from "~/utils/i18n-react";
import { useOwnAddress } from "./own-address";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export type ConfirmActionProps = {
  /** The value of `?confirm=` that opens this confirmation without JavaScript, e.g. "submit-scan". */
  name: string;
  /** Query parameters that tell which target is meant when a page has several (e.g. `{ person: "12" }`). */
  target?: Record<string, string>;
  /** The `intent` the "Yes" form posts, and its other hidden fields. */
  intent: string;
  fields?: Record<string, string>;
  /** The opening button's label (already translated) and look. */
  label: ReactNode;
  variant?: Variant;
  small?: boolean;
  /** The confirmation's heading, body and "Yes, …" label (already translated). */
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmVariant?: Variant;
};

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ConfirmAction({
  name,
  target = {},
  intent,
  fields = {},
  label,
  variant = "primary",
  small,
  title,
  children,
  confirmLabel,
  confirmVariant = "primary",
}: ConfirmActionProps) {
  const ownAddress = useOwnAddress();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const hydrated = useHydrated();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const buttonClass = (v: Variant) => `button button--${v}${small ? " button--small" : ""}`;

  const open =
    params.get("confirm") === name && Object.entries(target).every(([key, value]) => params.get(key) === value);
  const anchor = `confirm-${name}${Object.values(target)
    .map((v) => `-${v}`)
    .join("")}`;
  const without = new URLSearchParams(params);
  for (const key of ["confirm", "notice", ...Object.keys(target)]) without.delete(key);
  const openParams = new URLSearchParams(without);
  openParams.set("confirm", name);
  for (const [key, value] of Object.entries(target)) openParams.set(key, value);
  const openHref = `?${openParams}#${anchor}`;
  const cancelHref = without.size > 0 ? `?${without}` : "?";

  const yesForm = (onSubmit?: () => void) => (
    <Form method="post" action={ownAddress} className="confirm-step__form" onSubmit={onSubmit}>
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
      <button type="submit" name="intent" value={intent} className={buttonClass(confirmVariant)}>
        {confirmLabel}
      </button>
      {onSubmit ? null : (
        <a className={buttonClass("ghost")} href={cancelHref}>
          {t("confirm.cancel")}
        </a>
      )}
    </Form>
  );

  if (open) {
    // The server-rendered step (works without JavaScript): it takes the opening button's place.
    return (
      <section id={anchor} className="confirm-step" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="confirm-step__title">
          {title}
        </h2>
        <div className="confirm-step__body">{children}</div>
        {yesForm()}
      </section>
    );
  }

  if (!hydrated) {
    return (
      <a className={buttonClass(variant)} href={openHref}>
        {label}
      </a>
    );
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={buttonClass(variant)}
        aria-haspopup="dialog"
        onClick={() => {
          dialogRef.current?.showModal();
          cancelRef.current?.focus();
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialogRef}
        className="confirm-step confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onClose={() => triggerRef.current?.focus()}
      >
        <h2 id={`${id}-title`} className="confirm-step__title">
          {title}
        </h2>
        <div id={`${id}-body`} className="confirm-step__body">
          {children}
        </div>
        <div className="confirm-step__actions">
          {yesForm(() => dialogRef.current?.close())}
          <button
            ref={cancelRef}
            type="button"
            className={buttonClass("ghost")}
            onClick={() => dialogRef.current?.close()}
          >
            {t("confirm.cancel")}
          </button>
        </div>
      </dialog>
    </>
  );
}
