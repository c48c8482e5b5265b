/** Markdown tables for the docs, derived from the registry so they cannot drift from the code. */
import { schema, tasks, type JsonSchema } from '@ml-cicd/config';
import { taskDefaults } from './features/base/params.js';
import { features } from './features/index.js';
import { replacedValues } from './moved-answers.js';
import type { Feature } from './features/types.js';
import { options, slots, type Option, type SlotKey } from './options.js';

function values(option: Option): string {
  switch (option.kind) {
    case 'choice':
      return option.choices.map((choice) => `\`${choice.value}\``).join(', ');
    case 'list':
      return 'a comma-separated list';
    case 'number':
      return `${option.min} to ${option.max} (${option.unit})`;
    case 'text':
      return option.form;
  }
}

function fallback(option: Option): string {
  switch (option.kind) {
    case 'list':
      return `\`${option.default.join(',')}\``;
    case 'text':
      if (option.default === undefined) return 'the folder name';
      return option.default === '' ? 'unset' : `\`${option.default}\``;
    default:
      return `\`${option.default}\``;
  }
}

export function optionsTable(): string {
  const rows = options.map(
    (option) =>
      `| \`--${option.flag}\` | ${values(option)} | ${fallback(option)} | ${option.help}${option.when ? ` (only ${option.when.description})` : ''} |`,
  );
  return ['| flag | values | default | what it sets |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

function selectedBy({ choice, on, serves, needs }: Feature): string {
  if (serves) return `with ${serves.map((id) => `\`${id}\``).join(' or ')}`;
  if (needs) return `with ${needs.map((id) => `\`${id}\``).join(' and ')}`;
  if (on) return on.description;
  if (!choice) return 'always';
  const flag = `\`--${slots[choice.option].flag} ${choice.value}\``;
  return choice.retired ? `${flag} (retired: recorded answers only)` : flag;
}

export function featuresTable(): string {
  const rows = features.map(
    (feature) => `| \`${feature.id}\` | ${selectedBy(feature)} | ${feature.description} |`,
  );
  return ['| feature | selected by | what it adds |', '| --- | --- | --- |', ...rows].join('\n');
}

const cell = (text: string) => text.replaceAll('|', '\\|');

/**
 * The rows of the keys of a top-level object. A section with a kind (`runner`, `data`) has the keys
 * of every kind's branch, each row naming the kinds it holds for unless it holds for all.
 */
function childRows(key: string, property: JsonSchema): string[] {
  const tag = property.discriminator?.propertyName;
  const branches = tag ? (property.oneOf ?? []) : [property];
  const rows = new Map<
    string,
    { child: string; required: string; text: string; kinds: string[] }
  >();
  for (const branch of branches) {
    const kind = tag ? `\`${String(branch.properties?.[tag]?.const)}\`` : '';
    for (const [child, inner] of Object.entries(branch.properties ?? {})) {
      const required = (branch.required ?? []).includes(child) ? 'yes' : 'no';
      const text = inner.description ?? '';
      const id = JSON.stringify([child, required, text]);
      const row = rows.get(id) ?? { child, required, text, kinds: [] };
      rows.set(id, { ...row, kinds: [...row.kinds, kind] });
    }
  }
  return [...rows.values()].map(({ child, required, text, kinds }) => {
    const only = kinds.length < branches.length ? `, with ${tag} ${kinds.join(', ')}` : '';
    return `| \`${key}.${child}\` | ${required}${only} | ${cell(text)} |`;
  });
}

/** The keys of `ml-cicd.yaml` from its schema: each top-level key and the keys of its objects. */
export function configTable(): string {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).flatMap(([key, property]) => [
    `| \`${key}\` | ${required.has(key) ? 'yes' : 'no'} | ${cell(property.description ?? '')} |`,
    ...childRows(key, property),
  ]);
  return ['| key | required | what it holds |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Each task's defaults: the bundled data, the estimator, the metrics and the gates. */
export function tasksTable(): string {
  const rows = tasks.map((task) => {
    const { dataset, estimator, metrics, gates } = taskDefaults[task];
    const bounds = gates.map(({ metric, min, max }) =>
      min !== undefined ? `${metric} >= ${min}` : `${metric} <= ${max}`,
    );
    return `| \`${task}\` | \`${dataset}\` | \`${estimator}\` | ${metrics.join(', ')} | ${bounds.join(', ')} |`;
  });
  return [
    '| task | bundled data (scikit-learn, no download) | estimator | metrics | gates |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The values `tracker.kind` of ml-cicd.yaml takes, each with what it means, from the option. */
function trackerKinds(): { value: string; description: string }[] {
  const tracker = options.find((option) => option.key === 'tracker');
  if (tracker?.kind !== 'choice') throw new Error('No tracker option.');
  return [
    ...tracker.choices.map(({ value, label, hint }) => ({
      value,
      description: hint ? `${label}, ${hint}` : label,
    })),
    ...(tracker.retired ?? []).map(({ value }) => ({
      value,
      description: 'retired, kept so that projects which have it still validate until they move',
    })),
  ];
}

/** The branch of ml-cicd.yaml's schema each feature a `slot` chooses declares, with its value. */
function branches(slot: SlotKey) {
  return features.flatMap(({ id, choice, schemaBranch }) => {
    if (choice?.option !== slot) return [];
    if (!schemaBranch)
      throw new Error(`${id} declares no schemaBranch, which every ${slot} needs.`);
    return [{ value: choice.value, ...schemaBranch }];
  });
}

/**
 * What config's schema knows of the features, which `pnpm docs:tables` writes to its
 * `kinds.generated.ts`: the values of `tracker.kind`, the branch of each value of `runner.kind`
 * and of `data.kind`, and the values a newer version replaced.
 */
export function schemaKinds() {
  return {
    tracker: trackerKinds(),
    runner: branches('runner'),
    data: branches('data'),
    replaced: replacedValues(),
  };
}

/** `text` with every `<!-- generated:NAME -->…<!-- end:NAME -->` block filled from the registry. */
export function withGeneratedTables(text: string): string {
  const tables: Record<string, string> = {
    options: optionsTable(),
    features: featuresTable(),
    config: configTable(),
    tasks: tasksTable(),
  };
  return text.replace(
    /(<!-- generated:(\w+) -->\n)[\s\S]*?(<!-- end:\2 -->)/g,
    (_, open: string, name: string, close: string) => `${open}${tables[name] ?? ''}\n${close}`,
  );
}
