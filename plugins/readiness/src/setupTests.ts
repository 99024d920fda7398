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
