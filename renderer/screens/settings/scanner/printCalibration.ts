/**
 * Prints only the calibration sheet: a class on <html> turns on the print rules of scanner.css for this one
 * print, so other printing (entry slips) is unaffected.
 */
const PRINTING_CLASS = 'printing-calibration';

export function printCalibration(): void {
  const root = document.documentElement;
  root.classList.add(PRINTING_CLASS);
  window.addEventListener('afterprint', () => root.classList.remove(PRINTING_CLASS), { once: true });
  window.print();
}
