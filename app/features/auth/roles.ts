// The role list for browser-safe code; kept equal to db/schema's by the type checks below.
import type { Role } from "@db/schema";

export const ROLES = ["admin", "partner", "hr", "employee", "newcomer"] as const satisfies readonly Role[];
export type { Role };

type Missing = Exclude<Role, (typeof ROLES)[number]>;
const everyRoleListed: [Missing] extends [never] ? true : false = true;
void everyRoleListed;
