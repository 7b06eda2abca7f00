import type { HighlightColor } from '../../highlights/types';
import type { PlainKey } from '../i18n';

export const COLOR_NAMES: Record<HighlightColor, PlainKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
};
