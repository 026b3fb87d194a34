// One session lookup per reading request (issue 17): the root's loader and the route's share the signed-in user.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions } from "@db/schema";
import { getDb } from "~/utils/db.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { destroySession, getCurrentUser } from "~/utils/session.server";
import { cookieFor, get, post, seeded } from "../support/requests";

beforeAll(async () => {
  await seeded();
});

function sessionIdOf(cookie: string): string {
  const request = get("/", cookie);
  const user = getCurrentUser(request);
  if (!user) throw new Error("no session");
  return user.sessionId;
}

const endSession = (sessionId: string) => getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();

describe("the signed-in user within one request", () => {
  it("is looked up once for a reading request, however many loaders ask", () => {
    const cookie = cookieFor("hr@zas.example");
    const sessionId = sessionIdOf(cookie);
    const request = get("/hr", cookie);
    const [first, second] = inRequestScope(() => {
      const a = getCurrentUser(request);
      endSession(sessionId);
      return [a, getCurrentUser(request)];
    });
    expect(first?.email).toBe("hr@zas.example");
    expect(second).toEqual(first);
    // The next request looks again and finds the session gone.
    expect(inRequestScope(() => getCurrentUser(get("/hr", cookie)))).toBeNull();
  });

  it("is looked up again in a writing request, and after the session ends", () => {
    const cookie = cookieFor("hr@zas.example");
    const sessionId = sessionIdOf(cookie);
    const writing = post("/account", { name: "x" }, cookie);
    const afterEnd = inRequestScope(() => {
      expect(getCurrentUser(writing)?.email).toBe("hr@zas.example");
      endSession(sessionId);
      return getCurrentUser(writing);
    });
    expect(afterEnd).toBeNull();

    const other = cookieFor("hr@zas.example");
    const reading = get("/hr", other);
    const afterSignOut = inRequestScope(() => {
      expect(getCurrentUser(reading)?.email).toBe("hr@zas.example");
      destroySession(reading);
      return getCurrentUser(reading);
    });
    expect(afterSignOut).toBeNull();
  });

  it("is looked up each time outside a request's scope", () => {
    const cookie = cookieFor("hr@zas.example");
    const sessionId = sessionIdOf(cookie);
    const request = get("/hr", cookie);
    expect(getCurrentUser(request)?.email).toBe("hr@zas.example");
    endSession(sessionId);
    expect(getCurrentUser(request)).toBeNull();
  });
});
