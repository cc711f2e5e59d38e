/**
 * A QR code as inline SVG, for the HTML slip (on-screen preview and the OS printer route), matching what the
 * ESC/POS route asks the printer to draw: model 2, error correction M. The encoding itself is qrcode-generator's
 * (no dependencies, synchronous); this only draws its modules, one unit per module, with the 4-module quiet
 * zone scanners need.
 */
import qrcode from 'qrcode-generator';

const QUIET_ZONE = 4;

/** `payload` is ASCII (a ledger entry's id): qrcode-generator's byte mode keeps one byte per character. */
export function qrSvg(payload: string): string {
  if (!/^[\x20-\x7e]*$/.test(payload)) throw new Error('QR payloads on slips are printable ASCII');
  const qr = qrcode(0, 'M');
  qr.addData(payload, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.isDark(row, column)) path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" ` +
    `aria-hidden="true"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
