import { tFor, type TFunction } from '@soestainable/shared/text';
import { useLang } from '../app/context';

/**
 * `const t = useT(); t(pageTexts.title)`, `t(pageTexts.shownOf, { n, total })`: the shared `t()` in the user's
 * language. The placeholders are typed from the text; the function is the same for a language, so it can be a
 * dependency of `useCallback`/`useEffect`. Code outside a component takes a `TFunction` from its caller.
 */
export function useT(): TFunction {
  return tFor(useLang());
}
