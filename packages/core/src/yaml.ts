/**
 * Serialises structured files (workflows, configs) as YAML 1.2 with stable, prettier-clean
 * formatting. The files are plain data (maps, lists, strings, numbers, booleans, null), so a small
 * writer serves, and scaffolding does not load a YAML library. Its output is what the `yaml`
 * package gives with `yamlOptions` (the tests compare both on every generated file), and the cli
 * still edits a user's YAML with that package, which keeps their comments.
 */
import { tagOf } from './versions.js';

export const yamlOptions = { lineWidth: 0, nullStr: '' } as const;

/** A value written with a trailing comment, e.g. a permission with the reason it is needed. */
export class Commented {
  constructor(
    readonly value: string | number | boolean,
    readonly comment: string,
  ) {}
}

export function commented(value: string | number | boolean, comment: string): Commented {
  return new Commented(value, comment);
}

const commentLines = (text: string, indent: string) =>
  text.split('\n').map((line) => `${indent}#${line.trimEnd() === '' ? '' : ` ${line}`}`.trimEnd());

// What YAML 1.2's core schema would read as another type than a string.
const otherTypes = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
// Where a plain scalar cannot start, end or hold these characters, it must be quoted.
const notPlain =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const documentMarker = /^(?:%|---|\.\.\.)/m;
const controlCharacters = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

const escapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
};

function doubleQuoted(text: string): string {
  const escaped = text.replace(
    /["\\\x00-\x1f\x7f-\x9f]/g,
    (char) => escapes[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  if (escaped.includes('\\n')) throw new UnsupportedValue(`a quoted string with a line break`);
  return `"${escaped}"`;
}

function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'") && !/\n/.test(text)) {
    return `'${text}'`;
  }
  return doubleQuoted(text);
}

/** A literal block (`|`): the line breaks at its end choose how YAML keeps them. */
function literalBlock(text: string, indent: string): string {
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  if (/^[ \n]/.test(text) || chomp === '+') throw new UnsupportedValue('this literal block');
  return `|${chomp}\n${indent}${body.replace(/\n+/g, `$&${indent}`)}`;
}

function scalar(value: string, indent: string, key: boolean): string {
  if (controlCharacters.test(value)) return doubleQuoted(value);
  if (key && value.includes('\n')) return quoted(value);
  if (notPlain.test(value)) {
    return key || !value.includes('\n') ? quoted(value) : literalBlock(value, indent);
  }
  if (!key && value.includes('\n')) return literalBlock(value, indent);
  if (documentMarker.test(value)) throw new UnsupportedValue(`"${value}"`);
  return otherTypes.some((type) => type.test(value)) ? quoted(value) : value;
}

/** A value the writer has no rule for: a bug in the engine, never a user's input. */
class UnsupportedValue extends Error {
  constructor(what: string) {
    super(`The YAML writer does not write ${what}.`);
  }
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Commented);

const entriesOf = (map: Record<string, unknown>) =>
  Object.entries(map).filter(([, value]) => value !== undefined);

function inline(value: unknown, indent: string, key?: string): string {
  if (value instanceof Commented) return `${inline(value.value, indent)} # ${value.comment}`;
  if (value === null) return '';
  if (typeof value === 'string') {
    const text = scalar(value, indent, false);
    const tag = key === 'uses' ? tagOf(value) : undefined;
    return tag ? `${text} # ${tag}` : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isMap(value) && entriesOf(value).length === 0) return '{}';
  throw new UnsupportedValue(`a ${typeof value} (${String(value)})`);
}

const isBlock = (value: unknown) =>
  (Array.isArray(value) && value.length > 0) || (isMap(value) && entriesOf(value).length > 0);

class Writer {
  readonly lines: string[] = [];
  private readonly unusedNotes: Map<string, string>;

  constructor(notes: Record<string, string>) {
    this.unusedNotes = new Map(Object.entries(notes));
  }

  map(map: Record<string, unknown>, indent: string, path: string, firstPrefix = indent): void {
    entriesOf(map).forEach(([key, value], index) => {
      const prefix = index === 0 ? firstPrefix : indent;
      const keyPath = path ? `${path}.${key}` : key;
      const note = this.unusedNotes.get(keyPath);
      if (note !== undefined) {
        if (index === 0 && prefix !== indent) throw new UnsupportedValue('a note on a list item');
        this.lines.push(...commentLines(note, indent));
        this.unusedNotes.delete(keyPath);
      }
      const written = `${prefix}${scalar(key, indent, true)}:`;
      if (isBlock(value)) {
        this.lines.push(written);
        this.block(value, `${indent}  `, keyPath);
      } else {
        const text = inline(value, `${indent}  `, key);
        this.lines.push(text === '' ? written : `${written} ${text}`);
      }
    });
  }

  list(list: unknown[], indent: string, path: string, firstPrefix = indent): void {
    list.forEach((item, index) => {
      const prefix = `${index === 0 ? firstPrefix : indent}- `;
      if (isMap(item) && isBlock(item)) this.map(item, `${indent}  `, `${path}.${index}`, prefix);
      else if (Array.isArray(item) && isBlock(item)) {
        this.list(item, `${indent}  `, `${path}.${index}`, prefix);
      } else {
        const text = inline(item, `${indent}  `);
        this.lines.push(text === '' ? prefix.trimEnd() : `${prefix}${text}`);
      }
    });
  }

  block(value: unknown, indent: string, path: string): void {
    if (Array.isArray(value)) this.list(value, indent, path);
    else this.map(value as Record<string, unknown>, indent, path);
  }

  checkNotesUsed(): void {
    const [path] = this.unusedNotes.keys();
    if (path !== undefined) throw new Error(`No key ${path} to put a note before.`);
  }
}

/**
 * YAML text of `value`, with `comment` as a header, `notes` before the keys they name (dotted
 * paths), and every SHA-pinned `uses:` followed by its version tag (`# v7.0.1`), as zizmor and
 * Dependabot expect.
 */
export function toYaml(
  value: unknown,
  comment?: string,
  notes: Record<string, string> = {},
): string {
  const writer = new Writer(notes);
  if (comment) writer.lines.push(...commentLines(comment, ''), '');
  if (isBlock(value)) writer.block(value, '', '');
  else writer.lines.push(inline(value, ''));
  writer.checkNotesUsed();
  return `${writer.lines.join('\n')}\n`;
}
