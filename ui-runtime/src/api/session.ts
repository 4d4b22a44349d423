// The signed-in user's bearer token, kept for the browser tab's session. Dev mode gets it from
// the embedded identity provider; OIDC mode from the authorization code flow with PKCE.
import type { UserManager } from 'oidc-client-ts';
import type { AuthConfig } from '@prm/ui';

const KEY = 'prm.session';

export interface Session {
  token: string;
  username: string;
  mode: 'dev' | 'oidc';
  expiresAt: number;
}

type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function setSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l(s));
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const r = await fetch('/api/v1/ui/auth', { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`sign-in configuration unavailable (${r.status})`);
  return (await r.json()) as AuthConfig;
}

export async function devSignIn(username: string): Promise<Session> {
  const r = await fetch('/api/dev-identity/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!r.ok) throw new Error(`sign-in refused (${r.status})`);
  const body = (await r.json()) as { access_token: string; expires_in?: number };
  const s: Session = {
    token: body.access_token,
    username,
    mode: 'dev',
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 - 30_000,
  };
  setSession(s);
  return s;
}

let manager: UserManager | null = null;

/** The OIDC client, loaded only when OIDC is configured (it is not needed in dev mode). */
export async function oidcManager(config: AuthConfig): Promise<UserManager> {
  if (!config.oidc) throw new Error('OIDC is not configured');
  if (!manager) {
    const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
    manager = new UserManager({
      authority: config.oidc.authority,
      client_id: config.oidc.clientId,
      redirect_uri: `${window.location.origin}/auth/callback`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      response_type: 'code',
      scope: config.oidc.scopes ?? 'openid profile',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }
  return manager;
}

/** Starts the authorization code flow (PKCE is oidc-client-ts's default for response_type=code). */
export async function oidcSignIn(config: AuthConfig, returnTo: string): Promise<void> {
  await (await oidcManager(config)).signinRedirect({ state: { returnTo } });
}

/** Completes the flow on /auth/callback and returns where the user was going. */
export async function oidcCallback(config: AuthConfig): Promise<string> {
  const user = await (await oidcManager(config)).signinRedirectCallback();
  setSession({
    token: user.access_token,
    username: (user.profile.preferred_username as string) ?? user.profile.sub,
    mode: 'oidc',
    expiresAt: (user.expires_at ?? Date.now() / 1000 + 300) * 1000,
  });
  return ((user.state as { returnTo?: string } | undefined)?.returnTo) ?? '/';
}

export async function signOut(config: AuthConfig | null): Promise<void> {
  const s = currentSession();
  setSession(null);
  if (s?.mode === 'oidc' && config?.oidc) {
    await (await oidcManager(config)).signoutRedirect();
  }
}
