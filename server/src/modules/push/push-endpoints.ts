/**
 * Why a push endpoint is refused, in French, or null when it is acceptable: an https address of a push
 * service. The server will POST to it, so addresses of this machine or a private network (an IP written
 * out, localhost) are refused too, unless the local push service of the tests is allowed.
 */
export function endpointProblem(endpoint: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'Adresse du service de notification invalide';
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || host === '127.0.0.1' || host === '::1';
  if (allowLocal && local && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'L’adresse du service de notification doit commencer par https://';
  if (local || host.endsWith('.localhost') || /^[\d.]+$/.test(host) || host.includes(':')) {
    return 'L’adresse du service de notification doit être celle d’un service de notification public';
  }
  if (url.username || url.password) return 'Adresse du service de notification invalide';
  return null;
}
