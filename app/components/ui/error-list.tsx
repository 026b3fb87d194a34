// The list of a field's errors (messages or message keys), in its own module so that pages showing errors on
// their own small forms do not load the whole form kit (page weight, decision 143).
import { useI18n } from "~/utils/i18n-react";

export function ErrorList({ id, errors }: { id?: string; errors?: (string | undefined)[] }) {
  const { t, isKey } = useI18n();
  const shown = (errors ?? []).filter((e): e is string => Boolean(e));
  if (shown.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {shown.map((error) => (
        <li key={error}>{isKey(error) ? t(error) : error}</li>
      ))}
    </ul>
  );
}
