import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { tidyPlugin } from '../../../scripts/lint/no-literal-ui-text.js';

const root = resolve(import.meta.dirname, '../../..');
const RULE = 'tidy/no-literal-ui-text';

describe('lint: no user-visible literal outside _locales', () => {
  it('reports every word written into the interface in a deliberately wrong file, and nothing else', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.tsx'],
          languageOptions: { parser: tseslint.parser },
          plugins: { tidy: tidyPlugin },
          rules: { [RULE]: 'error' },
        },
      ],
    });
    const [result] = await eslint.lintFiles([join(root, 'tests/fixtures/lint/literal-ui-text.tsx')]);
    const reported = result!.messages.map((m) => `${m.line}: ${m.message.match(/"(.*)"/)?.[1] ?? m.message}`);
    expect(result!.messages.every((m) => m.ruleId === RULE)).toBe(true);
    expect(reported).toEqual([
      "7: 'Saved to your library'",
      "8: 'Close the dialog'",
      '10: "Reading settings"',
      "10: 'Open'",
      "10: 'Closed'",
      '11: Nothing to read',
      "12: 'Shown'",
      '13: `${count} promos`',
      '14: "Search"',
      '15: "Lead image"',
    ]);
  });

  it('applies to the pages and the content scripts, in the repository config', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const file of [
      'src/ui/popup/Popup.tsx',
      'src/ui/library/Library.tsx',
      'src/content/clutter/element-picker.ts',
    ]) {
      const config = (await eslint.calculateConfigForFile(join(root, file))) as { rules: Record<string, unknown> };
      expect(config.rules[RULE], file).toEqual([2]);
    }
  });
});
