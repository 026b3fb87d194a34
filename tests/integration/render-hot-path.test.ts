// What every signed-in document request does beside its page (decision 188): the root loader's unread count runs one
// statement prepared once per connection, not a query built and compiled again per request, and still counts only
// the user's own unread notifications.
import { afterEach, describe, expect, it, vi } from "vitest";
import { notifications } from "@db/schema-notifications";
import { unreadCount } from "~/features/notifications/notify.server";
import { getDb } from "~/utils/db.server";
import { createOrganisation, createUser } from "../support/factories";

afterEach(() => vi.restoreAllMocks());

function notify(userId: number, organisationId: number, eventKey: string, readAt: string | null) {
  getDb()
    .insert(notifications)
    .values({
      userId,
      organisationId,
      kind: "action_due",
      eventKey,
      link: "/hr",
      createdAt: "2026-12-01T08:00:00Z",
      readAt,
    })
    .run();
}

describe("the unread count of the root loader", () => {
  it("counts the user's own unread notifications only", () => {
    const organisation = createOrganisation();
    const reader = createUser({ role: "hr", organisationId: organisation.id });
    const colleague = createUser({ role: "hr", organisationId: organisation.id });
    expect(unreadCount(reader.id)).toBe(0);
    notify(reader.id, organisation.id, "a", null);
    notify(reader.id, organisation.id, "b", null);
    notify(reader.id, organisation.id, "c", "2026-12-01T09:00:00Z");
    notify(colleague.id, organisation.id, "a", null);
    expect(unreadCount(reader.id)).toBe(2);
    expect(unreadCount(colleague.id)).toBe(1);
  });

  it("compiles no SQL once its statement is prepared", () => {
    const organisation = createOrganisation();
    const reader = createUser({ role: "hr", organisationId: organisation.id });
    unreadCount(reader.id);
    const prepare = vi.spyOn(getDb().$client, "prepare");
    notify(reader.id, organisation.id, "a", null);
    prepare.mockClear();
    expect(unreadCount(reader.id)).toBe(1);
    expect(unreadCount(reader.id)).toBe(1);
    expect(prepare).not.toHaveBeenCalled();
  });
});
