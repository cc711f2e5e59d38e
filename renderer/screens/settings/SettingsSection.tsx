import type { ReactNode } from 'react';

interface SettingsSectionProps {
  /** Used for the heading's id and as `data-testid="settings-<id>"`. */
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}

/** One part of the Réglages screen (account, printer, scanner…): a titled block. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  return (
    <section className="settings-section" aria-labelledby={`settings-${id}-title`} data-testid={`settings-${id}`}>
      <h3 className="settings-section__title" id={`settings-${id}-title`}>
        {title}
      </h3>
      {description && <p className="settings-section__description">{description}</p>}
      {children}
    </section>
  );
}
