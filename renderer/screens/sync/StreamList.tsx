import { useTranslation } from 'react-i18next';
import type { SyncOverview } from '../../../shared/contract';
import { useVenueTimeZone } from '../../context/coreContext';
import { formatTimeAgo } from '../../format/dates';
import { isWorthShowing, streamName } from './streamName';

interface StreamListProps {
  streams: SyncOverview['streams'];
  now: Date;
}

/** Each sync stream: when it last ran, last succeeded, and its last error. */
export function StreamList({ streams, now }: StreamListProps) {
  const { t } = useTranslation('ui');
  const timeZone = useVenueTimeZone();
  const when = (iso: string | null) => (iso ? formatTimeAgo(iso, now, timeZone) : t('sync.never'));
  const shown = streams.filter(isWorthShowing);
  const label = (name: string) => {
    const { known, detail } = streamName(name);
    if (!known) return name;
    return detail ? t('sync.stream_detail', { stream: t(`sync.stream.${known}`), detail }) : t(`sync.stream.${known}`);
  };
  if (shown.length === 0) return <p className="screen-empty">{t('sync.streams_empty')}</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('sync.streams_title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sync.stream_column.name')}</th>
          <th scope="col">{t('sync.stream_column.last_run')}</th>
          <th scope="col">{t('sync.stream_column.last_success')}</th>
          <th scope="col">{t('sync.stream_column.last_error')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((stream) => (
          <tr key={stream.name} data-testid="sync-stream" data-stream={stream.name}>
            <th scope="row">{label(stream.name)}</th>
            <td>{when(stream.lastRunAt)}</td>
            <td>{when(stream.lastSuccessAt)}</td>
            <td className={stream.lastError ? 'data-table__error' : undefined}>
              {stream.lastError ?? t('sync.no_error')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
