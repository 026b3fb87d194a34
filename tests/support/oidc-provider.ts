// A real OpenID Connect provider on localhost (oidc-provider 9), started per test file on a free port: its own
// RSA signing key, an in-memory adapter of our own, one confidential client, users with passwords, and a plain
// HTML login page. For the tests that need a misbehaving provider it can re-sign the ID token it issues with
// changed claims (still with its real key), or sign it with a key it does not publish.
import { createSign, generateKeyPairSync, type JsonWebKey, type KeyObject } from "node:crypto";
import http from "node:http";
// oidc-provider ships no types; the few parts used here are declared in oidc-provider-types.d.ts beside this file.
import Provider from "oidc-provider";
import { freePort } from "./server";

export type TestUser = { login: string; password: string; claims: Record<string, unknown> };
export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Rewrites the claims of the next ID tokens (re-signed with the published key) until reset with null. */
  tamper: (change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null) => void;
  /** Signs the next ID tokens with a key that is not in the JWKS (same key id), until reset with false. */
  forgeSignature: (on: boolean) => void;
  stop: () => Promise<void>;
};

type Stored = { payload: Record<string, unknown>; expiresAt: number | null; consumed?: number };

/** An adapter kept in a Map per provider instance (the built-in one is a shared development-only LRU). */
function memoryAdapter() {
  const store = new Map<string, Stored>();
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
    }
    async find(id: string) {
      const hit = store.get(this.key(id));
      if (!hit || (hit.expiresAt !== null && hit.expiresAt < Date.now())) return undefined;
      return hit.consumed ? { ...hit.payload, consumed: hit.consumed } : hit.payload;
    }
    async findByUid(uid: string) {
      for (const [key, value] of store)
        if (key.startsWith(`${this.model}:`) && value.payload.uid === uid)
          return this.find(key.slice(this.model.length + 1));
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key, value] of store)
        if (key.startsWith(`${this.model}:`) && value.payload.userCode === userCode)
          return this.find(key.slice(this.model.length + 1));
      return undefined;
    }
    async consume(id: string) {
      const hit = store.get(this.key(id));
      if (hit) hit.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, value] of store) if (value.payload.grantId === grantId) store.delete(key);
    }
  };
}

function b64url(value: Buffer | string): string {
  return Buffer.from(value).toString("base64url");
}

function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createSign("RSA-SHA256").update(input).sign(key);
  return `${input}.${b64url(signature)}`;
}

function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error: string | null, loginHint: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider – sign in</title></head>
<body><main><h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<p><label for="login">Username</label> <input id="login" name="login" autocomplete="username" value="${escape(loginHint)}" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in at the provider</button></p></form></main></body></html>`;
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  users: TestUser[];
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const clientId = "portal-test-client";
  const clientSecret = "portal-test-secret-0123456789abcdef";
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forged = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const jwk: JsonWebKey & { kid?: string; use?: string; alg?: string } = {
    ...privateKey.export({ format: "jwk" }),
    kid: "test-key-1",
    use: "sig",
    alg: "RS256",
  };
  const users = new Map(options.users.map((u) => [u.login, u]));

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-cookie-key-aaaaaaaaaaaaaaaa"] },
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "department"],
    },
    // Entra ID and most providers put the profile claims in the ID token; the portal reads them there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx: unknown, id: string) => {
      const user = users.get(id);
      return user ? { accountId: id, claims: async () => ({ sub: id, ...user.claims }) } : undefined;
    },
    // Consent is the provider's business: the test client is trusted, so every requested scope is granted.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  provider.proxy = false;

  let change: ((claims: Record<string, unknown>) => Record<string, unknown>) | null = null;
  let forge = false;
  const handler = provider.callback();

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", issuer);
      const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(url.pathname);
      if (match) {
        const details = await provider.interactionDetails(req, res);
        const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
        if (req.method === "POST" && match[2]) {
          const form = await readBody(req);
          const user = users.get(form.get("login") ?? "");
          if (!user || user.password !== form.get("password")) {
            res.writeHead(401, { "Content-Type": "text/html; charset=utf-8" });
            res.end(loginPage(details.uid, "Wrong username or password.", form.get("login") ?? ""));
            return;
          }
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: user.login } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        res.end(loginPage(details.uid, null, hint));
        return;
      }
      if (req.method === "POST" && url.pathname === "/token" && (change || forge)) {
        // Rewrite the ID token in the token response on its way out.
        const end = res.end.bind(res);
        res.setHeader = ((set) => (name: string, value: number | string | readonly string[]) =>
          name.toLowerCase() === "content-length" ? res : set(name, value))(res.setHeader.bind(res));
        res.end = ((chunk?: unknown) => {
          const text = Buffer.isBuffer(chunk) ? chunk.toString() : typeof chunk === "string" ? chunk : "";
          try {
            const body = JSON.parse(text) as { id_token?: string };
            if (body.id_token) {
              const [header, payload] = body.id_token
                .split(".")
                .slice(0, 2)
                .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()) as Record<string, unknown>);
              const claims = change ? change(payload ?? {}) : (payload ?? {});
              body.id_token = signJwt(header ?? {}, claims, forge ? forged : privateKey);
            }
            return end(JSON.stringify(body));
          } catch {
            return end(text);
          }
        }) as typeof res.end;
      }
      handler(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    issuer,
    clientId,
    clientSecret,
    tamper: (next) => (change = next),
    forgeSignature: (on) => (forge = on),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type ProviderContext = { oidc: { client: { clientId: string }; session: { accountId: string } } };
