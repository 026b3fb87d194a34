// Issue 11, finding 9: the forgot-password answer must not wait for the mail server, so a known address cannot be
// told from an unknown one by how long the answer takes. Here the mail server accepts connections and never
// says a word: an answer that waited for it would never come.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as forgot from "~/routes/forgot-password";
import { getDb } from "~/utils/db.server";
import { call, post, seeded } from "../support/requests";

const silent = net.createServer(() => {});
const sockets = new Set<net.Socket>();
silent.on("connection", (socket) => {
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  // Before the first mail of this file's process: the transport is made from SMTP_URL on first use.
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  await seeded();
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("forgot password (finding 9)", () => {
  it("answers a known and an unknown address alike while the mail server has not answered at all", async () => {
    const unknown = await call(forgot.action, post("/forgot-password", { email: "nobody@nowhere.example" }));
    const known = await call(forgot.action, post("/forgot-password", { email: "hr@zas.example" }));
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    // The reset mail for the known address waits in the outbox, unsent; none was queued for the unknown one.
    const queued = getDb()
      .$client.prepare("select to_email, status from outbox where kind = 'password_reset'")
      .all() as { to_email: string; status: string }[];
    expect(queued.map((row) => row.to_email)).toEqual(["hr@zas.example"]);
    expect(queued[0]?.status).not.toBe("sent");
  });
});
