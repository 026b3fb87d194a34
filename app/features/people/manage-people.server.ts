// The one use case behind the admin's users page and HR's people page; the scope makes the difference.
import { createInvitation, revokeInvitation } from "~/features/auth/invitations.server";
import { resetSecondFactor } from "~/features/auth/second-factor.server";
import type { MessageKey } from "~/utils/i18n";
import { fail, ok, type Outcome } from "~/utils/use-case";
import type { CurrentUser } from "~/utils/session.server";
import { changeRole, erasePerson, setUserStatus, type Scope } from "./people.server";
import type { PeopleAction } from "./people.schema";

export type PeopleNotice = { notice: MessageKey; email?: string };

function done(outcome: Outcome, notice: MessageKey): Outcome<PeopleNotice> {
  return outcome.ok ? ok({ notice }) : outcome;
}

/** Carries out one button of the people page (input parsed by the page's schema) within the actor's scope. */
export async function managePeople(
  actor: CurrentUser,
  scope: Scope,
  input: PeopleAction,
): Promise<Outcome<PeopleNotice>> {
  switch (input.intent) {
    case "invite": {
      const organisationId =
        scope === "all" ? ("organisationId" in input ? input.organisationId : null) : scope.organisationId;
      const created = await createInvitation(actor, { ...input, organisationId });
      return created.ok ? ok({ notice: "admin.inviteSent", email: input.email }) : created;
    }
    case "revoke":
      return revokeInvitation(actor, input.invitationId, scope)
        ? ok({ notice: "admin.invitationRevoked" })
        : fail("not_found", "errors.notFound");
    case "changeRole":
      if (scope !== "all") return fail("forbidden", "errors.forbidden");
      return done(changeRole(actor, input.userId, input.role, scope), "admin.roleChanged");
    case "deactivate":
      return done(setUserStatus(actor, input.userId, "deactivated", scope), "admin.userDeactivated");
    case "reactivate":
      return done(setUserStatus(actor, input.userId, "active", scope), "admin.userReactivated");
    case "resetSecondFactor":
      if (scope !== "all") return fail("forbidden", "errors.forbidden");
      return done(resetSecondFactor(actor, input.userId), "secondFactor.adminResetDone");
    case "erase":
      return done(erasePerson(actor, input.userId, scope), "admin.userErased");
  }
}
