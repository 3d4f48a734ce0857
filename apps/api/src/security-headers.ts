import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * For JSON: nothing may load from it, run in it or frame it (as helmet's defaults, narrowed to
 * an API that serves no page).
 */
export const JSON_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * For the Swagger UI pages under /docs: its own scripts and styles (it writes inline styles),
 * data: images, and fetching the OpenAPI document from the same origin.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Sent on every answer, whatever the route. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Older browsers read this instead of frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/**
 * Express middleware setting the headers helmet would, without the dependency. No
 * Strict-Transport-Security: the API speaks plain HTTP behind whatever terminates TLS, which
 * is where that header belongs.
 */
export function securityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  const path = (request.url ?? '').split('?')[0] ?? '';
  const docsPage = path === '/docs' || path.startsWith('/docs/');
  response.setHeader(
    'Content-Security-Policy',
    docsPage ? DOCS_CONTENT_SECURITY_POLICY : JSON_CONTENT_SECURITY_POLICY,
  );
  next();
}
