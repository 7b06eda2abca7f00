/**
 * Scrolls the library page from top to end a screenful per frame, as a fling would, and resolves
 * with each frame's time and the rows in the page at the end. A frame's time runs from its start
 * (the animation frame's timestamp, before the scroll handlers and the list's redraw) until the
 * main thread is free again after painting it. Source text, not a function: tsx would wrap the
 * inner functions' names in a helper the page lacks. Shared by `bench:library` and the trace tool.
 */
export const SCROLL_TO_END_SCRIPT = `new Promise((done) => {
  const frames = [];
  const channel = new MessageChannel();
  let frameStart = 0;
  channel.port1.onmessage = () => frames.push(performance.now() - frameStart);
  const step = () =>
    requestAnimationFrame((time) => {
      frameStart = time;
      channel.port2.postMessage(0);
      const end = document.documentElement.scrollHeight - innerHeight;
      if (scrollY >= end - 1) {
        setTimeout(() => done({ frames, rows: document.querySelectorAll('.entry').length }), 500);
        return;
      }
      scrollBy({ top: innerHeight, behavior: 'instant' });
      step();
    });
  step();
})`;

export interface ScrolledToEnd {
  frames: number[];
  rows: number;
}
