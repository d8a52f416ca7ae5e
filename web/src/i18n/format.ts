/** Dates and amounts as officials read them; pure, so unit tests run it outside a browser. */
export type Lang = 'zh-CN' | 'en';

// The bureau works in Beijing time, whatever the browser's zone.
const ZONE = 'Asia/Shanghai';
function parts(value: string | Date): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(formatter.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(lang: Lang, value: string | Date): string {
  const p = parts(value);
  return lang === 'zh-CN' ? `${p.year}年${Number(p.month)}月${Number(p.day)}日` : `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

export function formatDateTime(lang: Lang, value: string | Date): string {
  const p = parts(value);
  return `${formatDate(lang, value)} ${p.hour}:${p.minute}`;
}

/** API amounts are integer fen; officials read yuan with thousands separators. */
export function formatYuan(lang: Lang, fen: number): string {
  return `¥${(fen / 100).toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
