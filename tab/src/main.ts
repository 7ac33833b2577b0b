import { languageFrom, t } from './texts';

/**
 * The tab's first page, until the dashboard (the tab issue) lands: says what is coming, in the user's language,
 * and whether the server and its storage answer.
 */
const lang = languageFrom(new URLSearchParams(location.search).get('lang') ?? navigator.language);
document.documentElement.lang = lang;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, textContent?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}

const root = document.getElementById('root');
if (root) {
  root.style.cssText = 'font-family: "Segoe UI", system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5;';
  root.append(el('h1', t('title', lang)), el('p', t('intro', lang)), el('h2', t('coming', lang)));
  const list = el('ul');
  for (const key of ['dashboard', 'programme', 'saidDid', 'progress'] as const) list.append(el('li', t(key, lang)));
  const status = el('p');
  status.setAttribute('role', 'status');
  root.append(list, status);
  fetch('/healthz')
    .then((res) => {
      status.textContent = t(res.ok ? 'healthOk' : 'healthDown', lang);
    })
    .catch(() => {
      status.textContent = t('healthUnknown', lang);
    });
}
