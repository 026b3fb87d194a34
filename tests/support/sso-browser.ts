// What a browser does between the portal and the test provider, over real HTTP: follow the authorization URL,
// fill in the provider's login form, and stop where the provider sends the browser back to the portal.
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  password: string,
  portalCallback: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (pair && index > 0) jar.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  };
  let url = authorizationUrl;
  let method = "GET";
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(portalCallback)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { Cookie: cookieHeader(), ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    });
    remember(response);
    const location = response.headers.get("Location");
    if (location) {
      url = new URL(location, url).href;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action || method === "POST")
      throw new Error(`The provider answered ${response.status} without a way on: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    method = "POST";
    body = new URLSearchParams({ login, password });
  }
  throw new Error("Too many redirects at the provider");
}
