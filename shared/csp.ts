/**
 * The page's Content Security Policy, written once: sent as a header by both hosts (Electron's session and
 * browser mode's server) and copied in `renderer/index.html`'s `<meta>` tag (tests/unit/electron/csp.test.ts checks
 * the copy). The header carries `frame-ancestors`, which only works in a header; a header also survives a page
 * that lost its tag.
 */
const PAGE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The `<meta>` tag's policy (a `<meta>` policy ignores `frame-ancestors`). */
export const META_CONTENT_SECURITY_POLICY = PAGE_DIRECTIVES.join('; ');

/** The header both hosts send with the page. */
export const CONTENT_SECURITY_POLICY = [...PAGE_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
