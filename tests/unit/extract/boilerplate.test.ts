import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../../../src/clutter';
import { firstWordsOf, hasTopLevelBar } from '../../../src/clutter/word-index';
import {
  hasDate,
  INTERFACE_LABELS,
  isBylineLike,
  isDateline,
  isEndMatter,
  isInterfaceLabel,
} from '../../../src/extract/boilerplate';
import { INTERFACE_LABELS_BY_LANGUAGE } from '../../../src/extract/boilerplate-words';

describe('interface labels', () => {
  it('are one lowercase alternative each, filed by a first word the index can read', () => {
    for (const pattern of [...INTERFACE_LABELS, ...INTERFACE_LABELS_BY_LANGUAGE]) {
      expect(pattern, pattern).toBe(pattern.toLowerCase());
      expect(hasTopLevelBar(pattern), pattern).toBe(false);
      expect(firstWordsOf(pattern) !== null || pattern.startsWith('.'), pattern).toBe(true);
      expect(() => new RegExp(pattern, 'u'), pattern).not.toThrow();
    }
  });

  it('match whole lines only', () => {
    for (const label of [
      'Skip to content',
      'Schlagwörter',
      'Étiquettes',
      'Volver arriba',
      'Nach oben',
      '标签',
      'タグ',
      '태그',
    ]) {
      expect(isInterfaceLabel(normaliseLabel(label)), label).toBe(true);
    }
    for (const line of ['Skip to content and more', 'Tags and labels on the shelves were all in French.']) {
      expect(isInterfaceLabel(normaliseLabel(line)), line).toBe(false);
    }
  });
});

describe('dates', () => {
  it('reads day-first dates by their month name in every language, and nothing else as one', () => {
    for (const date of [
      '5. Juli 2023',
      '12 juillet 2023',
      '3 de agosto de 2023',
      '9 settembre 2023',
      '1 oktober 2023',
      '7 lipca 2023',
      '2 maj 2023 10:15',
    ]) {
      expect(hasDate(date), date).toBe(true);
    }
    for (const text of ['5 mares 2023', 'Marzo 2023 fue un mes difícil', 'The 5 marchers walked 2023 km']) {
      expect(hasDate(text), text).toBe(false);
    }
  });

  it('keeps prose that starts with a dateline word but holds no date', () => {
    expect(isDateline('Publicado por la editorial en la colección de bolsillo.')).toBe(false);
    expect(isDateline('Aktualisiert am 5. März 2024')).toBe(true);
  });
});

describe('bylines and end matter', () => {
  it('needs a capitalised name after a byline word that also opens sentences', () => {
    expect(isBylineLike('Par Jean Dupont', [])).toBe(true);
    expect(isBylineLike('par jean dupont', [])).toBe(false);
    expect(isBylineLike('By jane doe', [])).toBe(true);
  });

  it('knows copyright, source and author lines in every language', () => {
    for (const line of [
      'Wszelkie prawa zastrzeżone',
      'Alle rettigheder forbeholdes',
      'Fonte: Agência Brasil',
      'Källa: TT',
      'Om forfatteren',
      'Seguici su Instagram',
      'Dit artikel verscheen eerder in de Volkskrant.',
      '版权所有 © 2024',
    ]) {
      expect(isEndMatter(line, []), line).toBe(true);
    }
    expect(isEndMatter('Anna Schmidt ist Redakteurin im Ressort Politik.', ['Anna Schmidt'])).toBe(true);
    expect(isEndMatter('Die Quelle des Flusses liegt in den Alpen.', [])).toBe(false);
  });
});
