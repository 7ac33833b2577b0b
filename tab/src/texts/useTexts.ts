import { useCallback } from 'react';
import { useLang } from '../app/context';
import { translate, type TextTable, type TextVars } from './translate';

/** `const t = useTexts(pageTexts); t('title')`: a page's texts in the user's language. */
export function useTexts<T extends TextTable>(table: T): (key: keyof T & string, vars?: TextVars) => string {
  const lang = useLang();
  return useCallback((key: keyof T & string, vars?: TextVars) => translate(table, lang, key, vars), [table, lang]);
}
