/** Name of the search parameter that carries the page to come back to after signing in. */
export const RETURN_PARAM = 'suite';

/** Keeps only same-site absolute paths, so a crafted link cannot send users to another site. */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/connexion')) return fallback;
  return value;
}

/** The sign-in URL that brings the user back to `path` afterwards. */
export function signInUrl(path: string): string {
  return path === '/' ? '/connexion' : `/connexion?${RETURN_PARAM}=${encodeURIComponent(path)}`;
}
