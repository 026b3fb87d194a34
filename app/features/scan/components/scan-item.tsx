// One scan item: a small form of its own. Without JavaScript it posts and comes back to #item-<key>.
// With JavaScript every change is saved in the background; an answer that could not be saved stays on screen
// and is retried with backoff (and when the browser comes back online) — never silently dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDate, type MessageKey } from "~/utils/i18n-core";
import { useI18n } from "~/utils/i18n-react";
import { COMMENT_MAX } from "../constants";
import type { CommentConflict, SavedAnswer, SavedAnswerResult } from "../autosave.server";
import type { LocalisedDimension } from "../instrument.server";
import { ANSWER_VALUES, isAnswerValue, type AnswerValue } from "../scoring";

// The types the server sends (type imports only: nothing of the server reaches the browser).
export type ItemView = Pick<LocalisedDimension["items"][number], "key" | "text" | "help" | "core">;
export type ItemAnswer = Omit<SavedAnswer, "itemKey">;
type Status = "idle" | "saving" | "saved" | "failed" | "rejected" | "conflict";
type Replaced = SavedAnswerResult["replaced"];
/** A comment that lost to a newer one (decision 061): both are shown until the user chooses. */
export type ItemConflict = CommentConflict & { answer: ItemAnswer };

const MAX_DELAY = 30_000;

