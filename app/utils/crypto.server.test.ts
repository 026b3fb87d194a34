// Sign-in is argon2id by design (m=19456 KiB, t=2): tens of milliseconds of CPU per check. It must run off the
// thread that answers requests, or every sign-in stalls every other user (decision 098).
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./crypto.server";

/** How many turns the event loop makes while `work` is pending: 0 means it ran on this thread. */
async function loopTurnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await work();
  done = true;
  return { value, turns };
}

describe("argon2id off the request thread", () => {
  it("hashes and verifies while the event loop keeps turning", async () => {
    const hashed = await loopTurnsDuring(() => hashPassword("correct horse battery staple"));
    expect(hashed.value.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(hashed.turns).toBeGreaterThan(1);

    const good = await loopTurnsDuring(() => verifyPassword(hashed.value, "correct horse battery staple"));
    expect(good).toMatchObject({ value: true });
    expect(good.turns).toBeGreaterThan(1);

    const bad = await loopTurnsDuring(() => verifyPassword(hashed.value, "wrong horse battery staple"));
    expect(bad).toMatchObject({ value: false });
    expect(bad.turns).toBeGreaterThan(1);
  });
});
