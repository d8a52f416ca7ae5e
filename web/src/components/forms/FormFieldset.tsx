import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';

/** The frame of a step's form inside the decision form, named for screen readers by its legend. */
export function FormFieldset({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <fieldset style={{ border: '1px solid #eee', padding: 12, marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px' }}>{t('stepForm')}</legend>
      {children}
    </fieldset>
  );
}
