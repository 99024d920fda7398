import '@testing-library/jest-dom';

// jsdom does not lay out SVG; the dependency graph measures its nodes with getBBox.
if (!(window.SVGElement.prototype as any).getBBox) {
  (window.SVGElement.prototype as any).getBBox = () => ({ x: 0, y: 0, width: 120, height: 32 });
}
