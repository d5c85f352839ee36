/**
 * Applied to every web contents the app ever creates (window, devtools, anything a library opens),
 * not just the main window, so a new window cannot forget them.
 */
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { decidePermission, isAllowedNavigation, parseAllowedExternalUrl } from './security-policy';

/** Open an allowlisted https link in the user's browser; anything else is dropped with a warning. */
function openInBrowser(url: string): void {
  const allowed = parseAllowedExternalUrl(url);
  if (allowed === null) {
    console.warn(`blocked opening ${url}: not an allowed external URL`);
    return;
  }
  shell.openExternal(allowed.href).catch((error: unknown) => {
    console.error(`could not open ${allowed.href}`, error);
  });
}

export function guardWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  // No new windows at all; a link with target=_blank goes to the browser if it is allowed https.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url, devServerUrl)) return;
    event.preventDefault();
    openInBrowser(url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
  });

  // webviewTag is off everywhere; refuse outright in case something turns it back on.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

export function guardSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl, devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, devServerUrl),
  );
  // Nothing of ours needs USB/HID/serial/Bluetooth; deny device selection too.
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    // Saving goes through the save dialog IPC; a page-initiated download is not a feature.
    event.preventDefault();
  });
}
