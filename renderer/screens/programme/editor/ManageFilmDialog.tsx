import { useCallback, useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { EditableOffer, Envelope } from '../../../../shared/contract';
import { LoadState } from '../../../components/LoadState';
import { useApi } from '../../../context/coreContext';
import { useLoadedEnvelope } from '../../../hooks/coreData';
import { useNow } from '../../../hooks/pageHooks';
import { base64Of, EditorDialog, FilmFields, useFilmInput } from './FilmFields';
import { filmChange, filmText, type FilmChange } from './formValues';
import { AddSeanceForm, SeanceRow, type SeanceAction } from './SeanceForms';
import { TariffsSection } from './TariffFields';
import '../programme-editor.css';

interface ManageFilmDialogProps {
  offerId: number;
  /** Said first, e.g. how publishing went. */
  notice?: { error: boolean; text: string } | undefined;
  onClose: () => void;
}

/**
 * A film's programme at the counter, read fresh from pass Culture: (de)activate it, set or close the pass Culture
 * seats of each séance; for films this key created, edit the film's own fields, add and change its tariffs, and add,
 * move and delete séances too.
 */
export function ManageFilmDialog({ offerId, notice, onClose }: ManageFilmDialogProps) {
  const { t } = useTranslation('ui');
  const api = useApi();
  const now = useNow(30_000);
  const load = useCallback(() => api.call('programme.offer', { offerId }), [api, offerId]);
  const { envelope } = useLoadedEnvelope(load, '');
  const [offer, setOffer] = useState<EditableOffer | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(notice ?? null);
  const shown = offer ?? (envelope?.ok ? envelope.value : null);

  /** Resolves true when pass Culture took the write (forms then start again from what it has). */
  async function run<T>(write: () => Promise<Envelope<T>>, apply: (value: T) => void, done?: string): Promise<boolean> {
    setBusy(true);
    const result = await write();
    setBusy(false);
    if (result.ok) {
      apply(result.value);
      setMessage(done ? { error: false, text: done } : null);
    } else setMessage({ error: true, text: result.error.message });
    return result.ok;
  }

  /** A write answered with the whole film, shown as pass Culture now has it. */
  const writeOffer = (write: () => Promise<Envelope<EditableOffer>>, done?: string) => run(write, setOffer, done);

  function onSeanceAction(stockId: number, action: SeanceAction): void {
    if (!shown) return;
    const ref = { offerId: shown.offerId, stockId };
    const replaceSeance = (seance: EditableOffer['seances'][number]) =>
      setOffer({ ...shown, seances: shown.seances.map((s) => (s.stockId === seance.stockId ? seance : s)) });
    switch (action.kind) {
      case 'seats':
        void run(
          () => api.call('programme.seats.set', { ...ref, available: action.available }),
          replaceSeance,
          t('programme_editor.saved'),
        );
        return;
      case 'close':
        void run(() => api.call('programme.sales.close', ref), replaceSeance, t('programme_editor.closed_done'));
        return;
      case 'reopen':
        void run(() => api.call('programme.sales.reopen', ref), replaceSeance, t('programme_editor.reopened_done'));
        return;
      case 'move':
        void run(
          () =>
            api.call('programme.seance.update', {
              ...ref,
              day: action.day,
              time: action.time,
              priceCategoryId: action.priceCategoryId,
            }),
          setOffer,
          t('programme_editor.saved'),
        );
        return;
      case 'delete':
        void run(
          () => api.call('programme.seance.delete', ref),
          (value) => {
            setOffer(value.offer);
            setMessage({ error: false, text: t('programme_editor.deleted_done', { count: value.cancelledBookings }) });
          },
        );
        return;
    }
  }

  return (
    <EditorDialog title={shown?.name ?? t('programme_editor.loading')} testId="manage-film" onClose={onClose}>
      <LoadState envelope={envelope} errorLayout="line">
        {() => null}
      </LoadState>
      {shown && (
        <>
          <p data-testid="film-origin">
            {shown.managed ? t('programme_editor.origin_managed') : t('programme_editor.origin_imported')}
          </p>
          <p className="film-facts">
            <span data-testid="film-category">{t('programme_editor.category', { label: shown.category.label })}</span>
            {shown.videoUrl && (
              <span data-testid="film-video-link">{t('programme_editor.video', { url: shown.videoUrl })}</span>
            )}
          </p>
          <p>
            <span data-testid="film-status">
              {shown.isActive ? t('programme_editor.active') : t('programme_editor.inactive')}
            </span>{' '}
            <button
              type="button"
              className="button button--secondary"
              data-testid="film-toggle-active"
              disabled={busy}
              onClick={() =>
                void writeOffer(() =>
                  api.call('programme.offer.setActive', { offerId: shown.offerId, active: !shown.isActive }),
                )
              }
            >
              {shown.isActive ? t('programme_editor.deactivate') : t('programme_editor.activate')}
            </button>
          </p>
          {shown.managed && (
            <EditFilmForm
              offer={shown}
              busy={busy}
              onSave={(change) =>
                writeOffer(
                  () => api.call('programme.offer.update', { offerId: shown.offerId, ...change }),
                  t('programme_editor.film_saved'),
                )
              }
            />
          )}
          <TariffsSection
            offer={shown}
            busy={busy}
            onAdd={(tariff) =>
              writeOffer(
                () => api.call('programme.priceCategory.add', { offerId: shown.offerId, ...tariff }),
                t('programme_editor.tariff_added'),
              )
            }
            onUpdate={(priceCategoryId, change) => {
              const input = { offerId: shown.offerId, priceCategoryId, ...change };
              void writeOffer(
                () => api.call('programme.priceCategory.update', input),
                t('programme_editor.tariff_saved'),
              );
            }}
          />
          <ul className="seance-editor__list">
            {shown.seances.map((seance) => (
              <SeanceRow
                key={`${seance.stockId}-${seance.quantity}-${seance.closedSales?.closedAt ?? ''}`}
                seance={seance}
                managed={shown.managed}
                tariffs={shown.priceCategories}
                busy={busy}
                now={now}
                onAction={onSeanceAction}
              />
            ))}
          </ul>
          {shown.seances.length === 0 && <p>{t('programme_editor.no_seance')}</p>}
          {shown.managed && (
            <AddSeanceForm
              offer={shown}
              busy={busy}
              onAdd={(input) =>
                void writeOffer(
                  () => api.call('programme.seance.add', { offerId: shown.offerId, ...input }),
                  t('programme_editor.saved'),
                )
              }
            />
          )}
        </>
      )}
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={`editor-message editor-message--${message.error ? 'error' : 'ok'}`}
          data-testid="editor-message"
        >
          {message.text}
        </p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" className="button button--secondary" data-testid="editor-close" onClick={onClose}>
          {t('programme_editor.close')}
        </button>
      </div>
    </EditorDialog>
  );
}

interface EditFilmFormProps {
  offer: EditableOffer;
  busy: boolean;
  /** Resolves true once pass Culture has the change. */
  onSave: (change: FilmChange) => Promise<boolean>;
}

/** The own fields of a film this key published, folded away until asked for; only what changed is sent. */
function EditFilmForm({ offer, busy, onSave }: EditFilmFormProps) {
  const { t } = useTranslation('ui');
  const film = useFilmInput(filmText(offer));
  const change = filmChange(offer, film.values);
  const isChanged = Object.values(change).some((value) => value !== undefined) || film.poster !== null;

  async function save(): Promise<void> {
    const poster = film.poster ? { base64: await base64Of(film.poster.file) } : undefined;
    if (await onSave({ ...change, poster })) film.clearPoster();
  }

  return (
    <details className="film-editor" data-testid="edit-film">
      <summary data-testid="edit-film-open">{t('programme_editor.edit_film')}</summary>
      <form
        className="film-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (film.isValid && isChanged) void save();
        }}
      >
        <FilmFields film={film} />
        <button
          type="submit"
          className="button button--primary"
          data-testid="edit-film-submit"
          disabled={busy || !film.isValid || !isChanged}
        >
          {t('programme_editor.save_film')}
        </button>
      </form>
    </details>
  );
}
