/**
 * A decision's form as one line of the case's timeline. Lists of records (nominees, plan rows, the
 * district list) show whom each names, ids the names the console knows for them, and an empty
 * list says so (a school nominating nobody).
 */
export interface SummaryWords {
  label(key: string): string;
  nameOf(id: string): string | undefined;
  none: string;
}

export function formSummary(form: Record<string, unknown>, { label, nameOf, none }: SummaryWords): string {
  const show = (value: unknown): string => {
    if (Array.isArray(value)) return value.length ? value.map(show).join('、') : none;
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return show(record.name ?? record.nominationId ?? record.teacherId ?? '');
    }
    return typeof value === 'string' ? (nameOf(value) ?? value) : String(value);
  };
  return Object.entries(form)
    .map(([key, value]) => `${label(key)}: ${show(value)}`)
    .join('；');
}
