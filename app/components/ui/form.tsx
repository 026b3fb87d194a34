// Form building blocks: work as plain HTML forms before JavaScript, and check in the browser after it.
// The browser check reads the inputs' own constraints (required, type, minLength, maxLength) through the
// Constraint Validation API and shows the same translated messages the server's schemas give; the server
// stays the authority and its answer is shown after posting. No schema library is shipped to the browser.
import { Form, useNavigation, type FormProps } from "@remix-run/react";
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { MessageKey, TranslateParams } from "~/utils/i18n-core";
import { useI18n } from "~/utils/i18n-react";
import { messageForValidity, type ClientMessage } from "./validity";
import { ErrorList } from "./error-list";

export type FieldErrorMap = Partial<Record<string, string[]>>;

type ClientErrors = Record<string, ClientMessage>;
const ClientErrorsContext = createContext<ClientErrors>({});

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type Checkable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isCheckable(target: EventTarget | null): target is Checkable {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
  );
}

function messageFor(element: Checkable): ClientMessage | null {
  return messageForValidity(element.validity, {
    type: element.type,
    minLength: "minLength" in element ? element.minLength : undefined,
    maxLength: "maxLength" in element ? element.maxLength : undefined,
  });
}

type CheckedFormProps = Omit<FormProps, "onSubmit" | "noValidate"> & { children: ReactNode };

/**
 * A Remix <Form> that, once hydrated, checks its fields' constraints before posting (on leaving a field, and
 * on submit, with focus moved to the first field to fix). Without JavaScript the browser posts it and the
 * action answers with the same messages.
 */
export function CheckedForm({ children, ...props }: CheckedFormProps) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<ClientErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const update = (element: Checkable) =>
    setErrors((previous) => {
      const message = messageFor(element);
      const { [element.name]: _old, ...rest } = previous;
      return message ? { ...rest, [element.name]: message } : rest;
    });
  return (
    <ClientErrorsContext.Provider value={errors}>
      <Form
        {...props}
        ref={ref}
        noValidate={hydrated}
        onBlur={(event) => {
          if (isCheckable(event.target) && event.target.name && event.target.value !== "") update(event.target);
        }}
        onInput={(event) => {
          if (isCheckable(event.target) && event.target.name in errors) update(event.target);
        }}
        onSubmit={(event) => {
          const found: ClientErrors = {};
          let first: Checkable | null = null;
          for (const element of Array.from(event.currentTarget.elements)) {
            if (!isCheckable(element) || !element.name || element.disabled) continue;
            const message = messageFor(element);
            if (!message) continue;
            found[element.name] ??= message;
            first ??= element;
          }
          setErrors(found);
          if (first) {
            event.preventDefault();
            first.focus();
          }
        }}
      >
        {children}
      </Form>
    </ClientErrorsContext.Provider>
  );
}

function useClientError(name: string): { key: MessageKey; params?: TranslateParams } | undefined {
  return useContext(ClientErrorsContext)[name];
}

type FieldProps = {
  name: string;
  label: MessageKey;
  type?: "text" | "email" | "password" | "date" | "number" | "search";
  defaultValue?: string | number;
  errors?: string[];
  hint?: MessageKey;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
  optional?: boolean;
  autoFocus?: boolean;
};

export function Field({ name, label, type = "text", defaultValue, errors, hint, optional, ...rest }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const clientError = useClientError(name);
  const allErrors = clientError ? [t(clientError.key, clientError.params)] : (errors ?? []);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, allErrors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(label)}
        {optional ? <span className="field__optional"> {t("common.optional")}</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {t(hint)}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={allErrors.length ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
        name={name}
      />
      <ErrorList id={errorId} errors={allErrors} />
    </div>
  );
}

type SelectProps = {
  name: string;
  label: MessageKey;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
  hint?: MessageKey;
  required?: boolean;
  includeEmpty?: boolean;
};

export function SelectField({ name, label, options, defaultValue, errors, hint, required, includeEmpty }: SelectProps) {
  const { t } = useI18n();
  const id = useId();
  const clientError = useClientError(name);
  const allErrors = clientError ? [t(clientError.key, clientError.params)] : (errors ?? []);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, allErrors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {t(hint)}
        </p>
      ) : null}
      <select
        id={id}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={allErrors.length ? true : undefined}
        aria-describedby={describedBy}
        name={name}
      >
        {includeEmpty ? <option value="">—</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={allErrors} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
  hint,
}: {
  name: string;
  label: MessageKey;
  defaultChecked?: boolean;
  hint?: MessageKey;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        name={name}
        value="on"
        defaultChecked={defaultChecked}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {t(hint)}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  children,
  intent,
  variant = "primary",
}: {
  children: ReactNode;
  intent?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button
      type="submit"
      className={`button button--${variant}`}
      name={intent ? "intent" : undefined}
      value={intent}
      aria-disabled={busy || undefined}
    >
      {children}
    </button>
  );
}

export function FormError({ error }: { error?: string | null }) {
  const { t, isKey } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {isKey(error) ? t(error) : t("errors.unexpected")}
    </div>
  );
}
