// A portal server process on a database file that outlives it: for tests that restart or kill the server.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./server";

export type PortalProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
};

export async function spawnPortal(options: {
  databasePath: string;
  smtpPort: number;
  env?: Record<string, string>;
}): Promise<PortalProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      DATABASE_PATH: options.databasePath,
      PORTAL_MODE: "demo",
      SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
      LOG_REQUESTS: "false",
      LOGIN_MAX_PER_IP: "1000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Server did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    output: () => output,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** Polls until the check holds (or fails after the timeout): outcomes, not sleeps. */
export async function until<T>(
  check: () => T | undefined | null | false,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
