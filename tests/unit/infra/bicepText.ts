/**
 * Just enough of Bicep's syntax to check our templates without a Bicep compiler (none can be installed here):
 * comments, single-quoted strings, brace/bracket blocks, and the top-level declarations. It reads the house style
 * of infra/*.bicep (one declaration per line, objects one property per line); it is not a general Bicep parser.
 */

export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
  readonly secure: boolean;
}

export interface BicepModule {
  readonly symbol: string;
  readonly path: string;
  /** The names passed in `params: { … }`. */
  readonly params: readonly string[];
}

export interface BicepFile {
  /** The text without comments (strings kept). */
  readonly code: string;
  readonly params: readonly BicepParam[];
  readonly outputs: readonly { readonly name: string; readonly type: string; readonly value: string }[];
  readonly modules: readonly BicepModule[];
  readonly resources: readonly { readonly symbol: string; readonly type: string; readonly body: string }[];
}

/** Removes `//` and `/* *\/` comments, keeping everything inside '…' strings (URLs contain `//`). */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (ch === "'") inString = false;
      i++;
    } else if (ch === "'") {
      inString = true;
      out += ch;
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The text from an opening `{` or `[` at `start` to its matching closer (inclusive), skipping strings. */
export function blockAt(code: string, start: number): string {
  const open = code[start];
  const close = open === '{' ? '}' : open === '[' ? ']' : undefined;
  if (close === undefined) throw new Error(`no block opens at ${start}: "${code.slice(start, start + 20)}"`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < code.length; i++) {
    const ch = code[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === "'") inString = false;
      continue;
    }
    if (ch === "'") inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return code.slice(start, i + 1);
    }
  }
  throw new Error(`unclosed block at ${start}`);
}

/** The keys at the first level of an object block `{ key: … }`. */
export function topLevelKeys(block: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  let lineStart = true;
  for (let i = 0; i < block.length; i++) {
    const ch = block[i] as string;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === "'") inString = false;
      continue;
    }
    if (lineStart && depth === 1) {
      const m = /^\s*(\w+)\s*:/.exec(block.slice(i, block.indexOf('\n', i) < 0 ? undefined : block.indexOf('\n', i)));
      if (m) keys.push(m[1] as string);
    }
    lineStart = ch === '\n';
    if (ch === "'") inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return keys;
}

/** The block a declaration opens, e.g. `var appSettings = [` → the whole array text. */
export function declarationBlock(code: string, pattern: RegExp): string {
  const m = pattern.exec(code);
  if (!m) throw new Error(`not found: ${pattern}`);
  const open = m.index + m[0].length - 1;
  return blockAt(code, open);
}

export function parseBicep(text: string): BicepFile {
  const code = stripComments(text);
  const params: BicepParam[] = [];
  const paramRe = /((?:^\s*@[^\n]*\n)*)^\s*param\s+(\w+)\s+(\w+)([^\n]*)$/gm;
  for (const m of code.matchAll(paramRe)) {
    params.push({ name: m[2] as string, type: m[3] as string, hasDefault: /^\s*=/.test(m[4] ?? ''), secure: /@secure\(\)/.test(m[1] ?? '') });
  }
  const outputs = [...code.matchAll(/^\s*output\s+(\w+)\s+(\w+)\s*=\s*([^\n]+)$/gm)].map((m) => ({
    name: m[1] as string,
    type: m[2] as string,
    value: (m[3] as string).trim(),
  }));
  const modules: BicepModule[] = [];
  for (const m of code.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)) {
    const body = blockAt(code, m.index + m[0].length - 1);
    const paramsAt = /\bparams:\s*\{/.exec(body);
    modules.push({
      symbol: m[1] as string,
      path: m[2] as string,
      params: paramsAt ? topLevelKeys(blockAt(body, paramsAt.index + paramsAt[0].length - 1)) : [],
    });
  }
  const resources = [...code.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@[^']+'\s*=\s*(\[for [^\n]*:\s*)?\{/gm)].map((m) => ({
    symbol: m[1] as string,
    type: m[2] as string,
    body: blockAt(code, m.index + m[0].length - 1),
  }));
  return { code, params, outputs, modules, resources };
}

/** `{ name: 'X'  value: … }` objects of an array block, in order. */
export function nameValuePairs(arrayBlock: string): { name: string; value: string }[] {
  return [...arrayBlock.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*([^\n]+)/g)].map((m) => ({ name: m[1] as string, value: (m[2] as string).trim() }));
}