export function ScanItem({
  scanId,
  item,
  number,
  answer,
  locked,
  notice,
  error,
  conflict: initialConflict,
  onValue,
  onStatus,
}: {
  scanId: number;
  item: ItemView;
  number: string;
  answer: ItemAnswer | undefined;
  locked: boolean;
  notice?: MessageKey | null;
  error?: string | null;
  /** from a plain form post (no JavaScript) that met a newer comment */
  conflict?: ItemConflict | null;
  onValue: (itemKey: string, value: AnswerValue | undefined) => void;
  onStatus: (itemKey: string, unsaved: boolean) => void;
}) {
  const { t, locale, isKey } = useI18n();
  const date = (iso: string) => formatDate(locale, iso, true);
  const [value, setValue] = useState<AnswerValue | undefined>(answer?.value);
  const [comment, setComment] = useState(initialConflict ? (initialConflict.mine ?? "") : (answer?.comment ?? ""));
  const [saved, setSaved] = useState<ItemAnswer | undefined>(initialConflict?.answer ?? answer);
  const [status, setStatus] = useState<Status>(initialConflict ? "conflict" : "idle");
  const [message, setMessage] = useState<string | null>(null);
  const [replaced, setReplaced] = useState<Replaced>(null);
  const [conflict, setConflict] = useState<ItemConflict | null>(initialConflict ?? null);
  const conflictRef = useRef<ItemConflict | null>(initialConflict ?? null);
  const latest = useRef({ value, comment, revision: (initialConflict?.answer ?? answer)?.revision ?? 0 });
  // What the server last said about this item: the base of the next save, so values and comments merge apart.
  const base = useRef({
    value: (initialConflict?.answer ?? answer)?.value,
    comment: (initialConflict?.answer ?? answer)?.comment ?? "",
  });
  const inFlight = useRef(false);
  const again = useRef(false);
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const statusRef = useRef<Status>("idle");
  const commentTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const changeStatus = useCallback(
    (next: Status) => {
      statusRef.current = next;
      setStatus(next);
      onStatus(item.key, next === "saving" || next === "failed" || next === "conflict");
    },
    [item.key, onStatus],
  );

  // Someone else's newer answer arrives through revalidation: show it unless we hold an unsaved change.
  useEffect(() => {
    if (!answer) return;
    if (answer.revision <= latest.current.revision) return;
    if (statusRef.current === "saving" || statusRef.current === "failed" || statusRef.current === "conflict") return;
    latest.current = { value: answer.value, comment: answer.comment ?? "", revision: answer.revision };
    base.current = { value: answer.value, comment: answer.comment ?? "" };
    setValue(answer.value);
    setComment(answer.comment ?? "");
    setSaved(answer);
    const radios = formRef.current?.elements.namedItem("value");
    if (radios instanceof RadioNodeList) radios.value = answer.value;
    onValue(item.key, answer.value);
  }, [answer, item.key, onValue]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = latest.current;
    if (!current.value) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    changeStatus("saving");
    // While a comment conflict is open, saves (e.g. a new value) carry the comment that applies, not ours.
    const sentComment = conflictRef.current ? (conflictRef.current.theirs ?? "") : current.comment;
    const body = new URLSearchParams({
      itemKey: item.key,
      value: current.value,
      comment: sentComment,
      baseRevision: String(current.revision),
      baseValue: base.current.value ?? "",
      baseComment: base.current.comment,
    });
    let retry = false;
    try {
      const response = await fetch(`/hr/scans/${scanId}/answers`, {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        redirect: "manual",
      });
      const data: unknown = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      if ((response.ok || response.status === 409) && data && typeof data === "object" && "answer" in data) {
        const result = data as SavedAnswerResult;
        latest.current = { ...latest.current, revision: result.answer.revision };
        base.current = { value: result.answer.value, comment: result.answer.comment ?? "" };
        // The server keeps a colleague's newer value when we did not change ours: show what applies.
        if (!again.current && result.answer.value !== latest.current.value) {
          latest.current = { ...latest.current, value: result.answer.value };
          setValue(result.answer.value);
          const radios = formRef.current?.elements.namedItem("value");
          if (radios instanceof RadioNodeList) radios.value = result.answer.value;
          onValue(item.key, result.answer.value);
        }
        setSaved(result.answer);
        setReplaced(result.replaced);
        setMessage(null);
        attempt.current = 0;
        if (result.commentConflict && !conflictRef.current) {
          const next = { ...result.commentConflict, answer: result.answer };
          conflictRef.current = next;
          setConflict(next);
        }
        // A change made while this save was in flight is sent next.
        if (!again.current) changeStatus(conflictRef.current ? "conflict" : "saved");
      } else if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      ) {
        const error =
          data && typeof data === "object" && "error" in data
            ? String((data as { error: unknown }).error)
            : "errors.badRequest";
        setMessage(error);
        changeStatus("rejected");
      } else {
        retry = true;
      }
    } catch {
      retry = true;
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      void save();
      return;
    }
    if (retry) {
      changeStatus("failed");
      const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempt.current);
      attempt.current++;
      timer.current = setTimeout(() => void save(), delay);
    }
  }, [changeStatus, item.key, onValue, scanId]);

  const resolve = useCallback(
    (choice: "mine" | "theirs") => {
      const open = conflictRef.current;
      if (!open) return;
      conflictRef.current = null;
      setConflict(null);
      if (choice === "theirs") {
        const theirs = open.theirs ?? "";
        setComment(theirs);
        latest.current = { ...latest.current, comment: theirs };
        changeStatus("saved");
        return;
      }
      // Our comment, as it stands in the field now, saved on top of the one we have now seen.
      void save();
    },
    [changeStatus, save],
  );

  // A choice made before the page finished loading its scripts is in the DOM only: pick it up and save it,
  // once, right after hydration (the ref keeps the latest closure without re-running the effect).
  const pickUpEarlyChoice = useRef(() => {});
  pickUpEarlyChoice.current = () => {
    const form = formRef.current;
    if (!form || locked) return;
    const radios = form.elements.namedItem("value");
    const domValue = radios instanceof RadioNodeList ? radios.value : "";
    const textarea = form.elements.namedItem("comment");
    const domComment = textarea instanceof HTMLTextAreaElement ? textarea.value : "";
    const changedValue = domValue && isAnswerValue(domValue) && domValue !== latest.current.value;
    const changedComment = domComment !== latest.current.comment;
    if (!changedValue && !changedComment) return;
    if (changedValue && isAnswerValue(domValue)) {
      setValue(domValue);
      onValue(item.key, domValue);
      latest.current = { ...latest.current, value: domValue };
    }
    if (changedComment) {
      setComment(domComment);
      latest.current = { ...latest.current, comment: domComment };
    }
    void save();
  };
  useEffect(() => pickUpEarlyChoice.current(), []);

  useEffect(() => {
    const online = () => {
      if (statusRef.current === "failed") void save();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
      if (commentTimer.current) clearTimeout(commentTimer.current);
    };
  }, [save]);

  const { text, help } = item;
  const id = `item-${item.key}`;
  const helpId = `${id}-help`;
  const statusText =
    status === "saving"
      ? t("scan.status.saving")
      : status === "saved"
        ? t("scan.status.saved")
        : status === "failed"
          ? t(typeof navigator !== "undefined" && !navigator.onLine ? "scan.status.offline" : "scan.status.failed")
          : status === "rejected"
            ? t("scan.status.failedFinal", { message: message && isKey(message) ? t(message) : t("errors.unexpected") })
            : status === "conflict"
              ? t("scan.errors.commentConflict")
              : "";

  return (
    <li className={`scan-item ${value === undefined ? "" : "scan-item--answered"}`} id={id}>
      {/* A plain <form>, not Remix's <Form>: 40 of them, and with JavaScript the submit is always ours. */}
      <form
        method="post"
        action={`/hr/scans/${scanId}`}
        ref={formRef}
        className="scan-item__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="itemKey" value={item.key} />
        <input type="hidden" name="baseRevision" value={saved?.revision ?? 0} />
        <input type="hidden" name="baseValue" value={saved?.value ?? ""} />
        <input type="hidden" name="baseComment" value={saved?.comment ?? ""} />
        <fieldset className="scan-item__fieldset" disabled={locked} aria-describedby={helpId}>
          <legend className="scan-item__text">
            <span className="scan-item__number">{number}</span> {text}
            {item.core ? <span className="badge scan-item__core">{t("scan.core")}</span> : null}
          </legend>
          <p id={helpId} className="field__hint">
            {help}
          </p>
          <div className="scan-scale">
            {ANSWER_VALUES.map((v) => (
              <label key={v} className={`scan-scale__option scan-scale__option--${v.length > 1 ? "other" : "score"}`}>
                <input
                  type="radio"
                  name="value"
                  value={v}
                  defaultChecked={answer?.value === v}
                  onChange={() => {
                    setValue(v);
                    latest.current = { ...latest.current, value: v };
                    onValue(item.key, v);
                    void save();
                  }}
                />
                <span>{t(`scan.values.${v}`)}</span>
              </label>
            ))}
          </div>
          <div className="field scan-item__comment">
            <label htmlFor={`${id}-comment`}>{t("scan.comment")}</label>
            <textarea
              id={`${id}-comment`}
              name="comment"
              rows={2}
              maxLength={COMMENT_MAX}
              value={comment}
              onChange={(event) => {
                const next = event.target.value;
                setComment(next);
                latest.current = { ...latest.current, comment: next };
                if (commentTimer.current) clearTimeout(commentTimer.current);
                // An open conflict is resolved by a choice, never by an autosave.
                if (latest.current.value && !conflictRef.current)
                  commentTimer.current = setTimeout(() => void save(), 1500);
              }}
              onBlur={() => {
                if (commentTimer.current) clearTimeout(commentTimer.current);
                if (latest.current.value && !conflictRef.current && comment !== (saved?.comment ?? "")) void save();
              }}
            />
          </div>
          {locked ? null : (
            <div className="scan-item__footer">
              <button type="submit" className="button button--secondary button--small">
                {t("scan.save")}
              </button>
              <span className={`scan-item__status scan-item__status--${status}`} role="status" aria-live="polite">
                {statusText}
                {status === "failed" ? (
                  <button type="button" className="link-button" onClick={() => void save()}>
                    {t("scan.status.retry")}
                  </button>
                ) : null}
              </span>
            </div>
          )}
        </fieldset>
        {notice ? (
          <p className="scan-item__notice" role="status">
            {t(notice)}
          </p>
        ) : null}
        {error ? (
          <p className="field-errors" role="alert">
            {isKey(error) ? t(error) : t("errors.badRequest")}
          </p>
        ) : null}
        {conflict ? (
          <div className="scan-item__conflict alert alert--warning" role="alert">
            <p>
              <strong>{t("scan.conflict.title")}</strong>
            </p>
            <p>
              {conflict.byName
                ? t("scan.conflict.intro", { name: conflict.byName, time: date(conflict.at) })
                : t("scan.conflict.introUnknown", { time: date(conflict.at) })}
            </p>
            <p>{t("scan.conflict.theirs")}</p>
            <blockquote className="scan-item__quote">{conflict.theirs ?? t("scan.conflict.empty")}</blockquote>
            <p>{t("scan.conflict.mine")}</p>
            <blockquote className="scan-item__quote">{conflict.mine ?? t("scan.conflict.empty")}</blockquote>
            <p className="muted">{t("scan.conflict.hint")}</p>
            <div className="row-actions">
              {/* Without JavaScript "save" posts the field on top of the comment now seen; "keep" reloads the item. */}
              <button
                type="submit"
                className="button button--secondary button--small"
                onClick={(event) => {
                  event.preventDefault();
                  resolve("mine");
                }}
              >
                {t("scan.conflict.useMine")}
              </button>
              <a
                className="button button--ghost button--small"
                href={`/hr/scans/${scanId}?d=${item.key.split(".")[0] ?? ""}#item-${item.key}`}
                onClick={(event) => {
                  event.preventDefault();
                  resolve("theirs");
                }}
              >
                {t("scan.conflict.keepTheirs")}
              </a>
            </div>
          </div>
        ) : null}
        {replaced ? (
          <p className="scan-item__notice scan-item__notice--warning" role="status">
            {t("scan.replaced", {
              name: replaced.byName ?? "?",
              value: t(`scan.values.${replaced.value}`),
              time: date(replaced.at),
            })}
          </p>
        ) : null}
        {saved ? (
          <p className="scan-item__meta muted">
            {saved.answeredByName
              ? t("scan.lastAnswered", { name: saved.answeredByName, time: date(saved.answeredAt) })
              : t("scan.lastAnsweredUnknown", { time: date(saved.answeredAt) })}
          </p>
        ) : null}
      </form>
    </li>
  );
}
