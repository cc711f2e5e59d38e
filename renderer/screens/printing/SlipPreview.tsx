import { useTranslation } from 'react-i18next';
import type { SlipPreview as SlipPreviewData } from '../../../shared/contract';
import './printing.css';

type PreviewItem = SlipPreviewData['items'][number];

/** The slip as the printer would put it on paper (its ESC/POS bytes read back by the virtual printer). */
export function SlipPreview({ preview }: { preview: SlipPreviewData }) {
  const { t } = useTranslation('ui');
  return (
    <figure className="slip-preview-frame">
      <div
        className={`slip-paper slip-paper--${preview.paperWidth}`}
        data-testid="slip-preview"
        aria-label={preview.title}
      >
        {preview.items.map((item, index) => (
          <PreviewLine
            key={index}
            item={item}
            qrLabel={t('printing.preview.qr')}
            cutLabel={t('printing.preview.cut')}
          />
        ))}
      </div>
    </figure>
  );
}

function PreviewLine({ item, qrLabel, cutLabel }: { item: PreviewItem; qrLabel: string; cutLabel: string }) {
  if (item.kind === 'cut') {
    return (
      <div className="slip-cut" role="separator" aria-label={cutLabel}>
        ✂
      </div>
    );
  }
  if (item.kind === 'qr') {
    return (
      <div className={`slip-line slip-line--${item.align}`}>
        <span className="slip-qr" data-qr={item.payload}>
          <span className="slip-qr__label">{qrLabel}</span>
          {item.payload}
        </span>
      </div>
    );
  }
  if (item.spans.length === 0) return <div className="slip-line">&nbsp;</div>;
  return (
    <div className={`slip-line slip-line--${item.align}`}>
      {item.spans.map((span, index) => (
        <span key={index} className={spanClass(span)}>
          {span.text}
        </span>
      ))}
    </div>
  );
}

function spanClass(span: { bold: boolean; underline: boolean; inverted: boolean; width: number; height: number }) {
  const classes = ['slip-span'];
  if (span.bold) classes.push('slip-span--bold');
  if (span.underline) classes.push('slip-span--underline');
  if (span.inverted) classes.push('slip-span--inverted');
  if (span.width > 1) classes.push('slip-span--wide');
  if (span.height > 1) classes.push('slip-span--tall');
  return classes.join(' ');
}
