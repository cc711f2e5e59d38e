import { useTranslation } from 'react-i18next';
import { code128Widths, QUIET_ZONE } from '../../../../shared/scanner/code128';
import { CALIBRATION_PAYLOAD } from '../../../../shared/scanner/payload';

const MODULE_PX = 2;
const HEIGHT_PX = 110;

/** The calibration payload as a Code 128, drawn with SVG rectangles (sharp on screen and on paper). */
export function CalibrationBarcode() {
  const { t } = useTranslation('ui');
  const widths = code128Widths(CALIBRATION_PAYLOAD);
  const modules = widths.reduce((sum, w) => sum + w, 0) + 2 * QUIET_ZONE;
  const bars: { x: number; width: number }[] = [];
  let x = QUIET_ZONE;
  widths.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x, width });
    x += width;
  });
  return (
    <figure className="calibration-barcode" data-testid="calibration-barcode">
      <svg
        role="img"
        aria-label={t('scanner.settings.calibration_alt')}
        viewBox={`0 0 ${modules} 1`}
        width={modules * MODULE_PX}
        height={HEIGHT_PX}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
      >
        <rect x={0} y={0} width={modules} height={1} fill="#fff" />
        {bars.map((bar) => (
          <rect key={bar.x} x={bar.x} y={0} width={bar.width} height={1} fill="#000" />
        ))}
      </svg>
      <figcaption className="calibration-barcode__text">{CALIBRATION_PAYLOAD}</figcaption>
    </figure>
  );
}
