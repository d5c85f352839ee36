/**
 * Console errors that come from Playwright, not from the app. Playwright evaluates in every frame,
 * and Chromium reports that as blocked script in a frame sandboxed without scripts, such as the
 * report preview (microsoft/playwright#33343). Only that exact message, for srcdoc frames, is noise.
 */
export function isHarnessNoise(message: string): boolean {
  return (
    message ===
    "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."
  );
}
