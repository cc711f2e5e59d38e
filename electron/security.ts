/**
 * Window and session security of the Electron host, following Electron's checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). Kept apart from `main.ts` so unit tests can
 * check every rule with fakes: the page is only ever our own renderer file, and it may ask for nothing.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** The page talks to the core through the preload only: no Node, no webviews, no remote content. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    // A file dropped on the window must not replace the guichet.
    navigateOnDragDrop: false,
  };
}

/**
 * True when `candidate` is the renderer page itself (any hash or query, since the UI may route with them).
 * Paths are compared after `decodeURI` because Chromium and Node percent-encode a few characters differently;
 * on Windows the comparison ignores case (drive letters come back as `c:` or `C:`).
 */
export function isAppPage(
  candidate: string,
  appPageUrl: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const page = parseFileUrl(candidate);
  const app = parseFileUrl(appPageUrl);
  if (page === null || app === null || page.host !== app.host) return false;
  const fold = (path: string): string => (platform === 'win32' ? path.toLowerCase() : path);
  return fold(page.path) === fold(app.path);
}

function parseFileUrl(value: string): { host: string; path: string } | null {
  try {
    const url = new URL(value);
    return url.protocol === 'file:' ? { host: url.host, path: decodeURI(url.pathname) } : null;
  } catch {
    return null;
  }
}

/**
 * Rules for every web contents the app creates (installed from `app.on('web-contents-created')`): no popup,
 * no navigation away from the renderer page, no `<webview>`.
 */
export function guardWebContents(contents: WebContents, appPageUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const keepOnAppPage = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppPage(event.url, appPageUrl)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnAppPage);
  // Sub-frames (there should be none) and server redirects are held to the same rule.
  contents.on('will-frame-navigate', keepOnAppPage);
  contents.on('will-redirect', keepOnAppPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one permission the page may have: desktop notifications of new bookings (renderer/notifications). */
export const ALLOWED_PERMISSIONS: readonly string[] = ['notifications'];

export function isAllowedPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

/** No camera, microphone, geolocation or device permission: everything but notifications is refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** Our policy replaces any other: a looser one sent alongside would not loosen it, but it would confuse. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
