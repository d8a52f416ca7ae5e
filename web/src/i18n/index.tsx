/** The console's languages: a typed dictionary, and dates and amounts formatted as each language expects. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { caseTypeTitles, type CaseTypeCode } from '../../../policy/case-types.js';
import { stepTitles } from '../../../policy/approval-chains.js';
import { en } from './en.js';
import { formatDate, formatDateTime, formatYuan, type Lang } from './format.js';
import { zh } from './zh.js';

export type { Lang } from './format.js';
export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const dictionaries: Record<Lang, Messages> = { 'zh-CN': zh, en };
const LANG_KEY = 'groupflow.lang';

export function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A dictionary entry named at run time (a status, an event kind); the raw code when there is none. */
  code(prefix: string, value: string): string;
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
  yuan(fen: number): string;
  caseType(type: string): string;
  stepTitle(key: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const side = lang === 'zh-CN' ? 'zh' : 'en';
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      code: (prefix, v) => {
        const key = `${prefix}${v}`;
        return isMessageKey(key) ? translate(lang, key) : v;
      },
      date: (v) => formatDate(lang, v),
      dateTime: (v) => formatDateTime(lang, v),
      yuan: (fen) => formatYuan(lang, fen),
      caseType: (type) => (type in caseTypeTitles ? caseTypeTitles[type as CaseTypeCode][side] : type),
      stepTitle: (key) => stepTitles[key]?.[side] ?? key,
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
