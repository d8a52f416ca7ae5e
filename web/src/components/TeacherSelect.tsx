/** A teacher of the administrator's district, looked up by part of a name or staff number while typing (GET /api/teachers). */
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useI18n } from '../i18n/index.js';
import { withQuery } from '../lib/api.js';
import type { Page, TeacherHit } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

// Enough to pick from while typing; a longer list means the search should be narrower.
const HITS = 20;
const TYPING_PAUSE_MS = 300;

interface Option {
  value: string;
  label: string;
}

/** Used inside a Form.Item, which passes the id its label points to, the value and onChange. */
export function TeacherSelect({ id, value, onChange }: { id?: string; value?: string; onChange?(value: string | undefined): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // The chosen teacher keeps its name in the field when a later search no longer finds it.
  const [chosen, setChosen] = useState<Option>();
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, loading } = useApi<Page<TeacherHit>>(withQuery('/api/teachers', { q, limit: HITS }));
  const found = (data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）· ${x.homeSchool.name}` }));
  const options = chosen && chosen.value === value && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select<string, Option>
      id={id}
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={loading}
      options={options}
      placeholder={t('teacherSearch')}
      notFoundContent={loading ? t('loading') : t('teacherNotFound')}
      style={{ width: 280 }}
      onChange={(next, option) => {
        setChosen(Array.isArray(option) ? undefined : option);
        onChange?.(next);
      }}
    />
  );
}
