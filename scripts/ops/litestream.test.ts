import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeReplica } from "~/utils/operations";
import { replicaConfig } from "./litestream";

describe("replicaConfig: REPLICA_URL to one Litestream replica entry", () => {
  it.each([
    ["/var/backups/portal", { type: "file", path: "/var/backups/portal", "sync-interval": "1s" }],
    ["file:///var/backups/portal", { type: "file", path: "/var/backups/portal", "sync-interval": "1s" }],
    ["backups/portal", { type: "file", path: path.resolve("backups/portal"), "sync-interval": "1s" }],
    ["s3://portal-backups/prod/db", { type: "s3", bucket: "portal-backups", path: "prod/db", "sync-interval": "1s" }],
    [
      "s3://portal/db?endpoint=https://s3.example.org&region=eu-west-1&force-path-style=true",
      {
        type: "s3",
        bucket: "portal",
        path: "db",
        endpoint: "https://s3.example.org",
        region: "eu-west-1",
        "force-path-style": true,
        "sync-interval": "1s",
      },
    ],
  ])("%s", (url, expected) => {
    expect(replicaConfig(url)).toEqual(expected);
  });

  it("refuses other schemes and a bucketless S3 URL with a message that names the problem", () => {
    expect(() => replicaConfig("ftp://backup.example/portal")).toThrow(
      "only a local directory (path or file://) or s3://bucket/path",
    );
    expect(() => replicaConfig("s3:///path")).toThrow("names no bucket");
  });

  it("passes the sync interval on", () => {
    expect(replicaConfig("/r", "250ms")["sync-interval"]).toBe("250ms");
  });
});

describe("describeReplica: what the admin page and the log may show", () => {
  it.each([
    ["/var/backups/portal", "/var/backups/portal"],
    ["s3://portal/db?endpoint=https://s3.example.org", "s3://portal/db"],
    ["s3://KEY:SECRET@portal/db", "s3://portal/db"],
  ])("%s → %s", (url, shown) => {
    expect(describeReplica(url)).toBe(shown);
  });
});
