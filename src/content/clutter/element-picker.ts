/**
 * The element picker: the user points at a part of the page (mouse, or keyboard: arrows widen and
 * narrow, Enter hides, Esc cancels) and it becomes a rule for the site. Styles are set through
 * the CSSOM, which a page's Content-Security-Policy does not block, and the overlay lives in a
 * closed shadow root so the page's styles cannot reach it.
 */
import { KEEP_ATTRIBUTE, robustSelector } from '../../clutter';
import type { PickOutcome } from '../../shared/clutter-types';

export interface PickerTexts {
  instructions: string;
  refusedArticle: string;
  refusedPage: string;
  saved: string;
  cancel: string;
  hide: string;
}

export interface PickerOptions {
  /** The article body: neither it nor anything around it may be picked. */
  anchor: Element | null;
  texts: PickerTexts;
  /** Saves the rule; resolves with what was saved. */
  save(selector: string): Promise<PickOutcome>;
  onDone?(outcome: PickOutcome): void;
}

const Z_TOP = '2147483647';

function styled<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  styles: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, 'important');
  return el;
}

function describe(element: Element): string {
  const classes = (element.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return element.tagName.toLowerCase() + classes.map((c) => `.${c}`).join('');
}

/** Starts the picker; returns a function that cancels it. */
export function startElementPicker(doc: Document, options: PickerOptions): () => void {
  const win = doc.defaultView;
  if (!win) return () => undefined;
  const host = styled(doc, 'div', { position: 'fixed', inset: '0', 'z-index': Z_TOP, 'pointer-events': 'none' });
  host.setAttribute('data-tidy-picker', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = styled(doc, 'div', {
    position: 'fixed',
    outline: '3px solid #0060df',
    'outline-offset': '-1px',
    background: 'rgba(0, 96, 223, 0.18)',
    'pointer-events': 'none',
    display: 'none',
  });
  const bar = styled(doc, 'div', {
    position: 'fixed',
    left: '50%',
    bottom: '16px',
    transform: 'translateX(-50%)',
    display: 'flex',
    gap: '12px',
    'align-items': 'center',
    'max-width': 'calc(100vw - 32px)',
    padding: '10px 14px',
    'border-radius': '8px',
    background: 'Canvas',
    color: 'CanvasText',
    border: '2px solid #0060df',
    font: '14px/1.4 system-ui, sans-serif',
    'pointer-events': 'auto',
  });
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', options.texts.instructions);
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  const hideButton = doc.createElement('button');
  hideButton.type = 'button';
  hideButton.textContent = options.texts.hide;
  const cancelButton = doc.createElement('button');
  cancelButton.type = 'button';
  cancelButton.textContent = options.texts.cancel;
  bar.append(status, hideButton, cancelButton);
  shadow.append(box, bar);

  let current: Element | null = null;
  /** Where ArrowDown goes back to after ArrowUp. */
  const trail: Element[] = [];
  let busy = false;
  const isOurs = (el: Element | null) => el === host;

  const isGuarded = (el: Element): 'article' | 'page' | null => {
    if (el === doc.body || el === doc.documentElement) return 'page';
    const anchor = options.anchor;
    if (el.hasAttribute(KEEP_ATTRIBUTE) || (anchor && (el === anchor || el.contains(anchor)))) return 'article';
    return null;
  };

  const show = (el: Element | null, message?: string): void => {
    current = el;
    if (!el) {
      box.style.setProperty('display', 'none', 'important');
      return;
    }
    const rect = el.getBoundingClientRect();
    for (const [name, value] of Object.entries({
      display: 'block',
      left: `${rect.left}px`,
      top: `${rect.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    })) {
      box.style.setProperty(name, value, 'important');
    }
    status.textContent = message ?? `${describe(el)} — ${options.texts.instructions}`;
  };

  const finish = (outcome: PickOutcome): void => {
    stop();
    options.onDone?.(outcome);
  };

  const pick = async (): Promise<void> => {
    if (!current || busy) return;
    const refusal = isGuarded(current);
    if (refusal) {
      status.textContent = refusal === 'article' ? options.texts.refusedArticle : options.texts.refusedPage;
      return;
    }
    const selector = robustSelector(current);
    if (!selector) {
      status.textContent = options.texts.refusedPage;
      return;
    }
    busy = true;
    try {
      const outcome = await options.save(selector);
      if (outcome.status === 'refused') {
        status.textContent = outcome.reason === 'article' ? options.texts.refusedArticle : options.texts.refusedPage;
        return;
      }
      status.textContent = options.texts.saved;
      show(null);
      win.setTimeout(() => finish(outcome), 1200);
    } finally {
      busy = false;
    }
  };

  const onMove = (event: MouseEvent): void => {
    const target = doc.elementFromPoint(event.clientX, event.clientY);
    if (!target || isOurs(target) || target === current) return;
    trail.length = 0;
    show(target);
  };
  const onClick = (event: MouseEvent): void => {
    if (event.composedPath().includes(bar)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = doc.elementFromPoint(event.clientX, event.clientY);
    if (target && !isOurs(target) && target !== current) show(target);
    void pick();
  };
  const onKey = (event: KeyboardEvent): void => {
    const handled = ['Escape', 'ArrowUp', 'ArrowDown', 'Enter'].includes(event.key);
    if (!handled) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.key === 'Escape') finish({ status: 'cancelled' });
    else if (event.key === 'Enter') void pick();
    else if (event.key === 'ArrowUp' && current?.parentElement && current.parentElement !== doc.documentElement) {
      trail.push(current);
      show(current.parentElement);
    } else if (event.key === 'ArrowDown' && current) {
      const next = trail.pop() ?? current.firstElementChild;
      if (next) show(next);
    }
  };
  const swallow = (event: Event): void => {
    if (event.composedPath().includes(bar)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  hideButton.addEventListener('click', () => void pick());
  cancelButton.addEventListener('click', () => finish({ status: 'cancelled' }));
  win.addEventListener('mousemove', onMove, true);
  win.addEventListener('click', onClick, true);
  win.addEventListener('mousedown', swallow, true);
  win.addEventListener('mouseup', swallow, true);
  win.addEventListener('keydown', onKey, true);
  doc.documentElement.append(host);
  // Keyboard users start from the middle of the screen and widen or narrow from there.
  const start = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
  show(start && !isOurs(start) ? start : doc.body.firstElementChild);
  hideButton.focus();

  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    win?.removeEventListener('mousemove', onMove, true);
    win?.removeEventListener('click', onClick, true);
    win?.removeEventListener('mousedown', swallow, true);
    win?.removeEventListener('mouseup', swallow, true);
    win?.removeEventListener('keydown', onKey, true);
    host.remove();
  }
  return () => finish({ status: 'cancelled' });
}
