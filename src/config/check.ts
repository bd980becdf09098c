import type { RuleSet } from '../rules/types.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, type YamlSource } from '../util/yaml-source.js';
import type { Gates, ProfileDocument } from './types.js';

type Path = Array<string | number>;

/** The settings a configuration layer writes, as its file has them. */
export type LayerDocument = Pick<ProfileDocument, 'rules' | 'categories' | 'conditions'> & { gates?: Gates };

/**
 * A setting for a rule, category or condition that does not exist would silently do nothing: an
 * error, with the line and the closest name, as for every other mistake in a file the user wrote.
 * `at` is where the layer's settings sit in the file: `[]` for a configuration, `['profiles', name]`
 * for a profile it declares.
 */
export function checkLayer(ruleSet: RuleSet, source: YamlSource, at: Path, layer: LayerDocument): void {
  const ruleIds = ruleSet.rules.map((rule) => rule.id);
  const categoryIds = ruleSet.categories.map((category) => category.id);
  const conditionIds = ruleSet.conditions.map((condition) => condition.id);
  for (const id of Object.keys(layer.rules ?? {})) checkKnown(source, id, ruleIds, [...at, 'rules', id], 'rule');
  for (const id of Object.keys(layer.categories ?? {})) checkKnown(source, id, categoryIds, [...at, 'categories', id], 'category');
  for (const id of Object.keys(layer.gates?.failUnderCategory ?? {})) checkKnown(source, id, categoryIds, [...at, 'gates', 'failUnderCategory', id], 'category');
  for (const id of Object.keys(layer.conditions ?? {})) checkKnown(source, id, conditionIds, [...at, 'conditions', id], 'condition');
}

export function checkKnown(source: YamlSource, id: string, known: readonly string[], path: Path, noun: string, key = true): void {
  if (!known.includes(id)) throw inputErrorAt(source, path, `unknown ${noun} "${id}"${didYouMean(id, known)}`, key);
}
