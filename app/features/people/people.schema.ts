// The forms of the admin's users page and HR's people page: one schema per page, one branch per button.
import { z } from "zod";
import { AdminInviteSchema, HrInviteSchema } from "~/features/auth/auth.schema";
import { ROLES } from "~/features/auth/roles";
import { confirmField, idField } from "~/utils/form-fields";

const userId = idField();

const PersonActions = [
  z.object({ intent: z.literal("revoke"), invitationId: idField() }),
  z.object({ intent: z.literal("changeRole"), userId, role: z.enum(ROLES, { error: "validation.invalidChoice" }) }),
  // Deactivating needs the confirmation step's field (decision 150); reactivating undoes it and needs none.
  z.object({ intent: z.literal("deactivate"), userId, confirm: confirmField() }),
  z.object({ intent: z.literal("reactivate"), userId }),
  z.object({ intent: z.literal("resetSecondFactor"), userId }),
  // The confirmation box must be ticked: erasure cannot be undone.
  z.object({ intent: z.literal("erase"), userId, confirm: confirmField() }),
] as const;

/** The admin invites to any organisation and role. */
export const AdminPeopleActionSchema = z.discriminatedUnion(
  "intent",
  [AdminInviteSchema.extend({ intent: z.literal("invite") }), ...PersonActions],
  {
    error: "errors.badRequest",
  },
);
/** HR invites colleagues and newcomers to its own organisation only. */
export const HrPeopleActionSchema = z.discriminatedUnion(
  "intent",
  [HrInviteSchema.extend({ intent: z.literal("invite") }), ...PersonActions],
  {
    error: "errors.badRequest",
  },
);
export type PeopleAction = z.output<typeof AdminPeopleActionSchema> | z.output<typeof HrPeopleActionSchema>;
