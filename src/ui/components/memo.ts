import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

function isShallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== right[key]) return false;
  for (const key in right) if (!(key in left)) return false;
  return true;
}

/**
 * `render`, drawn again only when one of its props changed (compared one by one). Preact's core
 * has no `memo` (it lives in preact/compat, which would bring React's whole surface along).
 */
export function memo<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !isShallowEqual(this.props, next);
    }
    override render() {
      return h(render, this.props);
    }
  };
}
