// An e-mail address on screen breaks only at sensible points (components/ui/email-parts.ts, decision 164): the
// <wbr> break opportunities are not copied with the text, so a copied address still works.
import { Fragment } from "react";
import { aroundEmail, emailParts } from "./email-parts";

export function EmailAddress({ address }: { address: string }) {
  return (
    <span className="email-address">
      {emailParts(address).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** A translated sentence that contains an address, with the address shown as `EmailAddress`. */
export function TextWithEmail({ text, address }: { text: string; address: string }) {
  const around = aroundEmail(text, address);
  if (!around) return <>{text}</>;
  return (
    <>
      {around.before}
      <EmailAddress address={address} />
      {around.after}
    </>
  );
}
