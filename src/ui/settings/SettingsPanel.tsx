import { useApi, useSettings } from '../stores/context';
import type { PlainKey } from '../i18n';
import {
  FONTS,
  LIMITS,
  THEMES,
  WIDTHS,
  stepFontSize,
  type FontChoice,
  type ReaderSettings,
  type ThemeChoice,
  type WidthChoice,
} from './reader-settings';

const THEME_LABELS: Record<ThemeChoice, PlainKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};
const FONT_LABELS: Record<FontChoice, PlainKey> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  mono: 'fontMono',
  dyslexic: 'fontDyslexic',
};
const WIDTH_LABELS: Record<WidthChoice, PlainKey> = {
  narrow: 'widthNarrow',
  medium: 'widthMedium',
  wide: 'widthWide',
};

function Choice<K extends keyof ReaderSettings, V extends ReaderSettings[K] & string>(props: {
  name: K;
  legend: string;
  choices: readonly V[];
  labels: Record<V, PlainKey>;
  idPrefix: string;
}) {
  const { t } = useApi();
  const store = useSettings();
  const current = store.settings.value[props.name];
  return (
    <fieldset class={`settings__choice settings__choice--${props.name}`}>
      <legend>{props.legend}</legend>
      {props.choices.map((value) => (
        <label key={value} class="choice" data-value={value}>
          <input
            type="radio"
            name={`${props.idPrefix}-${props.name}`}
            value={value}
            checked={current === value}
            onChange={() => void store.update({ [props.name]: value } as Partial<ReaderSettings>)}
          />
          <span>{t(props.labels[value])}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Every reading setting; changes apply at once here and in every other open surface. */
export function SettingsPanel({ idPrefix = 'settings' }: { idPrefix?: string }) {
  const { t } = useApi();
  const store = useSettings();
  const s = store.settings.value;
  return (
    <div class="settings">
      <Choice name="theme" legend={t('settingTheme')} choices={THEMES} labels={THEME_LABELS} idPrefix={idPrefix} />
      <Choice name="font" legend={t('settingFont')} choices={FONTS} labels={FONT_LABELS} idPrefix={idPrefix} />
      <div class="settings__row">
        <label for={`${idPrefix}-size`}>{t('settingFontSize')}</label>
        <div class="stepper">
          <button
            type="button"
            class="button button--small"
            aria-label={t('fontSmaller')}
            onClick={() => void store.update({ fontSize: stepFontSize(s.fontSize, -1) })}
          >
            A−
          </button>
          <input
            id={`${idPrefix}-size`}
            type="range"
            min={LIMITS.fontSize.min}
            max={LIMITS.fontSize.max}
            step={LIMITS.fontSize.step}
            value={s.fontSize}
            aria-valuetext={t('pixels', String(s.fontSize))}
            onInput={(e) => void store.update({ fontSize: Number(e.currentTarget.value) })}
          />
          <button
            type="button"
            class="button button--small"
            aria-label={t('fontLarger')}
            onClick={() => void store.update({ fontSize: stepFontSize(s.fontSize, 1) })}
          >
            A+
          </button>
          <output for={`${idPrefix}-size`}>{s.fontSize}</output>
        </div>
      </div>
      <div class="settings__row">
        <label for={`${idPrefix}-line-height`}>{t('settingLineHeight')}</label>
        <div class="stepper">
          <input
            id={`${idPrefix}-line-height`}
            type="range"
            min={LIMITS.lineHeight.min}
            max={LIMITS.lineHeight.max}
            step={LIMITS.lineHeight.step}
            value={s.lineHeight}
            onInput={(e) => void store.update({ lineHeight: Number(e.currentTarget.value) })}
          />
          <output for={`${idPrefix}-line-height`}>{s.lineHeight.toFixed(1)}</output>
        </div>
      </div>
      <Choice name="width" legend={t('settingWidth')} choices={WIDTHS} labels={WIDTH_LABELS} idPrefix={idPrefix} />
      <div class="settings__row">
        <label class="check">
          <input
            type="checkbox"
            checked={s.justify}
            onChange={(e) => void store.update({ justify: e.currentTarget.checked })}
          />
          <span>{t('settingJustify')}</span>
        </label>
      </div>
      <button type="button" class="button button--small settings__reset" onClick={() => void store.reset()}>
        {t('settingsReset')}
      </button>
    </div>
  );
}
