// A real SMTP server on localhost that keeps what it receives: the demo's mailbox and the tests' inbox.
import { simpleParser } from "mailparser";
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type CaughtMail = {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  receivedAt: string;
  html?: string;
  /** Lower-case header names with their values as sent (List-Unsubscribe and the like). */
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
};

export type MailCatcher = {
  port: number;
  messages: CaughtMail[];
  /** SMTP connections opened so far (a pooled sender opens few and sends many mails over each). */
  connections: () => number;
  /** With `countOnly`: how many mails arrived per Message-ID. */
  messageIds: Map<string, number>;
  waitFor: (predicate: (mail: CaughtMail) => boolean, timeoutMs?: number) => Promise<CaughtMail>;
  close: () => Promise<void>;
};

export async function startMailCatcher(options: {
  port: number;
  host?: string;
  dir?: string;
  /** Tests: hold each message this long before accepting it; a client that hangs up meanwhile has not sent it. */
  holdMs?: () => number;
  /**
   * Benchmarks: keep no messages, only count each Message-ID (read from the raw header, without parsing the mail):
   * at 100,000 mails the parsed messages would fill the memory and the parsing would take a core.
   */
  countOnly?: boolean;
}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const closed = new Set<string>();
  let connections = 0;
  const messageIds = new Map<string, number>();
  const waiters = new Set<() => void>();
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    // A pooled sender keeps its connections open: closing the catcher hangs them up at once instead of waiting 30 s.
    closeTimeout: 100,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        if (options.countOnly) {
          const head = raw.subarray(0, Math.max(0, raw.indexOf("\r\n\r\n"))).toString("utf8");
          const id = /^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? "";
          messageIds.set(id, (messageIds.get(id) ?? 0) + 1);
          callback();
          return;
        }
        const hold = options.holdMs?.() ?? 0;
        new Promise((r) => setTimeout(r, hold))
          .then(() => {
            if (closed.has(session.id)) throw new Error("client went away before the message was accepted");
            return simpleParser(raw);
          })
          .then((parsed) => {
            const receivedAt = new Date().toISOString();
            const id = `${receivedAt.replace(/[:.]/g, "-")}-${messages.length + 1}`;
            const mail: CaughtMail = {
              id,
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              receivedAt,
              ...(typeof parsed.html === "string" ? { html: parsed.html } : {}),
              headers: Object.fromEntries(
                parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).trim()]),
              ),
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? "",
                contentType: a.contentType,
                content: a.content.toString("utf8"),
              })),
            };
            messages.push(mail);
            if (options.dir) fs.writeFileSync(path.join(options.dir, `${id}.json`), JSON.stringify(mail, null, 2));
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : options.port);
    });
  });

  return {
    port,
    messages,
    connections: () => connections,
    messageIds,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error("No matching e-mail arrived in time"));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Reads the demo mailbox folder, newest first. */
export function readMailbox(dir: string, limit = 50): CaughtMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as CaughtMail);
}
