import { useState } from 'preact/hooks';
import type { ExportFormat } from '../api/library-api';
import type { ImportStore } from '../stores/createImportStore';
import type { LibraryStore } from '../stores/createLibraryStore';
import { useApi } from '../stores/context';
import { saveFile } from './save-file';

/** Export of the whole library and import of files: the way in and out, in open formats. */
export function LibraryData({ store, imports }: { store: LibraryStore; imports: ImportStore }) {
  const { t } = useApi();
  const [format, setFormat] = useState<ExportFormat>('archive');
  return (
    <section class="data" aria-label={t('dataHeading')}>
      <form
        class="data__row"
        onSubmit={async (e) => {
          e.preventDefault();
          const file = await store.exportArticles({ ids: null, format, markdownImages: 'files' });
          if (file) saveFile(file);
        }}
      >
        <label class="field">
          <span>{t('exportFormat')}</span>
          <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="archive">{t('formatArchive')}</option>
            <option value="epub">{t('formatEpub')}</option>
            <option value="markdown">{t('formatMarkdown')}</option>
            <option value="html">{t('formatHtml')}</option>
            <option value="obsidian">{t('formatObsidian')}</option>
            <option value="annotations">{t('formatAnnotations')}</option>
          </select>
        </label>
        <button type="submit" class="button" disabled={store.isBusy.value}>
          {t('exportAll')}
        </button>
      </form>
      <div class="data__row">
        <label class="field">
          <span>{t('importLabel')}</span>
          <input
            type="file"
            name="import"
            accept=".zip,.csv,.html,.htm,application/zip,text/csv,text/html"
            disabled={store.isBusy.value}
            onChange={(e) => {
              // The event's currentTarget is gone once the handler returns: keep the input.
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void imports.start(file).then(() => (input.value = ''));
            }}
          />
        </label>
        <p class="data__hint">{t('importHint')}</p>
      </div>
    </section>
  );
}
