import '@testing-library/jest-dom';

// jsdom does not lay out SVG; the dependency graph measures its nodes with getBBox.
if (!(window.SVGElement.prototype as any).getBBox) {
  (window.SVGElement.prototype as any).getBBox = () => ({
    x: 0,
    y: 0,
    width: 120,
    height: 32,
  });
}

// jsdom has no ResizeObserver; the chart's responsive container only needs it to exist (it then keeps size 0).
if (!(window as any).ResizeObserver) {
  (window as any).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// jsdom does not lay out text; CodeMirror (the track playground's editor) measures it through ranges.
if (!(window.Range.prototype as any).getClientRects) {
  const none = { x: 0, y: 0, width: 0, height: 0, top: 0, left: 0 };
  const rect = { ...none, bottom: 0, right: 0, toJSON: () => none };
  (window.Range.prototype as any).getBoundingClientRect = () => rect;
  (window.Range.prototype as any).getClientRects = () => ({
    length: 0,
    item: () => null,
    [Symbol.iterator]: function* empty() {},
  });
}

// jsdom cannot parse the nested CSS of Backstage UI's stylesheet and reports it through console.error with the whole
// stylesheet attached (tens of thousands of lines per test file). The styles do not matter to these tests; only
// that one report is dropped, every other console.error still shows.
/* eslint-disable no-console */
const consoleError = console.error;
console.error = (...args: unknown[]) => {
  const first = args[0] as { message?: unknown } | string | undefined;
  const message =
    typeof first === 'string' ? first : String(first?.message ?? '');
  if (message.startsWith('Could not parse CSS stylesheet')) return;
  consoleError(...args);
};
/* eslint-enable no-console */
