import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DOCS_CONTENT_SECURITY_POLICY,
  JSON_CONTENT_SECURITY_POLICY,
  securityHeaders,
} from './security-headers';

function headersFor(url: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
  } as unknown as ServerResponse;
  const next = jest.fn();
  securityHeaders({ url } as IncomingMessage, response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return headers;
}

describe(securityHeaders.name, () => {
  it('forbids sniffing, framing, referrers and cross-origin loads on every answer', () => {
    expect(headersFor('/articles?q=x')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Permitted-Cross-Domain-Policies': 'none',
      'Content-Security-Policy': JSON_CONTENT_SECURITY_POLICY,
    });
  });

  it('lets nothing load or run from a JSON answer, the OpenAPI document included', () => {
    expect(JSON_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(JSON_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(headersFor('/docs-json')['Content-Security-Policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
    expect(headersFor('/stats')['Content-Security-Policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
  });

  it('lets the Swagger UI pages run their own scripts, and nothing from elsewhere', () => {
    for (const url of ['/docs', '/docs/', '/docs/swagger-ui-init.js?v=1']) {
      expect(headersFor(url)['Content-Security-Policy']).toBe(DOCS_CONTENT_SECURITY_POLICY);
    }
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(DOCS_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
