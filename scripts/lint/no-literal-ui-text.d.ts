import type { ESLint, Rule } from 'eslint';

export declare const noLiteralUiText: Rule.RuleModule;
export declare const tidyPlugin: ESLint.Plugin & { rules: Record<string, Rule.RuleModule> };
