// The Litestream binary (npm @flydotio/litestream ships it per platform) and the configuration we hand it.
// Replicas: a local directory (a path or file://…) or an S3-compatible bucket
// (s3://bucket/path?endpoint=https://…&region=…); keys come from LITESTREAM_ACCESS_KEY_ID /
// LITESTREAM_SECRET_ACCESS_KEY (or AWS_*) in the environment, never from the URL or the config file.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";

const require = createRequire(import.meta.url);

/**
 * The platform package's binary itself, not the package's `litestream` bin: that wrapper runs the binary with
 * spawnSync and does not pass signals on, so a supervisor could not stop it cleanly.
 */
export function litestreamBinary(): string {
  if (process.env.LITESTREAM_BIN) return process.env.LITESTREAM_BIN;
  const platformPackage = `@flydotio/litestream-${process.platform}-${process.arch}`;
  let manifest: string;
  try {
    manifest = require.resolve(`${platformPackage}/package.json`);
  } catch {
    throw new Error(
      `The Litestream binary for ${process.platform}-${process.arch} is not installed (${platformPackage}): run \`npm ci\`, or set LITESTREAM_BIN.`,
    );
  }
  const binary = path.join(path.dirname(manifest), "litestream");
  if (!fs.existsSync(binary))
    throw new Error(`${platformPackage} is installed but holds no binary at ${binary}: run \`npm ci\` again.`);
  return binary;
}

export type ReplicaConfig = Record<string, string | boolean>;

/** Turns REPLICA_URL (or the restore command's <replica>) into one Litestream replica entry. */
export function replicaConfig(replica: string, syncInterval = "1s"): ReplicaConfig {
  if (/^s3:\/\//i.test(replica)) {
    const url = new URL(replica);
    if (!url.hostname) throw new Error(`The replica ${replica} names no bucket (s3://bucket/path).`);
    const entry: ReplicaConfig = {
      type: "s3",
      bucket: url.hostname,
      path: url.pathname.replace(/^\/+/, ""),
      "sync-interval": syncInterval,
    };
    const endpoint = url.searchParams.get("endpoint");
    const region = url.searchParams.get("region");
    if (endpoint) entry.endpoint = endpoint;
    if (region) entry.region = region;
    if (url.searchParams.get("force-path-style") === "true") entry["force-path-style"] = true;
    if (url.searchParams.get("skip-verify") === "true") entry["skip-verify"] = true;
    return entry;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(replica) && !/^file:\/\//i.test(replica)) {
    throw new Error(`Replica ${replica}: only a local directory (path or file://) or s3://bucket/path is supported.`);
  }
  const dir = /^file:\/\//i.test(replica) ? new URL(replica).pathname : replica;
  return { type: "file", path: path.resolve(dir), "sync-interval": syncInterval };
}

export function isLocalReplica(config: ReplicaConfig): boolean {
  return config.type === "file";
}

/** Writes a Litestream configuration for one database and one replica; returns its path. */
export function writeLitestreamConfig(databaseFile: string, replica: ReplicaConfig): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-litestream-"));
  const file = path.join(dir, "litestream.yml");
  const config = {
    // JSON on stderr: the supervisor reads every line.
    logging: { level: "info", type: "json", stderr: true },
    dbs: [{ path: path.resolve(databaseFile), replicas: [replica] }],
  };
  fs.writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}
