// @ts-check
/**
 * Every word a person reads comes from `_locales` through the translator (`t`), so that it is
 * there in every shipped language. This rule reports words written into the interface as
 * literals: JSX text, string literals in JSX (children, conditionals) and in attributes a person
 * reads or hears (aria-label, title, placeholder, alt…), and the same attributes or text set on
 * DOM nodes by hand. Symbols, numbers and punctuation ("·", "×", "↑ ↓") are not words and pass.
 * A literal that is not a word for a person (a sample glyph, a brand) takes an explicit
 * `// eslint-disable-next-line tidy/no-literal-ui-text -- <why>`.
 */

/** Two letters in a row make a word; a lone letter or a symbol does not. */
const WORD = /\p{L}{2,}/u;

/** Attributes whose value a person reads or a screen reader speaks. */
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** DOM properties that show or speak their value. */
const VISIBLE_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'title',
  'placeholder',
  'alt',
  'ariaLabel',
  'ariaDescription',
  'ariaValueText',
]);

/** @param {import('estree').Node | null | undefined} node @returns {import('estree').Node[]} */
function wordyLiterals(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && WORD.test(node.value) ? [node] : [];
    case 'TemplateLiteral':
      return node.quasis.some((q) => WORD.test(q.value.cooked ?? q.value.raw)) ? [node] : [];
    case 'ConditionalExpression':
      return [...wordyLiterals(node.consequent), ...wordyLiterals(node.alternate)];
    case 'LogicalExpression':
      return [...wordyLiterals(node.left), ...wordyLiterals(node.right)];
    default:
      return [];
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'Words a person reads come from _locales through the translator, not literals.' },
    messages: {
      literal: 'User-visible text "{{text}}" is a literal: add it to src/_locales/en/messages.json and use t().',
    },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').Node} node */
    const report = (node) => {
      const source = context.sourceCode.getText(node).trim().replace(/\s+/g, ' ');
      context.report({ node, messageId: 'literal', data: { text: source.slice(0, 60) } });
    };
    /** @param {import('estree').Node | null | undefined} node */
    const reportWordy = (node) => wordyLiterals(node).forEach(report);
    return {
      /** @param {any} node */
      JSXText(node) {
        if (!WORD.test(node.value)) return;
        // The text node starts with the line break before it: point at its first word.
        const start = context.sourceCode.getLocFromIndex(node.range[0] + node.value.search(/\S/));
        const text = node.value.trim().replace(/\s+/g, ' ').slice(0, 60);
        context.report({ loc: { start, end: start }, messageId: 'literal', data: { text } });
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXAttribute') return;
        reportWordy(node.expression);
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
        if (!VISIBLE_ATTRIBUTES.has(String(name))) return;
        if (node.value?.type === 'Literal') reportWordy(node.value);
        else if (node.value?.type === 'JSXExpressionContainer') reportWordy(node.value.expression);
      },
      AssignmentExpression(node) {
        const target = node.left;
        if (target.type !== 'MemberExpression' || target.computed || target.property.type !== 'Identifier') return;
        if (VISIBLE_PROPERTIES.has(target.property.name)) reportWordy(node.right);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (callee.property.name !== 'setAttribute') return;
        const [name, value] = node.arguments;
        if (name?.type === 'Literal' && VISIBLE_ATTRIBUTES.has(String(name.value))) reportWordy(value);
      },
    };
  },
};

export const tidyPlugin = { rules: { 'no-literal-ui-text': noLiteralUiText } };
