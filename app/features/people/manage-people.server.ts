// The one use case behind the admin's users page and HR's people page; the scope makes the difference.
import { z } from "zod";
import { AdminInviteSchema, HrInviteSchema } from "~/features/auth/auth.schema";
import { createInvitation, revokeInvitation } from "~/features/auth/invitations.server";
import { ROLES } from "~/features/auth/roles";
import { resetSecondFactor } from "~/features/auth/second-factor.server";
import { idField } from "~/utils/form-fields";
import { parseForm, type FieldErrors } from "~/utils/forms";
import type { CurrentUser } from "~/utils/session.server";
import { changeRole, erasePerson, setUserStatus, type Scope } from "./people.server";

export type ManageResult = { status: number; intent: string; errors: FieldErrors; formError: string | null; notice: string | null; email?: string };

const IdSchema = idField();

export async function managePeople(actor: CurrentUser, scope: Scope, form: FormData): Promise<ManageResult> {
  const intent = String(form.get("intent") ?? "");
  const base = { intent, errors: {}, formError: null, notice: null };
  const bad = (formError: string, status = 400): ManageResult => ({ ...base, status, formError });

  if (intent === "invite") {
    if (scope === "all") {
      const parsed = parseForm(AdminInviteSchema, form);
      if (!parsed.success) return { ...base, status: 400, errors: parsed.fieldErrors, formError: "common.formErrors" };
      const result = await createInvitation(actor, parsed.data);
      if (!result.ok) return { ...base, status: 400, errors: { [result.field]: [result.message] }, formError: "common.formErrors" };
      return { ...base, status: 200, notice: "admin.inviteSent", email: parsed.data.email };
    }
    const parsed = parseForm(HrInviteSchema, form);
    if (!parsed.success) return { ...base, status: 400, errors: parsed.fieldErrors, formError: "common.formErrors" };
    const result = await createInvitation(actor, { ...parsed.data, organisationId: scope.organisationId });
    if (!result.ok) return { ...base, status: 400, errors: { [result.field]: [result.message] }, formError: "common.formErrors" };
    return { ...base, status: 200, notice: "admin.inviteSent", email: parsed.data.email };
  }

  if (intent === "revoke") {
    const id = IdSchema.safeParse(form.get("invitationId"));
    if (!id.success) return bad("errors.badRequest");
    if (!revokeInvitation(actor, id.data, scope)) return bad("errors.notFound", 404);
    return { ...base, status: 200, notice: "admin.invitationRevoked" };
  }

  const userId = IdSchema.safeParse(form.get("userId"));
  if (!userId.success) return bad("errors.badRequest");

  if (intent === "changeRole") {
    if (scope !== "all") return bad("errors.forbidden", 403);
    const role = z.enum(ROLES).safeParse(form.get("role"));
    if (!role.success) return bad("validation.invalidChoice");
    const result = changeRole(actor, userId.data, role.data, scope);
    return result.ok ? { ...base, status: 200, notice: "admin.roleChanged" } : bad(result.message, result.status);
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const result = setUserStatus(actor, userId.data, intent === "deactivate" ? "deactivated" : "active", scope);
    if (!result.ok) return bad(result.message, result.status);
    return { ...base, status: 200, notice: intent === "deactivate" ? "admin.userDeactivated" : "admin.userReactivated" };
  }
  if (intent === "resetSecondFactor") {
    if (scope !== "all") return bad("errors.forbidden", 403);
    const result = resetSecondFactor(actor, userId.data);
    return result.ok ? { ...base, status: 200, notice: "secondFactor.adminResetDone" } : bad(result.message, result.status);
  }
  if (intent === "erase") {
    // The confirmation box must be ticked: erasure cannot be undone.
    if (form.get("confirm") !== "yes") return bad("admin.eraseConfirmRequired");
    const result = erasePerson(actor, userId.data, scope);
    if (!result.ok) return bad(result.message, result.status);
    return { ...base, status: 200, notice: "admin.userErased" };
  }
  return bad("errors.badRequest");
}
