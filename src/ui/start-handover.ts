/**
 * A page's classic start script (in its head: it runs as soon as the parser reaches it, while the
 * module entry waits for the end of parsing and for its imports) sends the page's first request,
 * and the module entry takes it over here, on one well-known property of the page's global
 * object. Taken once: a second take finds nothing.
 */
export interface StartHandover<T> {
  give(value: T): void;
  take(): T | undefined;
}

export function createStartHandover<T>(name: string): StartHandover<T> {
  const key = Symbol.for(`tidy-reader.${name}`);
  const scope = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    give(value) {
      scope[key] = value;
    },
    take() {
      const value = scope[key];
      delete scope[key];
      return value;
    },
  };
}
