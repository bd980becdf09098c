import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../src/answers/load.js';
import { loadBusinessData } from '../src/business/data.js';
import { checkConfigAgainst, loadConfig } from '../src/config/load.js';
import { cli } from './helpers/cli.js';
import { builtinRules } from './helpers/rule-tester.js';
import { tempDir } from './helpers/temp.js';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');

/** The fenced block of the given language that follows a heading. */
function block(heading: string, language: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const start = section.indexOf(`\`\`\`${language}\n`) + language.length + 4;
  return section.slice(start, section.indexOf('```', start));
}

describe('README', () => {
  it('shows an answers file that the loader accepts, with a blank answer left unanswered', async () => {
    const dir = await tempDir({ 'answers.yaml': block('## Answering the questionnaire', 'yaml') });
    const answers = await loadAnswers(join(dir, 'answers.yaml'), builtinRules.questions);
    expect(Object.keys(answers.values)).toHaveLength(8);
    expect(answers.values['monitoring.model-age']).toBeUndefined();
  });

  it('shows a configuration that the loader accepts', async () => {
    const dir = await tempDir({ '.scale-audit.yaml': block('### Configuration', 'yaml') });
    const { config, source } = await loadConfig(join(dir, '.scale-audit.yaml'));
    expect(() => checkConfigAgainst(builtinRules, source, config)).not.toThrow();
    expect(config.waivers).toHaveLength(1);
  });

  it('shows a custom profile that the loader accepts', async () => {
    const dir = await tempDir({ '.scale-audit.yaml': block('### Profiles', 'yaml') });
    const { config, source } = await loadConfig(join(dir, '.scale-audit.yaml'));
    expect(() => checkConfigAgainst(builtinRules, source, config)).not.toThrow();
    expect(config.profiles[config.profile!.name]!.document.extends).toBe('batch-scoring');
  });

  it('shows the misspelling message the loader really gives', async () => {
    const dir = await tempDir({ 'answers.yaml': 'version: 1\nanswers:\n  security.personal-data: none\n  governance.eu-ai-act-risk: minimal\n  team.ownrs: both\n' });
    await expect(loadAnswers(join(dir, 'answers.yaml'), builtinRules.questions)).rejects.toThrow(/unknown question "team\.ownrs" \(did you mean "team\.owners"\?\)/);
    expect(readme).toContain('answers.yaml:5:3: unknown question "team.ownrs" (did you mean "team.owners"?)');
  });

  it('shows an assumptions file that the loader accepts', async () => {
    const dir = await tempDir({ 'assumptions.yaml': block('## Numbers for a steering committee', 'yaml') });
    const { assumptions } = await loadBusinessData(join(dir, 'assumptions.yaml'));
    expect(assumptions['production-budget-multiplier']).toMatchObject({ min: 2, max: 4, source: 'Our last three projects' });
    expect(assumptions['target-level'].value).toBe(3);
  });

  it('counts the rules the packs really have', () => {
    const total = builtinRules.rules.length;
    expect(readme).toContain(`| **all** | ${total} |`);
    for (const category of builtinRules.categories) {
      const count = builtinRules.rules.filter((rule) => rule.category === category.id).length;
      expect(readme).toMatch(new RegExp(`\\| ${category.id} \\| ${count} \\|`));
    }
  });

  it.each(['audit', 'rules', 'explain', 'scan', 'render', 'compare', 'portfolio', 'init', 'schema'])('documents every option of %s that the CLI offers', async (command) => {
    const help = await cli([command, '--help']);
    const options = [...new Set(help.stdout.match(/--[a-z][a-z-]+/g))].filter((option) => option !== '--help');
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(readme, option).toContain(option);
  });
});
