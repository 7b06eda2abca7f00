import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { PageRoot } from '../../../src/ui/PageRoot';
import type { ExtensionApi } from '../../../src/ui/api/extension-api';
import type { SpeechEngine } from '../../../src/ui/speech/speech-engine';

/** Renders `children` inside the same root every extension page uses, with a mock API. */
export function renderWithPage(children: ComponentChildren, api: ExtensionApi, speech: SpeechEngine | null = null) {
  return render(
    <PageRoot api={api} speech={speech}>
      {children}
    </PageRoot>,
  );
}
