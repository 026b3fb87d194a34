// Form building blocks: work as plain HTML forms before JavaScript, and validate in the browser after it.
import { Form, useNavigation, useSubmit, type FormProps } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  FormProvider,
  useForm,
  useFormContext,
  type FieldErrors,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import { isMessageKey, type MessageKey } from "~/utils/i18n";
import { useI18n } from "~/utils/i18n-react";

export type FieldErrorMap = Partial<Record<string, string[]>>;

function zodResolver(schema: z.ZodType): Resolver<FieldValues> {
  return async (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values: result.data as FieldValues, errors: {} };
    const errors: FieldErrors<FieldValues> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join(".");
      if (!errors[key]) errors[key] = { type: issue.code, message: issue.message };
    }
    return { values: {}, errors };
  };
}

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type ZodFormProps = Omit<FormProps, "onSubmit"> & { schema: z.ZodType; children: ReactNode };

/**
 * A Remix <Form> that, once hydrated, checks the same zod schema as the action before posting.
 * Without JavaScript the browser posts it and the action answers with the same messages.
 */
export function ZodForm({ schema, children, ...props }: ZodFormProps) {
  const methods = useForm<FieldValues>({ resolver: zodResolver(schema), mode: "onTouched" });
  const submit = useSubmit();
  const ref = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  return (
    <FormProvider {...methods}>
      <Form
        {...props}
        ref={ref}
        noValidate={hydrated}
        onSubmit={(event) => {
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          void methods.handleSubmit(() => {
            if (ref.current) submit(submitter instanceof HTMLButtonElement ? submitter : ref.current);
          })(event);
        }}
      >
        {children}
      </Form>
    </FormProvider>
  );
}

export function ErrorList({ id, errors }: { id?: string; errors?: (string | undefined)[] }) {
  const { t } = useI18n();
  const shown = (errors ?? []).filter((e): e is string => Boolean(e));
  if (shown.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {shown.map((error) => (
        <li key={error}>{isMessageKey(error) ? t(error) : error}</li>
      ))}
    </ul>
  );
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
  const form = useFormContext();
  const clientError = form?.formState.errors[name]?.message;
  const allErrors = [...(typeof clientError === "string" ? [clientError] : []), ...(clientError ? [] : (errors ?? []))];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, allErrors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const registered = form ? form.register(name) : { name };
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
        {...registered}
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
  const form = useFormContext();
  const clientError = form?.formState.errors[name]?.message;
  const allErrors = typeof clientError === "string" ? [clientError] : (errors ?? []);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, allErrors.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const registered = form ? form.register(name) : { name };
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
        {...registered}
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
      <input id={id} type="checkbox" name={name} value="on" defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{t(label)}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {t(hint)}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, intent, variant = "primary" }: { children: ReactNode; intent?: string; variant?: "primary" | "secondary" | "danger" | "ghost" }) {
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
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {isMessageKey(error) ? t(error) : t("errors.unexpected")}
    </div>
  );
}
