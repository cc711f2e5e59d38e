/**
 * The guichet window shows our page and nothing else, and the page can ask the machine for nothing.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { guardWebContents, hardenSession, isAppPage, secureWebPreferences } from '../../../electron/security';
import { fakeSession, fakeWebContents } from './fakes';

const appPage = pathToFileURL('/opt/guichet/dist/renderer/index.html').href;

describe('window preferences', () => {
  it('isolate the page from Node and sandbox it, with the preload as the only bridge', () => {
    const prefs = secureWebPreferences('/opt/guichet/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/opt/guichet/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});

describe('recognising our own page', () => {
  it('accepts the renderer file, with or without a hash route', () => {
    expect(isAppPage(appPage, appPage)).toBe(true);
    expect(isAppPage(`${appPage}#/journal`, appPage)).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppPage(pathToFileURL('/etc/passwd').href, appPage)).toBe(false);
    expect(isAppPage(pathToFileURL('/opt/guichet/dist/renderer/other.html').href, appPage)).toBe(false);
    expect(isAppPage('https://evil.example/index.html', appPage)).toBe(false);
    expect(isAppPage('not a url', appPage)).toBe(false);
  });

  it('matches paths Chromium and Node encode differently, and Windows drive letters in any case', () => {
    const spaced = pathToFileURL('/home/caisse/Mes Documents/dist/renderer/index.html').href;
    expect(isAppPage('file:///home/caisse/Mes%20Documents/dist/renderer/index.html', spaced)).toBe(true);
    expect(isAppPage('file:///c:/Guichet/index.html', 'file:///C:/Guichet/index.html', 'win32')).toBe(true);
    expect(isAppPage('file:///c:/Guichet/index.html', 'file:///C:/Guichet/index.html', 'linux')).toBe(false);
  });
});

describe('navigation', () => {
  it('refuses every new window (window.open, target=_blank)', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, appPage);
    expect(fake.openWindow('https://pass.culture.fr')).toEqual({ action: 'deny' });
    expect(fake.openWindow(appPage)).toEqual({ action: 'deny' });
  });

  it('keeps the window on the guichet page', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, appPage);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fake.emit(event, { url: 'https://evil.example/' }), event).toBe(true);
      expect(fake.emit(event, { url: pathToFileURL('/etc/passwd').href }), event).toBe(true);
      expect(fake.emit(event, { url: `${appPage}#/accueil` }), event).toBe(false);
    }
  });

  it('never attaches a <webview>', () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, appPage);
    expect(fake.emit('will-attach-webview')).toBe(true);
  });
});

describe('session', () => {
  it('grants desktop notifications (new bookings) and nothing else', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(fake.requestPermission('notifications')).toBe(true);
    expect(fake.checkPermission('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'hid', 'midi', 'openExternal', 'unknown']) {
      expect(fake.requestPermission(permission), permission).toBe(false);
      expect(fake.checkPermission(permission), permission).toBe(false);
    }
  });

  it('adds the strict Content-Security-Policy header, replacing any other', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(fake.receiveHeaders(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    const headers = fake.receiveHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('has a policy that allows only our own scripts, styles, fonts and images', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("renderer/index.html's <meta> policy is the hosts' policy (less frame-ancestors, which only a header can carry)", () => {
    const html = fs.readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
