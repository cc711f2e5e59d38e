/**
 * Saves text as a file from the page. The CSV comes through the contract as text and becomes a Blob here: an
 * `<a download>` of a `blob:` URL is a download (a navigation), not a fetch, so the CSP's `default-src 'none'`
 * does not block it (checked in Chromium by tests/e2e/reports.test.ts). Electron saves it like a browser would.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; give the browser a moment before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
